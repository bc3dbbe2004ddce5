using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CustomerSuccess.Cli;

/// <summary>
/// Parses numbers from UTF-8 text exactly as the framework's invariant-culture parsers do, with a fast path for the
/// plain forms a CRM export writes (an optional minus sign, digits, an optional decimal point and digits). Anything
/// else (exponents, plus signs, thousands separators, many digits) goes to the framework's parser.
/// </summary>
internal static class Utf8Number
{
    /// <summary>Powers of ten that are exact doubles: 10^0 to 10^22.</summary>
    private static ReadOnlySpan<double> ExactPowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>As <c>double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)</c>.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        // At most 15 digits make an integer below 2^53, an exact double; divided by an exact power of ten, IEEE division
        // rounds the quotient once, to the nearest double: the correctly rounded value the framework's parser gives.
        if (Plain(text, maxDigits: 15, out var negative, out var digits, out var decimals))
        {
            var magnitude = digits / ExactPowersOfTen[decimals];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>As <c>int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)</c>.</summary>
    public static bool TryParseInt32(ReadOnlySpan<byte> text, out int value)
    {
        if (Plain(text, maxDigits: 9, out var negative, out var digits, out var decimals) && decimals == 0)
        {
            value = negative ? -(int)digits : (int)digits;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>As <c>decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value)</c>, scale included.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        // Negative amounts take the framework's path, which decides how a negative zero reads.
        if (Plain(text, maxDigits: 18, out var negative, out var digits, out var decimals) && !negative)
        {
            value = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, isNegative: false, (byte)decimals);
            return true;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Reads <c>-?digits(.digits)?</c> with at least one digit before the point and one after it when there is a point,
    /// and at most <paramref name="maxDigits"/> digits in all: the digits as one integer and how many follow the point.
    /// </summary>
    private static bool Plain(ReadOnlySpan<byte> text, int maxDigits, out bool negative, out ulong digits, out int decimals)
    {
        negative = false;
        digits = 0;
        decimals = 0;
        var i = 0;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        var integerDigits = Digits(text, ref i, ref digits);
        if (integerDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            decimals = Digits(text, ref i, ref digits);
            if (decimals == 0)
            {
                return false;
            }
        }

        return i == text.Length && integerDigits + decimals <= maxDigits;
    }

    /// <summary>Reads the digits from <paramref name="i"/> on into <paramref name="digits"/> (appended as decimal digits); returns how many there were.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> text, ref int i, ref ulong digits)
    {
        var start = i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            digits = (digits * 10) + (uint)(text[i] - '0');
            i++;
        }

        return i - start;
    }
}
