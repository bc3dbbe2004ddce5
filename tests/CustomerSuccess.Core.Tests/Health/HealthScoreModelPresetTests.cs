using System.Collections.Generic;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Tests.Health;

/// <summary>One worked example per preset, computed by hand from the playbooks' weights.</summary>
public sealed class HealthScoreModelPresetTests
{
    private const double Exact = 1e-9;

    [Fact]
    public void UsageEngagementSupport_Seed000Example_Is68Neutral()
    {
        // 0.40 × 80 + 0.30 × 70 + 0.30 × 50 = 32 + 21 + 15 = 68 → the Petra playbook "Neutral" (60–79).
        var result = HealthScoreModels.UsageEngagementSupport.Evaluate(
            new Dictionary<string, double?> { ["usage"] = 80, ["engagement"] = 70, ["support"] = 50 });

        Assert.Equal(68.0, result.Score.Value, Exact);
        Assert.Equal("Neutral", result.Score.Band.Label);
        Assert.Equal(HealthBandColor.Yellow, result.Score.Band.Color);
        Assert.Equal(1.0, result.Score.Coverage);
        Assert.Equal([32.0, 21.0, 15.0], [result.Components[0].Points, result.Components[1].Points, result.Components[2].Points], new ToleranceComparer(Exact));
    }

    [Fact]
    public void AdoptionEngagementSentimentOutcomes_ExactlyOnTheGreenLine_IsGreen()
    {
        // 0.40 × 90 + 0.30 × 80 + 0.20 × 70 + 0.10 × 60 = 36 + 24 + 14 + 6 = 80 → the CS Manager playbook "Green" (80–100),
        // even though the floating-point sum may land a unit in the last place below 80.
        var score = HealthScoreModels.AdoptionEngagementSentimentOutcomes.Score([90, 80, 70, 60]);

        Assert.Equal(80.0, score.Value, Exact);
        Assert.Equal("Green", score.Band.Label);
        Assert.Equal(2, score.Band.Rank);
    }

    [Fact]
    public void UsageAdoptionSupportEngagement_FromRawMetrics_Is72Yellow()
    {
        // The CS Expert playbook rubrics: 16 days active → 80 (≥ 15); 7 features → min(100, 7 / 10 × 100) = 70;
        // CSAT 4.2 with 6 tickets → 80 (≥ 4.0 and < 10); 0 meetings → 30.
        // 0.40 × 80 + 0.30 × 70 + 0.20 × 80 + 0.10 × 30 = 32 + 21 + 16 + 3 = 72 → the CS Manager playbook "Yellow" (60–79).
        var metrics = new ProductMetrics { DaysActiveLast30 = 16, FeaturesUsed = 7, AverageCsat = 4.2, SupportTicketsLast30 = 6, MeetingsLast90 = 0 };
        var scores = ProductMetricsRubric.Seed003.ToComponentScores(metrics);

        var result = HealthScoreModels.UsageAdoptionSupportEngagement.Evaluate(scores);

        Assert.Equal(80.0, scores["usage"]);
        Assert.Equal(70.0, scores["adoption"]!.Value, Exact);
        Assert.Equal(80.0, scores["support"]);
        Assert.Equal(30.0, scores["engagement"]);
        Assert.Equal(72.0, result.Score.Value, Exact);
        Assert.Equal("Yellow", result.Score.Band.Label);
    }

    [Fact]
    public void UsageSupportEngagementBillingOutcomes_Seed002Example_Is53AtRisk()
    {
        // 0.30 × 50 + 0.20 × 40 + 0.20 × 60 + 0.15 × 100 + 0.15 × 20 = 15 + 8 + 12 + 15 + 3 = 53 → "At Risk" (40–59).
        var score = HealthScoreModels.UsageSupportEngagementBillingOutcomes.Score([50, 40, 60, 100, 20]);

        Assert.Equal(53.0, score.Value, Exact);
        Assert.Equal("At Risk", score.Band.Label);
    }

    [Fact]
    public void UsageEngagementOutcomesRelationship_Seed004Example_Is32Critical()
    {
        // 0.40 × 30 + 0.25 × 40 + 0.25 × 20 + 0.10 × 50 = 12 + 10 + 5 + 5 = 32 → the CS Agent playbook "Critical" (0–39).
        var score = HealthScoreModels.UsageEngagementOutcomesRelationship.Score([30, 40, 20, 50]);

        Assert.Equal(32.0, score.Value, Exact);
        Assert.Equal("Critical", score.Band.Label);
        Assert.Equal(HealthBandColor.Red, score.Band.Color);
    }

    [Fact]
    public void Signals_FromRatings_Is68AtRisk()
    {
        // Ratings green 100 / yellow 60 / red 20:
        // 0.20 × 100 + 0.25 × 60 + 0.25 × 60 + 0.15 × 20 + 0.15 × 100 = 20 + 15 + 15 + 3 + 15 = 68 → the CS Agent playbook "At Risk" (60–79).
        var ratings = new SignalRatings
        {
            LoginFrequency = HealthRating.Green,
            FeatureAdoption = HealthRating.Yellow,
            KeyActionFrequency = HealthRating.Yellow,
            SupportSentiment = HealthRating.Red,
            Engagement = HealthRating.Green,
        };

        var result = HealthScoreModels.Signals.Evaluate(RatingRubric.Default.ToComponentScores(ratings));

        Assert.Equal(68.0, result.Score.Value, Exact);
        Assert.Equal("At Risk", result.Score.Band.Label);
    }

    [Theory]
    [InlineData("40-30-30", new[] { 0.40, 0.30, 0.30 }, "seed-000")]
    [InlineData("40-30-20-10-adoption", new[] { 0.40, 0.30, 0.20, 0.10 }, "seed-001")]
    [InlineData("40-30-20-10-metrics", new[] { 0.40, 0.30, 0.20, 0.10 }, "seed-001")]
    [InlineData("30-20-20-15-15", new[] { 0.30, 0.20, 0.20, 0.15, 0.15 }, "seed-002")]
    [InlineData("40-25-25-10", new[] { 0.40, 0.25, 0.25, 0.10 }, "seed-004")]
    [InlineData("20-25-25-15-15-signals", new[] { 0.20, 0.25, 0.25, 0.15, 0.15 }, "seed-004")]
    public void Get_PresetName_HasTheSeedWeightsAndBands(string name, double[] weights, string bands)
    {
        var model = HealthScoreModels.Get(name.ToUpperInvariant());

        Assert.Equal(name, model.Name);
        Assert.Equal(weights, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(model.Components, c => c.Weight)));
        Assert.Equal(bands, model.Bands.Name);
        Assert.Equal(MissingDataPolicy.Default, model.MissingData);
    }

    [Fact]
    public void Get_UnknownName_ListsTheValidNames()
    {
        var ex = Assert.Throws<System.ArgumentException>(() => HealthScoreModels.Get("50-50"));

        Assert.Contains("'50-50'", ex.Message);
        Assert.Contains("40-30-30, 40-30-20-10-adoption, 40-30-20-10-metrics, 30-20-20-15-15, 40-25-25-10, 20-25-25-15-15-signals", ex.Message);
    }

    [Fact]
    public void BandSchemes_Get_UnknownName_ListsTheValidNames()
    {
        var ex = Assert.Throws<System.ArgumentException>(() => HealthBandSchemes.Get("seed-009"));

        Assert.Contains("seed-000, seed-001, seed-002, seed-004", ex.Message);
        Assert.Same(HealthBandSchemes.GreenYellowRed, HealthBandSchemes.Get("SEED-001"));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => System.Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
