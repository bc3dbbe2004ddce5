using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Health;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Tests.Backtesting;

/// <summary>Properties of a whole back-test and calibration over random histories.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class BacktestPropertyTests
{
    private static readonly HealthBandScheme Bands = HealthBandSchemes.GreenYellowRed;
    private static readonly LocalDate Start = new(2026, 1, 1);
    private static readonly string[] RuleIds = ["late-payment", "usage-decline", "no-recent-login"];

    /// <summary>
    /// Up to 12 accounts, each with up to 6 monthly snapshots (a score, missing one time in eight; a risk score; up to two
    /// fired rules) and an outcome after its last snapshot: churned, renewed or active, 1 to 200 days later.
    /// </summary>
    private static Arbitrary<(BacktestSnapshot[] Snapshots, AccountOutcome[] Outcomes)> Histories() =>
        (from accounts in Gen.Choose(0, 12)
         from rows in Gen.ArrayOf(Account(), accounts)
         select (rows.SelectMany((r, a) => r.Snapshots(a)).ToArray(), rows.Select((r, a) => r.Outcome(a)).ToArray())).ToArbitrary();

    private static Gen<AccountRows> Account() =>
        from months in Gen.Choose(1, 6)
        from scores in Gen.ArrayOf(Gen.Choose(-12, 100), months)
        from risks in Gen.ArrayOf(Gen.Choose(0, 100), months)
        from rules in Gen.ArrayOf(Gen.Choose(0, 7), months)
        from kind in Gen.Elements(OutcomeKind.Churned, OutcomeKind.Renewed, OutcomeKind.Active)
        from after in Gen.Choose(1, 200)
        select new AccountRows(scores, risks, rules, kind, after);

    [Property]
    public Property TheReport_DoesNotDependOnTheRowsOrder() =>
        Prop.ForAll(Histories(), h =>
        {
            var a = BacktestReport.Build(h.Snapshots, h.Outcomes, Bands);
            var b = BacktestReport.Build(h.Snapshots.Reverse(), h.Outcomes.Reverse(), Bands);
            return Describe(a) == Describe(b);
        });

    [Property]
    public Property TheBandsLifts_AverageToOne_AndEveryRuleCountsItsSnapshots() =>
        Prop.ForAll(Histories(), h =>
        {
            var report = BacktestReport.Build(h.Snapshots, h.Outcomes, Bands);
            var overall = report.ByBand.Overall;
            var liftsAverageToOne = !overall.IsDefined || overall.Events == 0
                || Math.Abs((report.ByBand.Rows.Where(r => r.Lift is not null).Sum(r => r.Rate.Trials * r.Lift!.Value) / overall.Trials) - 1) < 1e-9;
            var rulesAddUp = report.Rules.All(r => r.Fired.Trials + r.NotFired.Trials == overall.Trials && r.Fired.Events + r.NotFired.Events == overall.Events);
            return liftsAverageToOne && rulesAddUp && overall.Trials + report.Censored == report.Snapshots;
        });

    [Property]
    public Property TheFittedRenewalTable_LiesBetweenTheTableAndTheObservedRate() =>
        Prop.ForAll(Histories(), h =>
        {
            var calibration = RenewalCalibration.Build(h.Snapshots, h.Outcomes, Bands);
            return calibration.Rows.All(r =>
            {
                var observed = r.Observed.RateOrNull ?? r.TableProbability;
                return r.FittedProbability >= Math.Min(observed, r.TableProbability) - 1e-12 && r.FittedProbability <= Math.Max(observed, r.TableProbability) + 1e-12;
            }) && calibration.Decided + calibration.Undecided == h.Outcomes.Length;
        });

    private static string Describe(BacktestReport r) =>
        string.Join(" | ",
            r.Snapshots, r.Censored,
            string.Join(";", r.ByBand.Rows.Select(x => $"{x.Group}:{x.Rate.Events}/{x.Rate.Trials}:{x.Lift}")),
            r.HealthAuc.ValueOrNull, r.HealthAuc.StandardError, r.RiskAuc.ValueOrNull,
            string.Join(";", r.Rules.Select(x => $"{x.RuleId}:{x.Fired.Events}/{x.Fired.Trials}:{x.Lift}")),
            string.Join(";", r.SurvivalByBand.Select(x => $"{x.Band}:{string.Join(",", x.Curve.Points.Select(p => $"{p.Time}/{p.AtRisk}/{p.Events}/{p.Survival}"))}")));

    /// <summary>One generated account: its monthly scores (below 0: none), risk scores, fired-rule masks and outcome.</summary>
    private sealed record AccountRows(int[] Scores, int[] Risks, int[] Rules, OutcomeKind Kind, int DaysAfter)
    {
        public IEnumerable<BacktestSnapshot> Snapshots(int account) => Scores.Select((score, m) =>
            new BacktestSnapshot($"A{account}", Start.PlusMonths(m), score < 0 ? default : new HealthScore(score, Bands.Classify(score), 1))
            {
                RiskScore = Risks[m],
                FiredRules = RuleIds.Where((_, i) => (Rules[m] & (1 << i)) != 0).ToArray(),
            });

        public AccountOutcome Outcome(int account) => new($"A{account}", Kind, Start.PlusMonths(Scores.Length - 1).PlusDays(DaysAfter));
    }
}
