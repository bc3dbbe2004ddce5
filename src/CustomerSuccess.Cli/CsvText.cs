using System;
using System.IO;

namespace CustomerSuccess.Cli;

/// <summary>Writes CSV cells (RFC 4180) that are safe to open in a spreadsheet.</summary>
internal static class CsvText
{
    /// <summary>
    /// Writes a text cell: a cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a
    /// leading apostrophe so that a spreadsheet shows it as text instead of running it as a formula; a cell with a comma,
    /// quote or line break is quoted.
    /// </summary>
    public static void WriteText(TextWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var escaped = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (escaped.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(escaped);
            return;
        }

        writer.Write('"');
        writer.Write(escaped.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
