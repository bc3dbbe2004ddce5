using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>How the cells of an input are read: its culture, date formats, time zone and currency (the reading options).</summary>
internal sealed record ReadingOptions(CultureInfo Culture, IReadOnlyList<string> DateFormats, DateTimeZone TimeZone, string? Currency);

/// <summary>
/// Reads numbers, amounts and dates from a cell's text under <see cref="ReadingOptions"/>: every column reads numbers
/// the same way (digits, the culture's thousands separator between groups of the culture's sizes, its decimal
/// separator before the fraction; an amount may carry the culture's or the currency's symbol), dates as ISO dates,
/// ISO timestamps (taken as a date in the time zone) or the given formats. Thread-safe.
/// </summary>
internal sealed class CellReader
{
    private static readonly string[] LocalTimestamps = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];

    private static readonly string[] OffsetTimestamps =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd'T'HH:mmzz",
    ];

    private readonly CultureInfo _culture;
    private readonly string[] _formats;
    private readonly DateTimeZone _zone;
    private readonly char _decimal;
    private readonly char _group;
    private readonly bool _groupIsSpace;
    private readonly int[] _groupSizes;
    private readonly string[] _symbols;
    private readonly bool _plainDecimal;

    public CellReader(ReadingOptions options)
    {
        _culture = options.Culture;
        _formats = [.. options.DateFormats];
        _zone = options.TimeZone;
        var numbers = _culture.NumberFormat;
        _decimal = numbers.NumberDecimalSeparator is [var d] ? d : '.';
        _group = numbers.NumberGroupSeparator is [var g] ? g : ',';
        _groupIsSpace = char.IsWhiteSpace(_group);
        _groupSizes = numbers.NumberGroupSizes is { Length: > 0 } sizes && sizes[0] > 0 ? sizes : [3];
        _plainDecimal = _decimal == '.';
        var symbols = new List<string>();
        if (!string.IsNullOrEmpty(numbers.CurrencySymbol))
        {
            symbols.Add(numbers.CurrencySymbol);
        }

        if (options.Currency is { } currency)
        {
            symbols.Add(currency);
            symbols.AddRange(SymbolsOf(currency));
        }

        _symbols = [.. symbols.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        var groupShown = _groupIsSpace ? "a space" : $"'{_group}'";
        var culture = _culture.Name.Length == 0 ? string.Empty : $", as {_culture.Name} writes them";
        NumberExpected = $"digits, with {groupShown} between thousands and '{_decimal}' before the fraction{culture}; pass --culture for another format";
        DateExpected = _formats.Length == 0
            ? "yyyy-MM-dd or an ISO timestamp; pass --date-format for another format"
            : $"yyyy-MM-dd, an ISO timestamp or {string.Join(" or ", _formats)}";
    }

    /// <summary>What a number is expected to look like, for messages.</summary>
    public string NumberExpected { get; }

    /// <summary>What a date is expected to look like, for messages.</summary>
    public string DateExpected { get; }

    /// <summary>The symbols an amount in <paramref name="currency"/> (an ISO 4217 code) is written with, from the cultures that use it.</summary>
    public static IEnumerable<string> SymbolsOf(string currency) =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => !c.IsNeutralCulture && SafeRegion(c)?.ISOCurrencySymbol == currency)
            .Select(c => c.NumberFormat.CurrencySymbol)
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Reads a number; false when the text is not one in the culture's format.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDouble(ReadOnlySpan<char> text, out double value) =>
        (_plainDecimal && PlainNumber.TryFastDouble(text, out value)) || TryDoubleSlow(text, out value);

    private bool TryDoubleSlow(ReadOnlySpan<char> text, out double value)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length + 2, 256)];
        value = 0;
        return text.Length < 254 && Normalize(text, money: false, buffer, out var plain) && PlainNumber.TryParseDouble(plain, out value) && double.IsFinite(value);
    }

    /// <summary>Reads a whole number: digits (grouped as any number), or a number whose fraction is zero ("9.0").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryInt32(ReadOnlySpan<char> text, out int value) => PlainNumber.TryFastInt32(text, out value) || TryInt32Slow(text, out value);

    private bool TryInt32Slow(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (!TryDecimal(text, money: false, out var number) || number != decimal.Truncate(number) || number < int.MinValue || number > int.MaxValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>Reads an amount: a number, with the culture's (or the currency's) symbol before or after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAmount(ReadOnlySpan<char> text, out decimal value) =>
        (_plainDecimal && PlainNumber.TryFastDecimal(text, out value)) || TryDecimal(text, money: true, out value);

    /// <summary>Reads a date; null and a reason when the text is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LocalDate? Date(ReadOnlySpan<char> text, out string? problem)
    {
        problem = null;
        return IsoDate.Parse(text) ?? OtherDate(text, out problem);
    }

    private LocalDate? OtherDate(ReadOnlySpan<char> text, out string? problem)
    {

        if (text.Length > 10 && text[4] == '-' && text[7] == '-' && text[10] is 'T' or 't' or ' ')
        {
            return Timestamp(text, out problem);
        }

        if (_formats.Length > 0)
        {
            return Formatted(text, out problem);
        }

        problem = DayMonthOrder(text) is { } which ? which : $"not a date ({DateExpected})";
        return null;
    }

    private static RegionInfo? SafeRegion(CultureInfo culture)
    {
        try
        {
            return new RegionInfo(culture.Name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private bool TryDecimal(ReadOnlySpan<char> text, bool money, out decimal value)
    {
        if (_plainDecimal && PlainNumber.TryFastDecimal(text, out value))
        {
            return true;
        }

        value = 0;
        Span<char> buffer = stackalloc char[Math.Min(text.Length + 2, 256)];
        return text.Length < 254 && Normalize(text, money, buffer, out var plain) && PlainNumber.TryParseDecimal(plain, out value);
    }

    /// <summary>
    /// Writes a number in the culture's format as plain invariant text (<c>-digits.digits</c>, an exponent kept) into
    /// <paramref name="buffer"/>: a symbol removed when <paramref name="money"/>, the thousands separators checked
    /// against the culture's group sizes and removed, the decimal separator made a point.
    /// </summary>
    private bool Normalize(ReadOnlySpan<char> text, bool money, Span<char> buffer, out ReadOnlySpan<char> plain)
    {
        plain = default;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..].TrimStart();
        }

        if (money)
        {
            text = StripSymbol(text, atStart: true);
            if (!negative && text.Length > 0 && text[0] == '-')
            {
                negative = true;
                text = text[1..].TrimStart();
            }

            text = StripSymbol(text, atStart: false);
        }

        var point = text.IndexOf(_decimal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        var exponent = fraction.IndexOfAny('e', 'E');
        if (point < 0)
        {
            exponent = whole.IndexOfAny('e', 'E');
        }

        var exponentText = ReadOnlySpan<char>.Empty;
        if (exponent >= 0 && !money)
        {
            if (point < 0)
            {
                exponentText = whole[exponent..];
                whole = whole[..exponent];
            }
            else
            {
                exponentText = fraction[exponent..];
                fraction = fraction[..exponent];
            }
        }

        if (whole.IsEmpty || (point >= 0 && fraction.IsEmpty) || fraction.ContainsAnyExceptInRange('0', '9') || !WellGrouped(whole))
        {
            return false;
        }

        var length = 0;
        if (negative)
        {
            buffer[length++] = '-';
        }

        foreach (var c in whole)
        {
            if (c is >= '0' and <= '9')
            {
                buffer[length++] = c;
            }
        }

        if (point >= 0)
        {
            buffer[length++] = '.';
            fraction.CopyTo(buffer[length..]);
            length += fraction.Length;
        }

        if (!exponentText.IsEmpty)
        {
            if (exponentText[1..].TrimStart("+-").ContainsAnyExceptInRange('0', '9') || exponentText.Length < 2)
            {
                return false;
            }

            exponentText.CopyTo(buffer[length..]);
            length += exponentText.Length;
        }

        plain = buffer[..length];
        return true;
    }

    /// <summary>Whether the whole part is digits, with the culture's separator between groups of its sizes when it has one.</summary>
    private bool WellGrouped(ReadOnlySpan<char> whole)
    {
        if (!whole.ContainsAnyExceptInRange('0', '9'))
        {
            return true;
        }

        // From the right: the first group has the first size, the next the next, the last size repeating; the leftmost
        // group has one digit up to its size.
        var size = 0;
        var end = whole.Length;
        for (var at = whole.Length - 1; at >= 0; at--)
        {
            var c = whole[at];
            if (c is >= '0' and <= '9')
            {
                continue;
            }

            if (!IsGroup(c) || end - at - 1 != _groupSizes[Math.Min(size, _groupSizes.Length - 1)])
            {
                return false;
            }

            size++;
            end = at;
        }

        var leftmost = end;
        return leftmost >= 1 && leftmost <= _groupSizes[Math.Min(size, _groupSizes.Length - 1)];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsGroup(char c) => c == _group || (_groupIsSpace && c is ' ' or '\u00A0' or '\u202F');

    private ReadOnlySpan<char> StripSymbol(ReadOnlySpan<char> text, bool atStart)
    {
        foreach (var symbol in _symbols)
        {
            if (atStart && text.StartsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                return text[symbol.Length..].TrimStart();
            }

            if (!atStart && text.EndsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                return text[..^symbol.Length].TrimEnd();
            }
        }

        return text;
    }

    private LocalDate? Timestamp(ReadOnlySpan<char> text, out string? problem)
    {
        problem = null;
        Span<char> normal = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64)
        {
            problem = $"not a date ({DateExpected})";
            return null;
        }

        text.CopyTo(normal);
        normal[10] = 'T';
        if (normal[^1] == 'z')
        {
            normal[^1] = 'Z';
        }

        var tail = normal[10..];
        if (tail.EndsWith("Z") || tail.IndexOfAny('+', '-') >= 0)
        {
            if (DateTimeOffset.TryParseExact(normal, OffsetTimestamps, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                return Instant.FromDateTimeOffset(instant).InZone(_zone).Date;
            }
        }
        else if (DateTime.TryParseExact(normal, LocalTimestamps, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return LocalDate.FromDateTime(local);
        }

        problem = $"not a date: not an ISO timestamp (yyyy-MM-ddTHH:mm[:ss], then Z or an offset such as +02:00, or none for a time in --time-zone {_zone.Id})";
        return null;
    }

    private LocalDate? Formatted(ReadOnlySpan<char> text, out string? problem)
    {
        problem = null;
        LocalDate? found = null;
        string? foundFormat = null;
        foreach (var format in _formats)
        {
            if (!DateTime.TryParseExact(text, format, _culture, DateTimeStyles.None, out var value))
            {
                continue;
            }

            var date = LocalDate.FromDateTime(value);
            if (found is { } earlier && earlier != date)
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"ambiguous date: {foundFormat} reads it as {earlier:uuuu-MM-dd} and {format} as {date:uuuu-MM-dd}; pass only the --date-format the column uses");
                return null;
            }

            (found, foundFormat) = (date, format);
        }

        if (found is null)
        {
            problem = $"not a date ({DateExpected})";
        }

        return found;
    }

    /// <summary>For a date such as 01/02/2026 with no format given: which formats would read it, said as what to pass.</summary>
    private static string? DayMonthOrder(ReadOnlySpan<char> text)
    {
        if (text.Length is < 8 or > 10 || text.ContainsAnyExcept("0123456789/.-"))
        {
            return null;
        }

        var separator = text[text.IndexOfAny("/.-")];
        var sep = separator.ToString();
        var monthFirst = $"MM{sep}dd{sep}yyyy";
        var dayFirst = $"dd{sep}MM{sep}yyyy";
        var asMonthFirst = DateTime.TryParseExact(text, ["M" + sep + "d" + sep + "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        var asDayFirst = DateTime.TryParseExact(text, ["d" + sep + "M" + sep + "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        return (asMonthFirst, asDayFirst) switch
        {
            (true, true) => $"ambiguous date: it reads as month first or day first; pass --date-format {monthFirst} or --date-format {dayFirst}",
            (true, false) => $"not an ISO date (yyyy-MM-dd); pass --date-format {monthFirst} to read dates such as this one",
            (false, true) => $"not an ISO date (yyyy-MM-dd); pass --date-format {dayFirst} to read dates such as this one",
            _ => null,
        };
    }
}
