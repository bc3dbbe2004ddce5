using System;
using CustomerSuccess.Nps;
using Xunit;

namespace CustomerSuccess.Tests.Nps;

/// <summary>The edges of the NPS area's checks: each a boundary a mutation of the code would move, with its message.</summary>
public sealed class NpsEdgeTests
{
    [Theory]
    [InlineData(-1, 0, 0, "promoters")]
    [InlineData(0, -1, 0, "passives")]
    [InlineData(0, 0, -1, "detractors")]
    public void Summary_ANegativeCount_IsRefusedNamingIt(long promoters, long passives, long detractors, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSummary(promoters, passives, detractors));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains($"the count of {name} must be 0 or more but was -1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_CountsUpToLongMaxValue_AndNotOneMore()
    {
        Assert.Equal(long.MaxValue, new NpsSummary(long.MaxValue - 1, 1, 0).Total);
        Assert.Equal(long.MaxValue, new NpsSummary(0, long.MaxValue - 1, 1).Total);
        Assert.Contains("must add up to at most", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSummary(long.MaxValue, 1, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSummary(1, long.MaxValue - 1, 1));
    }

    [Fact]
    public void Summary_EqualsOnlyWithTheSameThreeCounts()
    {
        var s = new NpsSummary(3, 2, 1);
        Assert.Equal(new NpsSummary(3, 2, 1), s);
        Assert.NotEqual(new NpsSummary(3, 2, 2), s);
        Assert.NotEqual(new NpsSummary(3, 1, 1), s);
        Assert.NotEqual(new NpsSummary(2, 2, 1), s);
    }

    [Theory]
    [InlineData(-1, 0, 0, "promoterWeight")]
    [InlineData(0, -0.5, 0, "passiveWeight")]
    [InlineData(0, 0, double.NaN, "detractorWeight")]
    [InlineData(double.PositiveInfinity, 0, 0, "promoterWeight")]
    public void Weighted_ABadWeight_IsRefusedNamingIt(double promoter, double passive, double detractor, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedNpsSummary(promoter, passive, detractor, 1));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains($"{name} must be a finite number, 0 or more", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weighted_ResponsesMustBeThereWhenWeightIs_AndItsScoreIsPromotersLessDetractors()
    {
        Assert.Contains("the response count must be 0 or more", Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedNpsSummary(0, 0, 0, -1)).Message, StringComparison.Ordinal);
        Assert.Contains("must be 1 or more when a weight is above 0", Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedNpsSummary(0, 0.5, 0, 0)).Message, StringComparison.Ordinal);
        Assert.False(new WeightedNpsSummary(0, 0, 0, 0).HasScore);

        // (3 - 1) / (3 + 4 + 1) = 25: the passives count in the total only.
        var weighted = new WeightedNpsSummary(3, 4, 1, 8);
        Assert.Equal(25, weighted.Score, 10);
        Assert.Equal("weighted NPS +25 (8 responses)", weighted.ToString());
        Assert.Equal("weighted NPS undefined (no weight)", new WeightedNpsSummary(0, 0, 0, 0).ToString());
    }

    [Fact]
    public void SurveyCadence_Edges()
    {
        _ = new NpsSurveyCadence(0, 1, 1);
        Assert.Contains("the first survey must be 0 days or more after the start but was -1", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSurveyCadence(-1, 1, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("the second survey (5 days) must come after the first (5 days)", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSurveyCadence(5, 5, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("must be 1 month or more apart but were 0", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSurveyCadence(5, 6, 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RollingWindowAndMinimumResponses_StartAtOne()
    {
        Assert.Empty(NpsTrend.RollingByMonth([], 1));
        Assert.Contains("the rolling window must be 1 month or more but was 0", Assert.Throws<ArgumentOutOfRangeException>(() => NpsTrend.RollingByMonth([], 0)).Message, StringComparison.Ordinal);
        var one = new NpsSummary(1, 0, 0);
        Assert.True(NpsStatistics.ConfidenceInterval(one, minimumResponses: 1).HasInterval);
        Assert.Contains("the minimum number of responses must be 1 or more but was 0", Assert.Throws<ArgumentOutOfRangeException>(() => NpsStatistics.ConfidenceInterval(one, minimumResponses: 0)).Message, StringComparison.Ordinal);
    }
}
