using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Renewals;

/// <summary>
/// A subscription contract: a start date, a term (monthly, annual, multi-year, any NodaTime <see cref="Period"/> of
/// years, months, weeks and days), whether it renews automatically, and its annual recurring revenue.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe.</para>
/// <para>
/// Term n (n = 1, 2, ...) ends on start + n × term, computed from the start in one step, so month ends do not drift:
/// a contract starting 31 January with a one-month term renews on 28 February (29 in a leap year), 31 March,
/// 30 April, 31 May, ... A term includes its end date: on the renewal date the renewal is 0 days away, and the next
/// day the next term is in force. A contract that does not renew automatically has one term.
/// </para>
/// </remarks>
public sealed class Contract
{
    /// <summary>Creates a contract.</summary>
    /// <param name="id">The contract's id, for reports. Not empty.</param>
    /// <param name="start">The first day of the first term.</param>
    /// <param name="term">The length of a term: years, months, weeks and days only, none negative, at least one above 0.</param>
    /// <param name="autoRenews">Whether a new term starts automatically when one ends.</param>
    /// <param name="annualRecurringRevenue">The annual recurring revenue, 0 or more.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The term is not positive or has time units, or the revenue is negative.</exception>
    public Contract(string id, LocalDate start, Period term, bool autoRenews, decimal annualRecurringRevenue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(term);
        if (term.HasTimeComponent || term.Years < 0 || term.Months < 0 || term.Weeks < 0 || term.Days < 0 || term.Normalize().Equals(Period.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(term), term,
                $"the term of contract '{id}' must be a positive period of years, months, weeks and days but was {term}.");
        }

        if (annualRecurringRevenue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRecurringRevenue), annualRecurringRevenue,
                string.Create(CultureInfo.InvariantCulture, $"the annual recurring revenue of contract '{id}' must be 0 or more but was {annualRecurringRevenue}."));
        }

        Id = id;
        Start = start;
        Term = term;
        AutoRenews = autoRenews;
        AnnualRecurringRevenue = annualRecurringRevenue;
        _maxTermDays = (term.Years * 366L) + (term.Months * 31L) + (term.Weeks * 7L) + term.Days;
    }

    private readonly long _maxTermDays;

    /// <summary>The contract's id.</summary>
    public string Id { get; }

    /// <summary>The first day of the first term.</summary>
    public LocalDate Start { get; }

    /// <summary>The length of a term.</summary>
    public Period Term { get; }

    /// <summary>Whether a new term starts automatically when one ends.</summary>
    public bool AutoRenews { get; }

    /// <summary>The annual recurring revenue.</summary>
    public decimal AnnualRecurringRevenue { get; }

    /// <summary>The end of term <paramref name="n"/>: start + n × term.</summary>
    /// <param name="n">The term number, 1 or more.</param>
    /// <returns>The date term <paramref name="n"/> ends (its renewal date).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public LocalDate EndOfTerm(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"the term number must be 1 or more but was {n}.");
        }

        var multiple = new PeriodBuilder
        {
            Years = Term.Years * n,
            Months = Term.Months * n,
            Weeks = Term.Weeks * n,
            Days = Term.Days * n,
        }.Build();
        return Start.Plus(multiple);
    }

    /// <summary>
    /// The renewal date current as of a date: the end of the term in force, the first end of term on or after
    /// <paramref name="asOf"/>.
    /// </summary>
    /// <param name="asOf">The date; not before the start, and for a contract that does not auto-renew not after its end.</param>
    /// <returns>The renewal date; never before <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before the start, after the end of a contract that does not renew automatically, or
    /// so late that the next renewal would fall after 9999-12-31.
    /// </exception>
    public LocalDate RenewalDateAsOf(LocalDate asOf)
    {
        if (asOf < Start)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"the as-of date {asOf:uuuu-MM-dd} is before the start {Start:uuuu-MM-dd} of contract '{Id}'.");
        }

        if (!AutoRenews)
        {
            var end = EndOfTerm(1);
            return asOf <= end
                ? end
                : throw new ArgumentOutOfRangeException(nameof(asOf), asOf,
                    $"contract '{Id}' ended on {end:uuuu-MM-dd} and does not renew automatically; the as-of date {asOf:uuuu-MM-dd} is after its end.");
        }

        // Start from a term that cannot be past the answer (every term is at most _maxTermDays long), then step up.
        var days = Period.DaysBetween(Start, asOf);
        var n = (int)Math.Max(1, days / _maxTermDays);
        try
        {
            var date = EndOfTerm(n);
            while (date < asOf)
            {
                date = EndOfTerm(++n);
            }

            return date;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf,
                $"the renewal of contract '{Id}' after {asOf:uuuu-MM-dd} would fall after the last date of the calendar, 9999-12-31.");
        }
    }

    /// <summary>Days from <paramref name="asOf"/> to the renewal date current as of it; 0 on the renewal date.</summary>
    /// <param name="asOf">The date, as for <see cref="RenewalDateAsOf"/>.</param>
    /// <returns>Days, 0 or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="RenewalDateAsOf"/>.</exception>
    public int DaysUntilRenewal(LocalDate asOf) => Period.DaysBetween(asOf, RenewalDateAsOf(asOf));

    /// <summary>For example "ACME-1: from 2026-01-31, P1M, auto-renews, ARR 12000".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id}: from {Start:uuuu-MM-dd}, {Term}, {(AutoRenews ? "auto-renews" : "single term")}, ARR {AnnualRecurringRevenue}");
}
