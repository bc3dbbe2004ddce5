using System;
using System.Linq;
using CustomerSuccess.Health;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Health;

public sealed class HealthTrendAnalyzerTests
{
    private static readonly LocalDate Monday = new(2026, 1, 5);
    private static readonly HealthBandScheme Seed000 = HealthBandSchemes.HealthyNeutralAtRiskCritical;

    private static DatedHealthScore[] Weekly(params double[] scores) =>
        [.. scores.Select((s, i) => new DatedHealthScore(Monday.PlusWeeks(i), s))];

    [Fact]
    public void Analyze_TwoPointsAWeek_IsImproving()
    {
        // 70, 72, 74, 76 a week apart: slope 2 points a week > tolerance 1 → Improving; last change +2.
        var trend = new HealthTrendAnalyzer().Analyze(Weekly(70, 72, 74, 76), Seed000);

        Assert.Equal(2.0, trend.SlopePerWeek!.Value, 1e-9);
        Assert.Equal(2.0, trend.ChangeSincePrevious);
        Assert.Equal(HealthTrendDirection.Improving, trend.Direction);
        Assert.Equal(76, trend.Latest!.Value.Score);
        Assert.Equal(74, trend.Previous!.Value.Score);
        Assert.Empty(trend.Transitions);
        Assert.Equal("Neutral", trend.CurrentBand!.Label);
    }

    [Fact]
    public void Analyze_LeastSquaresOverUnevenDates_UsesDays()
    {
        // Days 0, 7, 21 with scores 80, 79, 73: x̄ = 28/3, ȳ = 232/3.
        // Sxy = Σ(x − x̄)(y − ȳ) = (−28/3)(8/3) + (−7/3)(5/3) + (35/3)(−13/3) = (−224 − 35 − 455)/9 = −714/9
        // Sxx = (784 + 49 + 1225)/9 = 2058/9; slope = −714/2058 = −0.3469… a day = −2.4285… a week → Declining.
        var trend = new HealthTrendAnalyzer().Analyze(
            [new(Monday, 80), new(Monday.PlusDays(7), 79), new(Monday.PlusDays(21), 73)], Seed000);

        Assert.Equal(-714.0 / 2058 * 7, trend.SlopePerWeek!.Value, 1e-9);
        Assert.Equal(HealthTrendDirection.Declining, trend.Direction);
    }

    [Fact]
    public void Analyze_SmallWobble_IsStable()
    {
        var trend = new HealthTrendAnalyzer().Analyze(Weekly(70, 70.5, 70.2, 70.8), Seed000);

        Assert.Equal(HealthTrendDirection.Stable, trend.Direction);
    }

    [Fact]
    public void Analyze_AroundABoundary_HysteresisStopsFlapping()
    {
        // 81 Healthy; 79.5 and 80.5 stay Healthy within the 2-point margin; 77 < 78 moves to Neutral.
        var withMargin = new HealthTrendAnalyzer().Analyze(Weekly(81, 79.5, 80.5, 79.9, 77), Seed000);
        var without = new HealthTrendAnalyzer(new HealthTrendOptions { HysteresisMargin = 0 }).Analyze(Weekly(81, 79.5, 80.5, 79.9, 77), Seed000);

        var only = Assert.Single(withMargin.Transitions);
        Assert.Equal(Monday.PlusWeeks(4), only.Date);
        Assert.Equal("Healthy", only.From.Label);
        Assert.Equal("Neutral", only.To.Label);
        Assert.False(only.IsImprovement);
        Assert.Equal(3, without.Transitions.Count);
    }

    [Fact]
    public void Analyze_NoScores_IsStableWithNothingToReport()
    {
        var trend = new HealthTrendAnalyzer().Analyze([], Seed000);

        Assert.Null(trend.Latest);
        Assert.Null(trend.SlopePerWeek);
        Assert.Null(trend.ChangeSincePrevious);
        Assert.Null(trend.CurrentBand);
        Assert.Equal(HealthTrendDirection.Stable, trend.Direction);
    }

    [Fact]
    public void Analyze_DatesOutOfOrder_ThrowsNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HealthTrendAnalyzer().Analyze(
            [new(Monday.PlusDays(7), 70), new(Monday, 72)], Seed000));

        Assert.Contains("strictly increasing date order, but 2026-01-05 (#1) follows 2026-01-12", ex.Message);
    }

    [Fact]
    public void Analyze_SameDateTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HealthTrendAnalyzer().Analyze([new(Monday, 70), new(Monday, 72)], Seed000));
    }

    [Fact]
    public void Analyze_ScoreOutOfRange_ThrowsNamingTheDate()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HealthTrendAnalyzer().Analyze(Weekly(70, 101), Seed000));

        Assert.Contains("the health score on 2026-01-12 must be in [0, 100] but was 101", ex.Message);
    }

    [Fact]
    public void Constructor_NegativeOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthTrendAnalyzer(new HealthTrendOptions { HysteresisMargin = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthTrendAnalyzer(new HealthTrendOptions { StableTolerancePerWeek = double.NaN }));
    }
}
