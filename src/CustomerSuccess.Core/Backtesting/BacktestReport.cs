using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using CustomerSuccess.Health;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// A back-test of a health score and churn rules on a team's history: each snapshot labelled by what became of its
/// account within the horizon (censored snapshots left out), then churn by band with lift, the AUC of the health score
/// and of the churn risk score, and each fired rule's lift.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class BacktestReport
{
    /// <summary>The group of snapshots without a health score in <see cref="ByBand"/>.</summary>
    public const string NoScore = "no score";

    private BacktestReport(int horizonDays, long snapshots, long censored, ChurnRateTable byBand, AucEstimate health, AucEstimate risk, IReadOnlyList<RuleLift> rules, IReadOnlyList<BandSurvival> survival)
    {
        SurvivalByBand = survival;
        HorizonDays = horizonDays;
        Snapshots = snapshots;
        Censored = censored;
        ByBand = byBand;
        HealthAuc = health;
        RiskAuc = risk;
        Rules = rules;
    }

    /// <summary>The horizon in days: churn within it after a snapshot counts.</summary>
    public int HorizonDays { get; }

    /// <summary>Every snapshot read.</summary>
    public long Snapshots { get; }

    /// <summary>The snapshots observed for less than the horizon, left out of every figure.</summary>
    public long Censored { get; }

    /// <summary>Churn by band at the snapshot (the scheme's bands, best first, then <see cref="NoScore"/> when some had none), with lift.</summary>
    public ChurnRateTable ByBand { get; }

    /// <summary>The AUC of the health score (lower meaning churn), over the snapshots with a score.</summary>
    public AucEstimate HealthAuc { get; }

    /// <summary>The AUC of the churn risk score, over the snapshots with one.</summary>
    public AucEstimate RiskAuc { get; }

    /// <summary>Each rule that fired on at least one snapshot, by id.</summary>
    public IReadOnlyList<RuleLift> Rules { get; }

    /// <summary>
    /// Kaplan–Meier retention curves by the band of each account's first snapshot (bands best first, then
    /// <see cref="NoScore"/>; only bands with accounts): days from that snapshot to the churn, or censored at the
    /// renewal or the history's end. Each account counts once, however many snapshots it has.
    /// </summary>
    public IReadOnlyList<BandSurvival> SurvivalByBand { get; }

    /// <summary>Back-tests a history.</summary>
    /// <param name="snapshots">The snapshots, several per account allowed (each is labelled on its own).</param>
    /// <param name="outcomes">How each account's history ends, one per account with a snapshot.</param>
    /// <param name="bands">The band scheme the health scores are banded by.</param>
    /// <param name="horizonDays">The horizon, 1 day or more; <see cref="AccountOutcome.DefaultHorizonDays"/> by default.</param>
    /// <param name="level">The confidence level of the intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument, a snapshot or an outcome is null.</exception>
    /// <exception cref="ArgumentException">
    /// An account has two outcomes or none, or two snapshots on one day; a snapshot is on or after its account churned, or after its history ends
    /// (an outcome before the account's first snapshot); a health score's band is not of <paramref name="bands"/>;
    /// a risk score is outside [0, 100]. The message names every such account.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizonDays"/> is below 1 or <paramref name="level"/> is not in (0, 1).</exception>
    public static BacktestReport Build(IEnumerable<BacktestSnapshot> snapshots, IEnumerable<AccountOutcome> outcomes, HealthBandScheme bands, int horizonDays = AccountOutcome.DefaultHorizonDays, double level = ProportionInterval.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(bands);
        if (horizonDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, "the horizon must be 1 day or more.");
        }

        _ = Internal.Normal.Critical(level, nameof(level)); // the level checked before any work
        var bandOrder = bands.Bands.Reverse().Select(b => b.Label).ToList();
        var order = new List<string>(bandOrder);
        var counts = bandOrder.ToDictionary(b => b, _ => (0L, 0L), StringComparer.Ordinal);
        var capacity = snapshots.TryGetNonEnumeratedCount(out var n) ? n : 0;
        var health = new List<double>(capacity);
        var healthChurned = new List<bool>(capacity);
        var risk = new List<double>(capacity);
        var riskChurned = new List<bool>(capacity);
        var fired = new SortedDictionary<string, (long Snapshots, long Churned)>(StringComparer.Ordinal);
        var first = new Dictionary<string, (NodaTime.LocalDate AsOf, string Band)>(StringComparer.Ordinal);
        long censored = 0;
        var history = History.Read(snapshots, outcomes, bands, (snapshot, outcome) =>
        {
            var band = History.BandOf(snapshot);
            if (!first.TryGetValue(snapshot.Account, out var earliest) || snapshot.AsOf < earliest.AsOf)
            {
                first[snapshot.Account] = (snapshot.AsOf, band);
            }

            var label = outcome.LabelAt(snapshot.AsOf, horizonDays);
            if (label == HorizonLabel.Censored)
            {
                censored++;
                return;
            }

            var churned = label == HorizonLabel.Churned;
            ChurnRateTable.Count(order, counts, band, churned);
            if (snapshot.Health.HasScore)
            {
                health.Add(snapshot.Health.Value);
                healthChurned.Add(churned);
            }

            if (snapshot.RiskScore is { } riskScore)
            {
                risk.Add(riskScore);
                riskChurned.Add(churned);
            }

            CountRules(fired, snapshot.FiredRules, churned);
        });

        var byBand = ChurnRateTable.FromCounts(order, counts, level);
        var healthAuc = RocAuc.Compute(CollectionsMarshal.AsSpan(health), CollectionsMarshal.AsSpan(healthChurned), higherMeansOutcome: false, level);
        var riskAuc = RocAuc.Compute(CollectionsMarshal.AsSpan(risk), CollectionsMarshal.AsSpan(riskChurned), higherMeansOutcome: true, level);
        return new BacktestReport(horizonDays, history.Snapshots, censored, byBand, healthAuc, riskAuc, RuleLifts(fired, byBand.Overall, level), Survival(first, history.Outcomes, bandOrder, level));
    }

    private static IReadOnlyList<BandSurvival> Survival(Dictionary<string, (NodaTime.LocalDate AsOf, string Band)> first, Dictionary<string, AccountOutcome> outcomes, List<string> bandOrder, double level)
    {
        var byBand = first
            .Select(f => (f.Value.Band, Days: (double)Internal.IsoDays.Between(f.Value.AsOf, outcomes[f.Key].Date), Churned: outcomes[f.Key].Kind == OutcomeKind.Churned))
            .ToLookup(x => x.Band, StringComparer.Ordinal);
        return bandOrder.Append(NoScore).Where(byBand.Contains).Select(band =>
        {
            var accounts = byBand[band].ToArray();
            return new BandSurvival(band, SurvivalCurve.KaplanMeier(accounts.Select(a => a.Days).ToArray(), accounts.Select(a => a.Churned).ToArray(), level));
        }).ToList().AsReadOnly();
    }

    /// <summary>Counts each rule a snapshot fired once, however often its list names it.</summary>
    private static void CountRules(SortedDictionary<string, (long Snapshots, long Churned)> fired, IReadOnlyList<string> rules, bool churned)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var seen = false;
            for (var j = 0; j < i && !seen; j++)
            {
                seen = string.Equals(rules[j], rule, StringComparison.Ordinal);
            }

            if (!seen)
            {
                var c = fired.GetValueOrDefault(rule);
                fired[rule] = (c.Snapshots + 1, c.Churned + (churned ? 1 : 0));
            }
        }
    }

    private static IReadOnlyList<RuleLift> RuleLifts(SortedDictionary<string, (long Snapshots, long Churned)> fired, ProportionInterval overall, double level) =>
        fired.Select(f =>
        {
            var on = ProportionInterval.Wilson(f.Value.Churned, f.Value.Snapshots, level);
            var off = ProportionInterval.Wilson(overall.Events - f.Value.Churned, overall.Trials - f.Value.Snapshots, level);
            return new RuleLift(f.Key, on, off, ChurnRateTable.Lift(on, overall));
        }).ToList().AsReadOnly();
}
