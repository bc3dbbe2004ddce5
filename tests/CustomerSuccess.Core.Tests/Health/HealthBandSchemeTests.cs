using System;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Tests.Health;

public sealed class HealthBandSchemeTests
{
    private static readonly HealthBandScheme Seed000 = HealthBandSchemes.HealthyNeutralAtRiskCritical;

    [Theory]
    [InlineData(0, "Critical")]
    [InlineData(39.999, "Critical")]
    [InlineData(40, "At Risk")]
    [InlineData(59.99, "At Risk")]
    [InlineData(60, "Neutral")]
    [InlineData(79.9, "Neutral")]
    [InlineData(80, "Healthy")]
    [InlineData(100, "Healthy")]
    public void Classify_Seed000_UsesInclusiveLowerBounds(double score, string label)
    {
        Assert.Equal(label, Seed000.Classify(score).Label);
    }

    [Fact]
    public void Classify_OneUlpBelowABound_CountsAsOnTheBound()
    {
        Assert.Equal("Healthy", Seed000.Classify(Math.BitDecrement(80.0)).Label);
        Assert.Equal("Neutral", Seed000.Classify(80.0 - 1e-6).Label);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Classify_ScoreOutOfRange_Throws(double score)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Seed000.Classify(score));

        Assert.Contains("the health score must be in [0, 100]", ex.Message);
    }

    [Fact]
    public void Classify_WithHysteresis_StaysInBandWithinTheMargin()
    {
        var healthy = Seed000.Classify(81);

        Assert.Same(healthy, Seed000.Classify(79.9, healthy, 2));
        Assert.Same(healthy, Seed000.Classify(78.0, healthy, 2));
        Assert.Equal("Neutral", Seed000.Classify(77.9, healthy, 2).Label);
        Assert.Equal("Neutral", Seed000.Classify(79.9, healthy, 0).Label);
    }

    [Fact]
    public void Classify_WithHysteresis_MovingUpNeedsTheMarginToo()
    {
        var neutral = Seed000.Classify(70);

        Assert.Same(neutral, Seed000.Classify(80.1, neutral, 2));
        Assert.Equal("Healthy", Seed000.Classify(82, neutral, 2).Label);
    }

    [Fact]
    public void Classify_WithHysteresis_ABandOfAnotherScheme_Throws()
    {
        var green = HealthBandSchemes.GreenYellowRed.Classify(90);

        var ex = Assert.Throws<ArgumentException>(() => Seed000.Classify(90, green, 2));

        Assert.Contains("is not a band of scheme 'seed-000'", ex.Message);
    }

    [Fact]
    public void Constructor_GapOverlapRanksAndLabels_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HealthBandScheme(
            "broken",
            [
                new HealthBand("Low", 10, HealthBandColor.Red, 0),
                new HealthBand("Mid", 50, HealthBandColor.Yellow, 1),
                new HealthBand("mid", 50, HealthBandColor.Yellow, 2),
                new HealthBand("High", 80, HealthBandColor.Green, 5),
            ]));

        Assert.Contains("Health band scheme 'broken' is invalid (4 problems)", ex.Message);
        Assert.Contains("no band covers [0, 10): the lowest band must start at 0", ex.Message);
        Assert.Contains("bands 'Mid' and 'mid' overlap: both start at 50", ex.Message);
        Assert.Contains("the label 'Mid' is used by 2 bands", ex.Message);
        Assert.Contains("band 'High' has rank 5 but is band #3 from the bottom", ex.Message);
    }

    [Fact]
    public void Constructor_NoBands_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HealthBandScheme("empty", []));

        Assert.Contains("it has no bands", ex.Message);
    }

    [Fact]
    public void Constructor_BandsInAnyOrder_AreSortedFromTheBottom()
    {
        var scheme = new HealthBandScheme(
            "two",
            [new HealthBand("Good", 50, HealthBandColor.Green, 1), new HealthBand("Bad", 0, HealthBandColor.Red, 0)]);

        Assert.Equal(["Bad", "Good"], System.Linq.Enumerable.Select(scheme.Bands, b => b.Label));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(double.NaN)]
    public void HealthBand_LowerBoundOutOfRange_Throws(double bound)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HealthBand("X", bound, HealthBandColor.Red, 0));

        Assert.Contains("the lower bound of band 'X' must be in [0, 100]", ex.Message);
    }
}
