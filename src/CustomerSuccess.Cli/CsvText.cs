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
    /// negative number such as <c>-42</c>, <c>-1,200.50</c> or <c>-$5</c> is left as it is); a cell with a comma,
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

    /// <summary>
    /// What follows the sign of a number as a CRM writes it: digits (at least one), decimal and thousands separators,
    /// spaces, currency symbols and a percent sign, so that <c>-1,200.50</c> or <c>-$5</c> is written as it was read.
    /// Anything else (a letter, an operator, a parenthesis) could make a formula.
    /// </summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c is not ('.' or ',' or ' ' or '\u00A0' or '\u202F' or '\'' or '%') && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.CurrencySymbol)
            {
                return false;
            }
        }

        return digits > 0;
    }
}
