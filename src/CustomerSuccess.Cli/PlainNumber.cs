using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CustomerSuccess.Cli;

/// <summary>
/// Parses plain numbers (an optional minus sign, digits, an optional decimal point and digits, for doubles an optional
/// exponent) exactly as the framework's invariant-culture parsers do: a fast path for the forms a CRM export writes,
/// the framework's parser for the rest (an exponent, many digits). <see cref="CellReader"/> writes a cell in any
/// culture's format as such text first.
/// </summary>
internal static class PlainNumber
{
    /// <summary>Powers of ten that are exact doubles: 10^0 to 10^22.</summary>
    private static ReadOnlySpan<double> ExactPowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// The fast path of <see cref="TryParseDouble"/> alone, false for anything but <c>-?digits(.digits)?</c> of at
    /// most 15 digits. At most 15 digits make an integer below 2^53, an exact double; divided by an exact power of ten,
    /// IEEE division rounds the quotient once, to the nearest double: the correctly rounded value the framework's
    /// parser gives.
    /// </summary>
    public static bool TryFastDouble(ReadOnlySpan<char> text, out double value)
    {
        if (Plain(text, maxDigits: 15, out var negative, out var digits, out var decimals))
        {
            var magnitude = digits / ExactPowersOfTen[decimals];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The fast path of <see cref="TryParseInt32"/> alone: false for anything but <c>-?digits</c> of at most 9 digits.</summary>
    public static bool TryFastInt32(ReadOnlySpan<char> text, out int value)
    {
        if (Plain(text, maxDigits: 9, out var negative, out var digits, out var decimals) && decimals == 0)
        {
            value = negative ? -(int)digits : (int)digits;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The fast path of <see cref="TryParseDecimal"/> alone: false for anything but <c>digits(.digits)?</c> of at most 18 digits.</summary>
    public static bool TryFastDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        if (Plain(text, maxDigits: 18, out var negative, out var digits, out var decimals) && !negative)
        {
            value = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, isNegative: false, (byte)decimals);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>As <c>double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)</c>.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value) =>
        TryFastDouble(text, out value) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>As <c>int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)</c>.</summary>
    public static bool TryParseInt32(ReadOnlySpan<char> text, out int value) =>
        TryFastInt32(text, out value) || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>As <c>decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value)</c>, scale included.</summary>
    /// <remarks>Negative amounts take the framework's path, which decides how a negative zero reads.</remarks>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        TryFastDecimal(text, out value) || decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Reads <c>-?digits(.digits)?</c> with at least one digit before the point and one after it when there is a point,
    /// and at most <paramref name="maxDigits"/> digits in all: the digits as one integer and how many follow the point.
    /// </summary>
    private static bool Plain(ReadOnlySpan<char> text, int maxDigits, out bool negative, out ulong digits, out int decimals)
    {
        negative = false;
        digits = 0;
        decimals = 0;
        var i = 0;
        if (text.Length > 0 && text[0] == '-')
        {
            negative = true;
            i = 1;
        }

        var integerDigits = Digits(text, ref i, ref digits);
        if (integerDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
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
    private static int Digits(ReadOnlySpan<char> text, ref int i, ref ulong digits)
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
