using System;
using System.Linq;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Health;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Backtesting;

/// <summary>A back-test of a small history, worked by hand.</summary>
public sealed class BacktestReportTests
{
    private static readonly HealthBandScheme Bands = HealthBandSchemes.GreenYellowRed;
    private static readonly LocalDate Day = new(2026, 1, 1);

    private static BacktestSnapshot Snap(string account, double? health, double risk, params string[] rules) =>
        new(account, Day, health is { } h ? new HealthScore(h, Bands.Classify(h), 1) : default) { RiskScore = risk, FiredRules = rules };

    private static AccountOutcome Out(string account, OutcomeKind kind, int month, int day) => new(account, kind, new LocalDate(2026, month, day));

    /// <summary>
    /// Snapshots of 2026-01-01 and a 90-day horizon (to 2026-04-01). A Green 90 (risk 10) and B Green 85 (risk 20, churns
    /// in June, after the horizon) are retained; C Yellow 70 (risk 40, late payment) churns in February; D Yellow 65
    /// (risk 30) is retained; E Red 40 (risk 80, late payment and usage decline) churns in March; F Red 30 is active only
    /// until February, so censored; G has no score (risk 50, usage decline) and churns in January. Six labelled, three
    /// churned: 0.5. Green 0 of 2 (lift 0), Yellow 1 of 2 (lift 1), Red 1 of 1 (lift 2), no score 1 of 1 (lift 2).
    /// Health AUC (lower means churn): C 70 is below A and B but not D, E 40 below all three: 5 of 6 pairs. Risk AUC: each
    /// churned account's risk (40, 80, 50) is above each retained one's (10, 20, 30): 1. Late payment fired on C and E,
    /// both churned (lift 2; when it did not fire, 1 of 4); usage decline on E and G (F is censored): the same.
    /// </summary>
    [Fact]
    public void ASmallHistory_GivesItsBandsAucsAndRules()
    {
        BacktestSnapshot[] snapshots =
        [
            Snap("A", 90, 10), Snap("B", 85, 20), Snap("C", 70, 40, "late-payment"), Snap("D", 65, 30),
            Snap("E", 40, 80, "late-payment", "usage-decline"), Snap("F", 30, 70, "usage-decline"), Snap("G", null, 50, "usage-decline"),
        ];
        AccountOutcome[] outcomes =
        [
            Out("A", OutcomeKind.Active, 12, 31), Out("B", OutcomeKind.Churned, 6, 1), Out("C", OutcomeKind.Churned, 2, 15), Out("D", OutcomeKind.Active, 12, 31),
            Out("E", OutcomeKind.Churned, 3, 1), Out("F", OutcomeKind.Active, 2, 1), Out("G", OutcomeKind.Churned, 1, 20),
        ];

        var report = BacktestReport.Build(snapshots, outcomes, Bands);

        Assert.Equal((7L, 1L, 90), (report.Snapshots, report.Censored, report.HorizonDays));
        Assert.Equal((3L, 6L), (report.ByBand.Overall.Events, report.ByBand.Overall.Trials));
        Assert.Equal(
            ["Green 0/2 0", "Yellow 1/2 1", "Red 1/1 2", "no score 1/1 2"],
            report.ByBand.Rows.Select(r => $"{r.Group} {r.Rate.Events}/{r.Rate.Trials} {r.Lift}"));
        Assert.Equal(5.0 / 6, report.HealthAuc.Value, 12);
        Assert.Equal((2L, 3L), (report.HealthAuc.Positives, report.HealthAuc.Negatives));
        Assert.Equal(1.0, report.RiskAuc.Value);
        Assert.Equal(["late-payment", "usage-decline"], report.Rules.Select(r => r.RuleId));
        Assert.All(report.Rules, r => Assert.Equal("2/2 1/4 2", $"{r.Fired.Events}/{r.Fired.Trials} {r.NotFired.Events}/{r.NotFired.Trials} {r.Lift}"));
        Assert.Equal(2.0 / 6, report.Rules[0].FiringRate, 12);

        // Survival from each account's first snapshot: Green B churns on day 151 of 2 (A censored on day 364): 0.5 from
        // then, the median; Yellow C on day 45 (D censored on day 364); Red F censored on day 31, then E churns on day 59,
        // alone at risk: 0; G, without a score, churns on day 19.
        Assert.Equal(["Green", "Yellow", "Red", "no score"], report.SurvivalByBand.Select(b => b.Band));
        Assert.Equal(
            ["Green 151:2/1 364:1/0 median 151", "Yellow 45:2/1 364:1/0 median 45", "Red 31:2/0 59:1/1 median 59", "no score 19:1/1 median 19"],
            report.SurvivalByBand.Select(b => $"{b.Band} {string.Join(" ", b.Curve.Points.Select(p => $"{p.Time}:{p.AtRisk}/{p.Events}"))} median {b.Curve.Median}"));
        Assert.Equal(0.5, report.SurvivalByBand[0].Curve.SurvivalAt(200));
        Assert.Equal(0.5, report.SurvivalByBand[1].Curve.SurvivalAt(100));
        Assert.Equal(0, report.SurvivalByBand[2].Curve.SurvivalAt(59));
        Assert.Equal(0, report.SurvivalByBand[3].Curve.SurvivalAt(19));
    }

    [Fact]
    public void Survival_CountsEachAccountOnce_FromItsFirstSnapshot()
    {
        // A Red on 2026-02-01 (given first), Green on 2026-01-01, churned 2026-03-01: one account, in Green's curve, on day 59.
        var report = BacktestReport.Build(
            [Snap("A", 30, 50) with { AsOf = Day.PlusMonths(1) }, Snap("A", 90, 10)],
            [Out("A", OutcomeKind.Churned, 3, 1)], Bands);

        var curve = Assert.Single(report.SurvivalByBand);
        Assert.Equal("Green", curve.Band);
        Assert.Equal(59, Assert.Single(curve.Curve.Points).Time);
        Assert.Equal(1, curve.Curve.Accounts);
        Assert.Contains("account 'A' has two snapshots on 2026-01-01.", Assert.Throws<ArgumentException>(() =>
            BacktestReport.Build([Snap("A", 90, 10), Snap("A", 30, 50)], [Out("A", OutcomeKind.Churned, 3, 1)], Bands)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHistoryWithoutChurn_HasUndefinedAucsAndLifts_NotNumbers()
    {
        var report = BacktestReport.Build([Snap("A", 90, 10), Snap("B", 50, 60, "late-payment")], [Out("A", OutcomeKind.Active, 12, 31), Out("B", OutcomeKind.Active, 12, 31)], Bands);

        Assert.False(report.HealthAuc.IsDefined);
        Assert.False(report.RiskAuc.IsDefined);
        Assert.All(report.ByBand.Rows, r => Assert.Null(r.Lift));
        Assert.Null(Assert.Single(report.Rules).Lift);
    }

    [Fact]
    public void BadHistories_AreRefused_NamingEveryAccount()
    {
        var error = Assert.Throws<ArgumentException>(() => BacktestReport.Build(
            [Snap("A", 90, 10), Snap("B", 90, 10), Snap("C", 90, 10), Snap("D", 90, 120)],
            [Out("A", OutcomeKind.Active, 12, 31), Out("A", OutcomeKind.Churned, 3, 1), Out("C", OutcomeKind.Churned, 1, 1), Out("D", OutcomeKind.Active, 12, 31)],
            Bands));

        Assert.Contains("account 'A' has two outcomes.", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 'B' has a snapshot but no outcome.", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 'C' has a snapshot on 2026-01-01, on or after it churned (2026-01-01).", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 'D' has a risk score of 120", error.Message, StringComparison.Ordinal);
        Assert.Equal("snapshots", error.ParamName);

        var otherBands = new BacktestSnapshot("A", Day, new HealthScore(90, HealthBandSchemes.HealthyNeutralAtRiskCritical.Classify(90), 1));
        Assert.Contains("not a band of the scheme 'seed-001'", Assert.Throws<ArgumentException>(() => BacktestReport.Build([otherBands], [Out("A", OutcomeKind.Active, 12, 31)], Bands)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => BacktestReport.Build([], [], Bands, horizonDays: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BacktestReport.Build([], [], Bands, level: 0));
        Assert.Throws<ArgumentNullException>(() => BacktestReport.Build([null!], [], Bands));
    }

    [Fact]
    public void ASnapshotFromAnAssessment_CarriesItsRiskAndFiredRules()
    {
        var assessor = new CustomerSuccess.Churn.RuleBasedChurnRiskAssessor();
        var assessment = assessor.Assess(new CustomerSuccess.Churn.CustomerSignals(Day) { CustomerId = "A", LatePayments = 2, HealthScore = 50 });

        var snapshot = BacktestSnapshot.From("A", default, assessment);

        Assert.Equal(assessment.RiskScore, snapshot.RiskScore);
        Assert.Equal(assessment.Factors.Select(f => f.RuleId), snapshot.FiredRules);
        Assert.Contains("late-payment", snapshot.FiredRules);
        Assert.Equal(Day, snapshot.AsOf);
    }
}
