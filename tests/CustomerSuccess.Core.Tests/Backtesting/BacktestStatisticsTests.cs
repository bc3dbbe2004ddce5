using System;
using System.Linq;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Backtesting;

/// <summary>The back-test's statistics against hand-worked cases, and their properties.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class BacktestStatisticsTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(1, 100, 0.0018, 0.0545)]
    public void Wilson_MatchesPublishedIntervals(long events, long trials, double lower, double upper)
    {
        var interval = ProportionInterval.Wilson(events, trials);

        Assert.Equal((double)events / trials, interval.Rate);
        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
    }

    [Fact]
    public void Wilson_WithoutTrials_IsUndefined_AndBadCountsAreRefused()
    {
        var none = ProportionInterval.Wilson(0, 0);

        Assert.False(none.IsDefined);
        Assert.Null(none.RateOrNull);
        Assert.Equal((0.0, 1.0), (none.Lower, none.Upper));
        Assert.Throws<InvalidOperationException>(() => none.Rate);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(1, 2, level: 1));
    }

    /// <summary>
    /// Churned accounts score 0.9, 0.7 and 0.5; retained ones 0.8, 0.5, 0.3 and 0.1. Of the 12 pairs, 0.9 beats all 4,
    /// 0.7 beats 3, and 0.5 beats 2 and ties 1 (a half): 9.5 / 12 = 0.791 667. Hanley–McNeil: Q1 = A / (2 − A) = 0.655 172,
    /// Q2 = 2A² / (1 + A) = 0.699 612, variance = (A(1 − A) + 2(Q1 − A²) + 3(Q2 − A²)) / 12 = 0.036 703, so the standard
    /// error is 0.191 579.
    /// </summary>
    [Fact]
    public void Auc_IsTheShareOfConcordantPairs_WithTheHanleyMcNeilError()
    {
        double[] scores = [0.9, 0.8, 0.7, 0.5, 0.5, 0.3, 0.1];
        bool[] churned = [true, false, true, true, false, false, false];

        var auc = RocAuc.Compute(scores, churned);

        Assert.Equal(9.5 / 12, auc.Value, 12);
        Assert.Equal(0.191579, auc.StandardError, 5);
        Assert.Equal((3, 4), (auc.Positives, auc.Negatives));
        Assert.Equal(Math.Max(0, auc.Value - (1.959964 * auc.StandardError)), auc.Lower, 5);
        Assert.Equal(1.0, auc.Upper);

        // A health score, where lower means churn: the AUC of the negated score.
        var health = RocAuc.Compute(scores.Select(s => 100 - (s * 100)).ToArray(), churned, higherMeansOutcome: false);
        Assert.Equal(auc.Value, health.Value, 12);
    }

    [Fact]
    public void Auc_OfOneClass_IsUndefined_AndSaysWhy()
    {
        var retained = RocAuc.Compute([0.2, 0.4], [false, false]);
        var churned = RocAuc.Compute([0.2, 0.4], [true, true]);
        var none = RocAuc.Compute([], []);

        Assert.False(retained.IsDefined);
        Assert.Null(retained.ValueOrNull);
        Assert.Equal("no account had the outcome: the AUC needs both classes.", retained.UndefinedReason);
        Assert.Equal("every account had the outcome: the AUC needs both classes.", churned.UndefinedReason);
        Assert.Equal("there are no accounts.", none.UndefinedReason);
        Assert.Contains("undefined", Assert.Throws<InvalidOperationException>(() => retained.Value).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.2, double.NaN], [true, false]));
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.2], [true, false]));
    }

    private static Arbitrary<(double[] Scores, bool[] Outcomes)> Scored() =>
        (from n in Gen.Choose(0, 60)
         from scores in Gen.ArrayOf(Gen.Choose(0, 20).Select(x => x / 2.0), n)
         from outcomes in Gen.ArrayOf(Gen.Elements(true, false), n)
         select (scores, outcomes)).ToArbitrary();

    [Property]
    public Property Auc_IsInTheUnitInterval_AndTheNegatedScoreGivesItsComplement() =>
        Prop.ForAll(Scored(), c =>
        {
            var auc = RocAuc.Compute(c.Scores, c.Outcomes);
            var negated = RocAuc.Compute(c.Scores.Select(s => -s).ToArray(), c.Outcomes);
            return !auc.IsDefined
                ? !negated.IsDefined
                : auc.Value is >= 0 and <= 1 && Math.Abs(auc.Value + negated.Value - 1) < 1e-12 && auc.Lower <= auc.Value && auc.Value <= auc.Upper;
        });

    [Property]
    public Property Auc_DoesNotDependOnTheRowsOrder() =>
        Prop.ForAll(Scored(), c =>
        {
            var order = Enumerable.Range(0, c.Scores.Length).Reverse().ToArray();
            var a = RocAuc.Compute(c.Scores, c.Outcomes);
            var b = RocAuc.Compute(order.Select(i => c.Scores[i]).ToArray(), order.Select(i => c.Outcomes[i]).ToArray());
            return a == b;
        });

    /// <summary>
    /// The 6-MP group of Freireich's leukaemia trial (times in weeks, + censored): 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+
    /// 20+ 22 23 25+ 32+ 32+ 34+ 35+. By hand: S(6) = 18/21 = 0.857 143; S(7) = S(6) × 16/17 = 0.806 723; S(10) = × 14/15 =
    /// 0.752 941; S(13) = × 11/12 = 0.690 196; S(16) = × 10/11 = 0.627 451; S(22) = × 6/7 = 0.537 815; S(23) = × 5/6 =
    /// 0.448 179, so the median is 23. Greenwood: SE(6) = 0.857 143 × √(3 / (21 × 18)) = 0.076 360; SE(23) = 0.448 179 ×
    /// √(3/378 + 1/272 + 1/210 + 1/132 + 1/110 + 1/42 + 1/30) = 0.134 591.
    /// </summary>
    [Fact]
    public void KaplanMeier_MatchesTheTextbookCurve_AndGreenwood()
    {
        double[] weeks = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
        bool[] relapsed = [true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true, false, false, false, false, false];

        var curve = SurvivalCurve.KaplanMeier(weeks, relapsed);

        Assert.Equal(21, curve.Accounts);
        var steps = curve.Points.Where(p => p.Events > 0).Select(p => (p.Time, Math.Round(p.Survival, 6))).ToArray();
        Assert.Equal([(6, 0.857143), (7, 0.806723), (10, 0.752941), (13, 0.690196), (16, 0.627451), (22, 0.537815), (23, 0.448179)], steps);
        var six = curve.Points[0];
        Assert.Equal((21L, 3L, 1L), (six.AtRisk, six.Events, six.Censored));
        Assert.Equal(0.076360, six.StandardError, 6);
        Assert.Equal(0.134591, curve.Points.Single(p => p.Time == 23).StandardError, 6);
        Assert.Equal(23, curve.Median);
        Assert.Equal(0.627451, curve.SurvivalAt(21), 6);
        Assert.Equal(1.0, curve.SurvivalAt(5));
        Assert.Equal((7L, 1L), (curve.Points.Single(p => p.Time == 22).AtRisk, curve.Points.Single(p => p.Time == 22).Events));
    }

    [Fact]
    public void KaplanMeier_WithoutAHalf_HasNoMedian_AndRefusesBadTimes()
    {
        var curve = SurvivalCurve.KaplanMeier([1, 2, 3], [true, false, false]);

        Assert.Null(curve.Median);
        Assert.Equal(2.0 / 3, curve.Points[^1].Survival, 12);
        Assert.Empty(SurvivalCurve.KaplanMeier([], []).Points);
        Assert.Throws<ArgumentException>(() => SurvivalCurve.KaplanMeier([-1], [true]));
        Assert.Throws<ArgumentException>(() => SurvivalCurve.KaplanMeier([double.PositiveInfinity], [true]));
        Assert.Throws<ArgumentException>(() => SurvivalCurve.KaplanMeier([1], []));
        Assert.Equal(0, SurvivalCurve.KaplanMeier([1, 1], [true, true]).Points[0].Survival);
    }

    [Property]
    public Property KaplanMeier_NeverRises_StaysInTheUnitInterval_AndIgnoresTheRowsOrder() =>
        Prop.ForAll(Scored(), c =>
        {
            var curve = SurvivalCurve.KaplanMeier(c.Scores, c.Outcomes);
            var reversed = SurvivalCurve.KaplanMeier(c.Scores.Reverse().ToArray(), c.Outcomes.Reverse().ToArray());
            var falls = curve.Points.Zip(curve.Points.Skip(1)).All(p => p.Second.Survival <= p.First.Survival);
            return falls
                && curve.Points.All(p => p.Survival is >= 0 and <= 1 && p.Lower <= p.Survival && p.Survival <= p.Upper)
                && curve.Points.SequenceEqual(reversed.Points)
                && curve.Points.Sum(p => p.Events + p.Censored) == c.Scores.Length;
        });

    /// <summary>Green: 5 of 100 churned; Red: 8 of 20. The whole: 13 of 120 = 0.108 333; Green's lift 0.05 / 0.108 333 = 0.461 538, Red's 0.4 / 0.108 333 = 3.692 308.</summary>
    [Fact]
    public void ChurnRates_ByBand_GiveEachBandsLift()
    {
        var observations = Enumerable.Range(0, 100).Select(i => ("Green", i < 5)).Concat(Enumerable.Range(0, 20).Select(i => ("Red", i < 8)));

        var table = ChurnRateTable.Build(observations, ["Green", "Yellow", "Red"]);

        Assert.Equal(13.0 / 120, table.Overall.Rate, 12);
        Assert.Equal(["Green", "Yellow", "Red"], table.Rows.Select(r => r.Group));
        Assert.Equal(0.461538, table.Rows[0].Lift!.Value, 6);
        Assert.Equal(3.692308, table.Rows[2].Lift!.Value, 6);
        Assert.False(table.Rows[1].Rate.IsDefined);
        Assert.Null(table.Rows[1].Lift);
        Assert.Equal((8L, 20L), (table.Rows[2].Rate.Events, table.Rows[2].Rate.Trials));
        Assert.All(ChurnRateTable.Build([("A", false), ("B", false)]).Rows, r => Assert.Null(r.Lift));
        Assert.Throws<ArgumentNullException>(() => ChurnRateTable.Build(null!));
        Assert.Throws<ArgumentNullException>(() => ChurnRateTable.Build([(null!, true)]));
    }

    [Property]
    public Property ChurnRates_TheWholePopulationsLiftIsOne() =>
        Prop.ForAll((from n in Gen.Choose(1, 200)
                     from rows in Gen.ArrayOf(from g in Gen.Elements("A", "B", "C") from churned in Gen.Elements(true, false) select (g, churned), n)
                     select rows).ToArbitrary(), rows =>
        {
            var table = ChurnRateTable.Build(rows);
            if (table.Overall.Events == 0)
            {
                return table.Rows.All(r => r.Lift is null);
            }

            var weighted = table.Rows.Sum(r => r.Rate.Trials * r.Lift!.Value) / table.Overall.Trials;
            return Math.Abs(weighted - 1) < 1e-9;
        });

    [Theory]
    [InlineData(OutcomeKind.Churned, "2026-03-15", HorizonLabel.Churned)]
    [InlineData(OutcomeKind.Churned, "2026-04-01", HorizonLabel.Churned)]
    [InlineData(OutcomeKind.Churned, "2026-04-02", HorizonLabel.Retained)]
    [InlineData(OutcomeKind.Active, "2026-02-01", HorizonLabel.Censored)]
    [InlineData(OutcomeKind.Active, "2026-04-01", HorizonLabel.Retained)]
    [InlineData(OutcomeKind.Renewed, "2026-03-31", HorizonLabel.Retained)]
    [InlineData(OutcomeKind.Renewed, "2026-01-01", HorizonLabel.Retained)]
    [InlineData(OutcomeKind.Renewed, "2026-06-01", HorizonLabel.Retained)]
    public void AHorizonOf90Days_LabelsChurnRetentionAndCensoring(OutcomeKind kind, string date, HorizonLabel expected)
    {
        var outcome = new AccountOutcome("A", kind, LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, outcome.LabelAt(new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void ASnapshotAfterTheOutcome_OrAHorizonOfZero_IsRefused()
    {
        var churned = new AccountOutcome("A", OutcomeKind.Churned, new LocalDate(2026, 3, 1));

        Assert.Contains("on or after it churned (2026-03-01)", Assert.Throws<ArgumentException>(() => churned.LabelAt(new LocalDate(2026, 3, 1))).Message, StringComparison.Ordinal);
        Assert.Contains("after its history ends", Assert.Throws<ArgumentException>(() => new AccountOutcome("A", OutcomeKind.Active, new LocalDate(2026, 3, 1)).LabelAt(new LocalDate(2026, 3, 2))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => churned.LabelAt(new LocalDate(2026, 1, 1), 0));
        Assert.Throws<ArgumentException>(() => new AccountOutcome(" ", OutcomeKind.Active, new LocalDate(2026, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccountOutcome("A", (OutcomeKind)9, new LocalDate(2026, 3, 1)));
    }
}
