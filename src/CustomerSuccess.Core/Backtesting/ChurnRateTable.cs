using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// Churn by group (by band at the snapshot, by whether a rule fired): each group's rate with its Wilson interval and
/// its lift over the whole population, so "Red churned 4.1 times as often as the average account" can be read off.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ChurnRateTable
{
    private ChurnRateTable(IReadOnlyList<ChurnRateRow> rows, ProportionInterval overall)
    {
        Rows = rows;
        Overall = overall;
    }

    /// <summary>Each group's row, in the order asked for, then any other group in the order first seen.</summary>
    public IReadOnlyList<ChurnRateRow> Rows { get; }

    /// <summary>The whole population's churn.</summary>
    public ProportionInterval Overall { get; }

    /// <summary>Builds the table from each account's group and whether it churned (within the horizon: leave censored accounts out).</summary>
    /// <param name="observations">Each account's group and outcome.</param>
    /// <param name="groups">The groups in the order to show them, each with a row even when no account is in it (a band's labels, best first); null: the order first seen.</param>
    /// <param name="level">The confidence level of the intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null, or a group is.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static ChurnRateTable Build(IEnumerable<(string Group, bool Churned)> observations, IReadOnlyList<string>? groups = null, double level = ProportionInterval.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var order = new List<string>();
        var counts = new Dictionary<string, (long Accounts, long Churned)>(StringComparer.Ordinal);
        foreach (var group in groups ?? [])
        {
            ArgumentNullException.ThrowIfNull(group, nameof(groups));
            if (counts.TryAdd(group, (0, 0)))
            {
                order.Add(group);
            }
        }

        foreach (var (group, didChurn) in observations)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(observations));
            Count(order, counts, group, didChurn);
        }

        return FromCounts(order, counts, level);
    }

    /// <summary>A group's rate over the whole's: null when either is undefined or the whole's is 0.</summary>
    internal static double? Lift(ProportionInterval rate, ProportionInterval overall) =>
        rate.IsDefined && overall.IsDefined && overall.Rate > 0 ? rate.Rate / overall.Rate : null;

    /// <summary>Counts one observation of <paramref name="group"/>, adding the group to <paramref name="order"/> when first seen.</summary>
    internal static void Count(List<string> order, Dictionary<string, (long Accounts, long Churned)> counts, string group, bool churned)
    {
        if (!counts.TryGetValue(group, out var c))
        {
            order.Add(group);
        }

        counts[group] = (c.Accounts + 1, c.Churned + (churned ? 1 : 0));
    }

    /// <summary>The table of groups counted with <see cref="Count"/>, in <paramref name="order"/>.</summary>
    internal static ChurnRateTable FromCounts(List<string> order, Dictionary<string, (long Accounts, long Churned)> counts, double level)
    {
        long accounts = 0, churned = 0;
        foreach (var c in counts.Values)
        {
            accounts += c.Accounts;
            churned += c.Churned;
        }

        var overall = ProportionInterval.Wilson(churned, accounts, level);
        var rows = order.Select(g =>
        {
            var rate = ProportionInterval.Wilson(counts[g].Churned, counts[g].Accounts, level);
            return new ChurnRateRow(g, rate, Lift(rate, overall));
        }).ToList();
        return new ChurnRateTable(rows.AsReadOnly(), overall);
    }
}
