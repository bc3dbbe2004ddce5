using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>Groups dated responses into periods and segments: by month, by quarter, rolling, by segment.</summary>
/// <remarks>
/// Pure functions; thread-safe. Every period from the first response's to the last response's is listed, in order,
/// including periods with no responses (their summary is <see cref="NpsSummary.Empty"/>, which has no score), so gaps
/// stay visible.
/// </remarks>
public static class NpsTrend
{
    /// <summary>The segment key used by <see cref="BySegment"/> for responses without a segment: the empty string.</summary>
    public const string NoSegment = "";

    /// <summary>One summary per calendar month.</summary>
    /// <param name="responses">The responses, in any order.</param>
    /// <returns>The months from the first response's to the last's, oldest first; empty when there are no responses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    [Pure]
    public static IReadOnlyList<NpsPeriodSummary> ByMonth(IEnumerable<NpsResponse> responses) => Array.AsReadOnly(ByPeriod(responses, 1));

    /// <summary>One summary per calendar quarter (January–March, April–June, July–September, October–December).</summary>
    /// <param name="responses">The responses, in any order.</param>
    /// <returns>The quarters from the first response's to the last's, oldest first; empty when there are no responses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    [Pure]
    public static IReadOnlyList<NpsPeriodSummary> ByQuarter(IEnumerable<NpsResponse> responses) => Array.AsReadOnly(ByPeriod(responses, 3));

    /// <summary>
    /// A rolling NPS: for each calendar month from the first response's to the last's, the summary of that month and
    /// the <paramref name="months"/> − 1 months before it (a rolling 3-month NPS for <paramref name="months"/> = 3).
    /// </summary>
    /// <param name="responses">The responses, in any order.</param>
    /// <param name="months">The window in months, 1 or more.</param>
    /// <returns>One window per month, oldest first; each window's period runs from its first month's first day to its last month's last day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is below 1.</exception>
    [Pure]
    public static IReadOnlyList<NpsPeriodSummary> RollingByMonth(IEnumerable<NpsResponse> responses, int months)
    {
        if (months < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, $"the rolling window must be 1 month or more but was {months}.");
        }

        var monthly = ByMonth(responses);
        var result = new NpsPeriodSummary[monthly.Count];
        for (var i = 0; i < monthly.Count; i++)
        {
            var first = Math.Max(0, i - months + 1);
            var summary = NpsSummary.Empty;
            var weighted = WeightedNpsSummary.Empty;
            for (var j = first; j <= i; j++)
            {
                summary += monthly[j].Summary;
                weighted = weighted.Merge(monthly[j].Weighted);
            }

            var start = monthly[i].Period.Start.PlusMonths(1 - months);
            result[i] = new NpsPeriodSummary(new DateInterval(start, monthly[i].Period.End), summary, weighted);
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>One summary per segment, compared ignoring case; responses without a segment are under <see cref="NoSegment"/>.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The summaries by segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    [Pure]
    public static IReadOnlyDictionary<string, NpsSummary> BySegment(IEnumerable<NpsResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var result = new Dictionary<string, NpsSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var response in responses)
        {
            var key = response.Segment ?? NoSegment;
            result[key] = result.GetValueOrDefault(key).Add(response.Category);
        }

        return result;
    }

    private static NpsPeriodSummary[] ByPeriod(IEnumerable<NpsResponse> responses, int monthsPerPeriod)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var list = responses as IReadOnlyCollection<NpsResponse> ?? responses.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var first = CalendarPeriods.Start(list.Min(r => r.Date), monthsPerPeriod);
        var count = CalendarPeriods.Index(first, list.Max(r => r.Date), monthsPerPeriod) + 1;
        var summaries = new NpsSummary[count];
        var weighted = new WeightedNpsSummary[count];
        foreach (var response in list)
        {
            var index = CalendarPeriods.Index(first, response.Date, monthsPerPeriod);
            summaries[index] = summaries[index].Add(response.Category);
            weighted[index] = weighted[index].Add(response);
        }

        var result = new NpsPeriodSummary[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new NpsPeriodSummary(CalendarPeriods.Interval(first, i, monthsPerPeriod), summaries[i], weighted[i]);
        }

        return result;
    }
}
