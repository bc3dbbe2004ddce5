using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// Parses fields of one record from their text, keeping every bad cell: a value outside its field's range (<paramref name="min"/>,
/// <paramref name="max"/>, by field index) is one too.
/// </summary>
internal readonly ref struct FieldParser(FieldSource source, double[] min, double[] max, CellReader cells, List<RowError> errors)
{
    /// <summary>Whether a bad cell has been found in the record so far.</summary>
    public bool Failed => errors.Count > 0;

    /// <summary>The field's text, trimmed, or null when the record does not give it.</summary>
    public string? Text(int field) => field >= 0 && source.TryGet(field, out var text) ? text.ToString() : null;

    /// <summary>The field's text, trimmed; a bad cell when the record does not give it.</summary>
    public string? Required(int field, string what)
    {
        var text = Text(field);
        if (text is null)
        {
            Fail(field, $"{what} is required");
        }

        return text;
    }

    public void Fail(int field, string reason) =>
        errors.Add(new RowError(source.Line, source.ColumnName(field), source.Text(field), reason));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double? Number(int field)
    {
        if (field < 0 || !source.TryGet(field, out var text))
        {
            return null;
        }

        if (!cells.TryDouble(text, out var value))
        {
            Fail(field, $"not a number ({cells.NumberExpected})");
            return null;
        }

        return InRange(field, value) ? value : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int? Integer(int field)
    {
        if (field < 0 || !source.TryGet(field, out var text))
        {
            return null;
        }

        if (!cells.TryInt32(text, out var value))
        {
            Fail(field, cells.TryDouble(text, out _) ? "not a whole number" : $"not a whole number ({cells.NumberExpected})");
            return null;
        }

        return InRange(field, value) ? value : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public decimal? Money(int field)
    {
        if (field < 0 || !source.TryGet(field, out var text))
        {
            return null;
        }

        if (!cells.TryAmount(text, out var value))
        {
            Fail(field, $"not an amount ({cells.NumberExpected}; a currency symbol before or after it)");
            return null;
        }

        return InRange(field, (double)value) ? value : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LocalDate? Date(int field)
    {
        if (field < 0 || !source.TryGet(field, out var text))
        {
            return null;
        }

        if (cells.Date(text, out var problem) is { } date)
        {
            return date;
        }

        Fail(field, problem!);
        return null;
    }

    /// <summary>A date that must not be after the as-of date: a later one is a bad cell of its row, not a crash.</summary>
    /// <summary>A date on or before <paramref name="asOf"/>: the run's as-of date, or, <paramref name="ofSnapshot"/>, a history row's own date.</summary>
    public LocalDate? PastDate(int field, LocalDate asOf, bool ofSnapshot = false)
    {
        var date = Date(field);
        if (date > asOf)
        {
            Fail(field, ofSnapshot
                ? string.Create(CultureInfo.InvariantCulture, $"after the snapshot's date {asOf:uuuu-MM-dd} ({InputField.AsOf}): a past event cannot be dated later")
                : string.Create(CultureInfo.InvariantCulture, $"after the as-of date {asOf:uuuu-MM-dd}: a past event cannot be dated later (check --as-of and --time-zone)"));
            return null;
        }

        return date;
    }

    public bool? Boolean(int field)
    {
        if (field < 0 || !source.TryGet(field, out var text))
        {
            return null;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || text.Equals("y", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("1"))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase)
            || text.Equals("n", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0"))
        {
            return false;
        }

        Fail(field, "not true or false (true/false, yes/no, 1/0)");
        return null;
    }

    /// <summary>A currency: an ISO 4217 code of three letters.</summary>
    public string? Currency(int field)
    {
        if (field < 0 || !source.TryGet(field, out var text))
        {
            return null;
        }

        if (text.Length != 3 || !char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]) || !char.IsAsciiLetter(text[2]))
        {
            Fail(field, "not a currency (an ISO 4217 code such as USD or EUR)");
            return null;
        }

        return text.ToString().ToUpperInvariant();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InRange(int field, double value)
    {
        var low = min[field];
        var high = max[field];
        if (!(value < low || value > high))
        {
            return true;
        }

        OutOfRange(field, low, high);
        return false;
    }

    private void OutOfRange(int field, double low, double high) =>
        Fail(field, high is int.MaxValue or double.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"must be {low} or more")
            : string.Create(CultureInfo.InvariantCulture, $"must be in [{low:#,0.##}, {high:#,0.##}]"));
}
