using System;
using CustomerSuccess.Nps;
using Xunit;

namespace CustomerSuccess.Tests.Nps;

public sealed class NpsStatisticsTests
{
    private static readonly NpsSummary ThirtyFifteenFive = new(30, 15, 5);

    [Fact]
    public void StandardError_Example_MatchesTheFormula()
    {
        // p = 0.6, d = 0.1, NPS = 0.5: √((0.6 + 0.1 − 0.5²) / 50) = √0.009 = 0.0948683 → 9.48683 points.
        Assert.Equal(9.486832980505138, NpsStatistics.StandardError(ThirtyFifteenFive), 1e-9);
    }

    [Fact]
    public void ConfidenceInterval_Example_IsTheAdjustedWaldIntervalComputedByHand()
    {
        // n' = 53, p' = 30.75 / 53 = 0.580189, d' = 5.75 / 53 = 0.108491, NPS' = 0.471698;
        // var' = (0.688679 − 0.471698²) / 53 = 0.0087959, se' = 0.0937862; z(0.95) = 1.959964;
        // margin = 0.1838176 → [0.2878805, 0.6555157] → [+28.79, +65.55] points around +47.17.
        var interval = NpsStatistics.ConfidenceInterval(ThirtyFifteenFive);

        Assert.True(interval.HasInterval);
        Assert.Equal(47.16981132075472, interval.AdjustedEstimate, 1e-9);
        Assert.Equal(9.378620159195272, interval.StandardError, 1e-9);
        Assert.Equal(18.381757736704042, interval.MarginOfError, 1e-6);
        Assert.Equal(28.788053584050676, interval.Lower, 1e-6);
        Assert.Equal(65.55156905745876, interval.Upper, 1e-6);
        Assert.True(interval.Contains(ThirtyFifteenFive.Score));
        Assert.Equal("95% CI [+28.8, +65.6]", interval.ToString());
    }

    [Theory]
    [InlineData(0.90, 1.6448536269514722)]
    [InlineData(0.95, 1.959963984540054)]
    [InlineData(0.99, 2.5758293035489004)]
    [InlineData(0.999, 3.2905267314919255)]
    public void CriticalValue_CommonLevels_MatchTheNormalTable(double level, double z)
    {
        Assert.Equal(z, NpsStatistics.CriticalValue(level), 1e-8);
    }

    [Fact]
    public void ConfidenceInterval_TooFewResponses_SaysSo()
    {
        var interval = NpsStatistics.ConfidenceInterval(new NpsSummary(10, 5, 2));

        Assert.False(interval.HasInterval);
        Assert.Equal(17, interval.Responses);
        Assert.Equal(30, interval.MinimumResponses);
        var ex = Assert.Throws<InvalidOperationException>(() => interval.Lower);
        Assert.Contains("17 responses, fewer than the 30 asked for", ex.Message);
        Assert.True(NpsStatistics.ConfidenceInterval(new NpsSummary(10, 5, 2), minimumResponses: 10).HasInterval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1.5)]
    [InlineData(-0.95)]
    [InlineData(double.NaN)]
    public void ConfidenceInterval_LevelOutsideZeroOne_Throws(double level)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsStatistics.ConfidenceInterval(ThirtyFifteenFive, level));

        Assert.Contains("the confidence level must be in (0, 1)", ex.Message);
    }

    [Fact]
    public void Compare_TwoQuarters_DifferenceIntervalComputedByHand()
    {
        // Current 30/15/5 (+50) against 20/15/15 (+10): difference +40.
        // Adjusted: 0.471698 − 0.094340 = 0.377358; se = √(0.0087959 + 0.0137394) = 0.147040; × 1.959964 = 0.288201
        // → [+8.92, +66.56]: significant.
        var comparison = NpsStatistics.Compare(ThirtyFifteenFive, new NpsSummary(20, 15, 15));

        Assert.Equal(40.0, comparison.Difference);
        Assert.Equal(37.7358490566, comparison.AdjustedDifference, 1e-6);
        Assert.Equal(8.91579606876968, comparison.Lower, 1e-6);
        Assert.Equal(66.55590204443786, comparison.Upper, 1e-6);
        Assert.True(comparison.IsSignificant);
    }

    [Fact]
    public void Compare_Extremes_TheReportedDifferenceLiesInItsInterval()
    {
        // 30/0/0 (+100) against 0/0/30 (−100): observed +200. Adjusted: (30.75 − 0.75) / 33 = 0.909091 each way, so
        // +181.82; its interval [+164.5, +199.1] holds it, and the observed +200 lies outside.
        var comparison = NpsStatistics.Compare(new NpsSummary(30, 0, 0), new NpsSummary(0, 0, 30));

        Assert.Equal(200.0, comparison.Difference);
        Assert.Equal(6000.0 / 33, comparison.AdjustedDifference, 1e-9);
        Assert.InRange(comparison.AdjustedDifference, comparison.Lower, comparison.Upper);
        Assert.True(comparison.Upper < comparison.Difference);
        Assert.StartsWith("+181.8 points (observed +200.0), 95% CI [+164.", comparison.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_CloseScores_IsNotSignificant()
    {
        var comparison = NpsStatistics.Compare(new NpsSummary(30, 15, 5), new NpsSummary(28, 16, 6));

        Assert.False(comparison.IsSignificant);
        Assert.True(comparison.Lower < 0 && comparison.Upper > 0);
    }

    [Fact]
    public void Compare_OneSideTooSmall_HasNoInterval()
    {
        var comparison = NpsStatistics.Compare(ThirtyFifteenFive, new NpsSummary(5, 1, 1));

        Assert.False(comparison.HasInterval);
        Assert.Throws<InvalidOperationException>(() => comparison.IsSignificant);
        Assert.Throws<InvalidOperationException>(() => comparison.AdjustedDifference);
        Assert.Equal(50.0 - (400.0 / 7), comparison.Difference, 1e-12);
    }

    [Fact]
    public void StandardError_NoResponses_Throws()
    {
        Assert.Throws<ArgumentException>(() => NpsStatistics.StandardError(NpsSummary.Empty));
    }
}
