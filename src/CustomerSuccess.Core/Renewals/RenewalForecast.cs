using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Renewals;

/// <summary>
/// A forecast of renewing revenue over many contracts as of a date: each contract's next renewal (the renewal date
/// current as of the date), expected renewing revenue = Σ ARR × probability of renewal, bucketed by month or quarter,
/// and the expected gross renewal rate.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Sums are exact decimals, so the forecast of a union of contracts equals the sum of the
/// forecasts of its parts. Contracts that do not auto-renew and ended before the date have no renewal and are left
/// out (<see cref="Ended"/> counts them).
/// </remarks>
public sealed class RenewalForecast
{
    private RenewalForecast(LocalDate asOf, RenewalForecastPeriod period, IReadOnlyList<UpcomingRenewal> renewals, IReadOnlyList<RenewalForecastBucket> buckets, int ended)
    {
        AsOf = asOf;
        PeriodKind = period;
        Renewals = renewals;
        Buckets = buckets;
        Ended = ended;
        TotalRevenue = renewals.Sum(r => r.Contract.AnnualRecurringRevenue);
        ExpectedRevenue = renewals.Sum(r => r.ExpectedRevenue);
    }

    /// <summary>The forecast date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>How renewals are bucketed.</summary>
    public RenewalForecastPeriod PeriodKind { get; }

    /// <summary>Every contract's next renewal, soonest first (ties by contract id).</summary>
    public IReadOnlyList<UpcomingRenewal> Renewals { get; }

    /// <summary>The months or quarters from the first renewal's to the last's, including empty ones.</summary>
    public IReadOnlyList<RenewalForecastBucket> Buckets { get; }

    /// <summary>Contracts left out because they ended before the forecast date and do not auto-renew.</summary>
    public int Ended { get; }

    /// <summary>The total ARR up for renewal.</summary>
    public decimal TotalRevenue { get; }

    /// <summary>The expected renewing revenue: Σ ARR × probability; never more than <see cref="TotalRevenue"/>.</summary>
    public decimal ExpectedRevenue { get; }

    /// <summary>Expected renewing revenue ÷ total revenue, in [0, 1]; null when no revenue is up for renewal.</summary>
    public double? ExpectedGrossRenewalRate => TotalRevenue > 0 ? (double)(ExpectedRevenue / TotalRevenue) : null;

    /// <summary>The renewals in the next <paramref name="days"/> days (due on or before as-of + days), soonest first.</summary>
    /// <param name="days">The horizon in days, 0 or more.</param>
    /// <returns>A new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public IReadOnlyList<UpcomingRenewal> Within(int days)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"the horizon must be 0 days or more but was {days}.");
        }

        return Array.AsReadOnly(Renewals.TakeWhile(r => r.DaysUntilRenewal <= days).ToArray());
    }

    /// <summary>Builds a forecast.</summary>
    /// <param name="inputs">The contracts, with labels or probabilities.</param>
    /// <param name="asOf">The forecast date; not before any contract's start.</param>
    /// <param name="table">The probability table; <see cref="RenewalProbabilityTable.Default"/> when null.</param>
    /// <param name="period">Monthly or quarterly buckets.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or an input is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A contract starts after the forecast date, or <paramref name="period"/> is not defined.</exception>
    /// <exception cref="ArgumentException">The revenue of the contracts in one period adds up to more than a decimal holds (naming <paramref name="inputs"/>).</exception>
    public static RenewalForecast Build(
        IEnumerable<RenewalForecastInput> inputs,
        LocalDate asOf,
        RenewalProbabilityTable? table = null,
        RenewalForecastPeriod period = RenewalForecastPeriod.Month)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Guard.Defined(period, nameof(period));
        table ??= RenewalProbabilityTable.Default;
        var renewals = new List<UpcomingRenewal>();
        var ended = 0;
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            var contract = input.Contract;
            if (!contract.AutoRenews && asOf > contract.EndOfTerm(1))
            {
                ended++;
                continue;
            }

            var date = contract.RenewalDateAsOf(asOf);
            var p = input.Probability ?? table.ProbabilityOf(input.Label);
            renewals.Add(new UpcomingRenewal(contract, date, Period.DaysBetween(asOf, date), p, contract.AnnualRecurringRevenue * (decimal)p));
        }

        renewals.Sort((a, b) =>
        {
            var c = a.RenewalDate.CompareTo(b.RenewalDate);
            return c != 0 ? c : string.CompareOrdinal(a.Contract.Id, b.Contract.Id);
        });
        try
        {
            return new RenewalForecast(asOf, period, renewals.AsReadOnly(), Bucket(renewals, period), ended);
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("the annual recurring revenue of the contracts renewing in one period adds up to more than a decimal holds (about 7.9e28).", nameof(inputs), e);
        }
    }

    private static IReadOnlyList<RenewalForecastBucket> Bucket(List<UpcomingRenewal> renewals, RenewalForecastPeriod period)
    {
        if (renewals.Count == 0)
        {
            return [];
        }

        var months = period == RenewalForecastPeriod.Quarter ? 3 : 1;
        var first = CalendarPeriods.Start(renewals[0].RenewalDate, months);
        var count = CalendarPeriods.Index(first, renewals[^1].RenewalDate, months) + 1;
        var contracts = new int[count];
        var revenue = new decimal[count];
        var expected = new decimal[count];
        foreach (var r in renewals)
        {
            var i = CalendarPeriods.Index(first, r.RenewalDate, months);
            contracts[i]++;
            revenue[i] += r.Contract.AnnualRecurringRevenue;
            expected[i] += r.ExpectedRevenue;
        }

        var buckets = new RenewalForecastBucket[count];
        for (var i = 0; i < count; i++)
        {
            buckets[i] = new RenewalForecastBucket(CalendarPeriods.Interval(first, i, months), contracts[i], revenue[i], expected[i]);
        }

        return Array.AsReadOnly(buckets);
    }
}
