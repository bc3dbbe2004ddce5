using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>Reads ISO dates (yyyy-MM-dd) without NodaTime's general pattern machinery.</summary>
internal static class IsoDate
{
    /// <summary>An ISO date, yyyy-MM-dd with a year from 0001 to 9999, or null when the text is not one or names no day.</summary>
    public static LocalDate? Parse(ReadOnlySpan<char> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new LocalDate(year, month, day);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
