using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Health;
using NodaTime;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// A history checked as it streams by for everything a back-test and a calibration refuse: the outcomes are read
/// first, then each snapshot is checked and, when good, handed on with its outcome; every problem is named, in one
/// exception, once the snapshots end. Nothing of a snapshot is kept here but its account and day (two snapshots of a
/// day are refused), so a caller that keeps only counts holds memory proportional to the accounts and days.
/// </summary>
internal sealed class History
{
    private History(Dictionary<string, AccountOutcome> outcomes, long snapshots)
    {
        Outcomes = outcomes;
        Snapshots = snapshots;
    }

    /// <summary>Each account's outcome.</summary>
    public Dictionary<string, AccountOutcome> Outcomes { get; }

    /// <summary>How many snapshots were read.</summary>
    public long Snapshots { get; }

    /// <summary>Reads and checks a history, handing each good snapshot and its outcome to <paramref name="each"/>; see <see cref="BacktestReport.Build"/> for what is refused.</summary>
    /// <exception cref="ArgumentNullException">A snapshot or an outcome is null.</exception>
    /// <exception cref="ArgumentException">The history is invalid; the message names every account at fault.</exception>
    public static History Read(IEnumerable<BacktestSnapshot> snapshots, IEnumerable<AccountOutcome> outcomes, HealthBandScheme bands, Action<BacktestSnapshot, AccountOutcome> each)
    {
        var problems = new List<string>();
        var byAccount = new Dictionary<string, AccountOutcome>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            ArgumentNullException.ThrowIfNull(outcome, nameof(outcomes));
            if (!byAccount.TryAdd(outcome.Account, outcome))
            {
                problems.Add($"account '{outcome.Account}' has two outcomes.");
            }
        }

        var days = new HashSet<(string, LocalDate)>(snapshots.TryGetNonEnumeratedCount(out var count) ? count : 0);
        long read = 0;
        foreach (var snapshot in snapshots)
        {
            ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
            read++;
            if (Problem(snapshot, byAccount, bands, days) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            if (problems.Count == 0)
            {
                each(snapshot, byAccount[snapshot.Account]);
            }
        }

        Internal.Guard.NoProblems(problems, "The history", nameof(snapshots));
        return new History(byAccount, read);
    }

    /// <summary>The band of a snapshot's health score, or <see cref="BacktestReport.NoScore"/>.</summary>
    public static string BandOf(BacktestSnapshot snapshot) => snapshot.Health.HasScore ? snapshot.Health.Band.Label : BacktestReport.NoScore;

    private static string? Problem(BacktestSnapshot snapshot, Dictionary<string, AccountOutcome> outcomes, HealthBandScheme bands, HashSet<(string, LocalDate)> days)
    {
        if (!outcomes.TryGetValue(snapshot.Account, out var outcome))
        {
            return $"account '{snapshot.Account}' has a snapshot but no outcome.";
        }

        if (snapshot.Health.HasScore && !IsBandOf(bands, snapshot.Health.Band))
        {
            return $"account '{snapshot.Account}' has a health score banded '{snapshot.Health.Band.Label}', not a band of the scheme '{bands.Name}'.";
        }

        if (snapshot.RiskScore is { } riskScore && !(riskScore >= 0 && riskScore <= 100))
        {
            return string.Create(CultureInfo.InvariantCulture, $"account '{snapshot.Account}' has a risk score of {riskScore}; it must be in [0, 100].");
        }

        if (!days.Add((snapshot.Account, snapshot.AsOf)))
        {
            return $"account '{snapshot.Account}' has two snapshots on {snapshot.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}.";
        }

        return outcome.ProblemWith(snapshot.AsOf);
    }

    private static bool IsBandOf(HealthBandScheme bands, HealthBand band) =>
        band.Rank >= 0 && band.Rank < bands.Bands.Count && bands.Bands[band.Rank].Equals(band);
}
