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
    public static void WriteText(TextWriter writer, string? value) => WriteText(writer, value.AsSpan());

    /// <inheritdoc cref="WriteText(TextWriter, string?)"/>
    public static void WriteText(TextWriter writer, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        // The apostrophe needs no quoting, so whether to quote depends on the value alone.
        var formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            if (formula)
            {
                writer.Write('\'');
            }

            writer.Write(value);
            return;
        }

        writer.Write('"');
        if (formula)
        {
            writer.Write('\'');
        }

        for (var quote = value.IndexOf('"'); quote >= 0; quote = value.IndexOf('"'))
        {
            writer.Write(value[..(quote + 1)]);
            writer.Write('"');
            value = value[(quote + 1)..];
        }

        writer.Write(value);
        writer.Write('"');
    }
}
