using System;
using System.IO;

namespace CustomerSuccess.Cli;

/// <summary>Writes CSV cells (RFC 4180) that are safe to open in a spreadsheet.</summary>
internal static class CsvText
{
    /// <summary>
    /// Writes a text cell: a cell beginning with <c>=</c>, <c>@</c>, their full-width forms (<c>＝</c>, <c>＠</c>, and
    /// <c>＋</c>, <c>－</c>), a NUL, a tab or a carriage return, or with <c>+</c> or <c>-</c> not followed by a plain
    /// number, gets a leading apostrophe so that a spreadsheet shows it as text instead of running it as a formula (a
    /// plain negative id such as <c>-42</c> is left as it is); a cell with a comma, quote or line break is quoted.
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
        var formula = LooksLikeFormula(value);
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

    private static bool LooksLikeFormula(ReadOnlySpan<char> value) => value[0] switch
    {
        '=' or '@' or '\t' or '\r' or '\0' or '\uFF1D' or '\uFF20' or '\uFF0B' or '\uFF0D' => true,
        '+' or '-' => !IsPlainNumber(value[1..]),
        _ => false,
    };

    /// <summary>Digits with at most one decimal point, at least one digit: what follows the sign of a plain number.</summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> text)
    {
        var digits = 0;
        var points = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c == '.' && ++points == 1)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
