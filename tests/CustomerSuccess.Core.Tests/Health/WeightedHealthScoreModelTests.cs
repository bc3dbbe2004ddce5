using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Tests.Health;

public sealed class WeightedHealthScoreModelTests
{
    private const double Exact = 1e-9;
    private static readonly WeightedHealthScoreModel Model403030 = HealthScoreModels.UsageEngagementSupport;

    [Fact]
    public void Evaluate_SupportMissing_RenormalizesOverThePresentWeight()
    {
        // (0.4 × 80 + 0.3 × 70) / (0.4 + 0.3) = 53 / 0.7 = 75.714285… → Neutral, coverage 0.7.
        var result = Model403030.Evaluate(new Dictionary<string, double?> { ["usage"] = 80, ["engagement"] = 70 });

        Assert.Equal(53 / 0.7, result.Score.Value, Exact);
        Assert.Equal(0.7, result.Score.Coverage, Exact);
        Assert.Equal("Neutral", result.Score.Band.Label);
        Assert.Equal(["support"], result.MissingComponents.Select(c => c.Key));
        Assert.Equal(0.4 / 0.7, result.Components[0].EffectiveWeight, Exact);
        Assert.Equal(0.0, result.Components[2].EffectiveWeight);
        Assert.Null(result.Components[2].RawScore);
    }

    [Fact]
    public void Evaluate_SupportMissingTreatedAsZero_CountsItAsZero()
    {
        // 0.4 × 80 + 0.3 × 70 + 0.3 × 0 = 53 → At Risk, coverage 0.7.
        var model = Model403030.WithMissingData(new MissingDataPolicy(MissingDataHandling.TreatAsZero));

        var result = model.Evaluate([80, 70, double.NaN]);

        Assert.Equal(53.0, result.Score.Value, Exact);
        Assert.Equal(0.7, result.Score.Coverage, Exact);
        Assert.Equal("At Risk", result.Score.Band.Label);
        Assert.Equal(0.3, result.Components[2].EffectiveWeight, Exact);
        Assert.Equal(30.0, result.Components[2].PointsLost, Exact);
    }

    [Fact]
    public void Score_CoverageBelowMinimum_SaysThereIsNotEnoughData()
    {
        // Only engagement (0.3) present: coverage 0.3 < 0.5.
        var score = Model403030.Score([double.NaN, 70, double.NaN]);

        Assert.False(score.HasScore);
        Assert.Null(score.ValueOrNull);
        Assert.Equal(0.3, score.Coverage, Exact);
        var ex = Assert.Throws<InvalidOperationException>(() => score.Value);
        Assert.Contains("30%", ex.Message);
        Assert.Throws<InvalidOperationException>(() => score.Band);
    }

    [Fact]
    public void Score_NothingPresentAndNoMinimum_StillHasNoScore()
    {
        var model = Model403030.WithMissingData(new MissingDataPolicy(MissingDataHandling.Renormalize, 0));

        var score = model.Score([double.NaN, double.NaN, double.NaN]);

        Assert.False(score.HasScore);
        Assert.Equal(0.0, score.Coverage);
    }

    [Fact]
    public void Evaluate_NotEnoughData_ExplainsNothing()
    {
        var result = Model403030.Evaluate([double.NaN, 70, double.NaN]);

        Assert.False(result.Score.HasScore);
        Assert.All(result.Components, c => Assert.Equal(0.0, c.Points));
        Assert.Empty(result.BiggestDrags());
        Assert.Equal(2, result.MissingComponents.Count);
    }

    [Fact]
    public void BiggestDrags_Example_RanksByPointsLost()
    {
        // 80/70/50: usage loses 0.4 × 20 = 8, engagement 0.3 × 30 = 9, support 0.3 × 50 = 15.
        var drags = Model403030.Evaluate([80, 70, 50]).BiggestDrags();

        Assert.Equal(["support", "engagement", "usage"], drags.Select(d => d.Component.Key));
        Assert.Equal([15.0, 9.0, 8.0], drags.Select(d => Math.Round(d.PointsLost, 9)));
        Assert.Equal("support 50 × 0.3 = 15", drags[0].ToString());
    }

    [Fact]
    public void BiggestDrags_RaisingTheTopDragTo100_RecoversExactlyItsPointsLost()
    {
        var before = Model403030.Evaluate([80, 70, 50]);
        var after = Model403030.Score([80, 70, 100]);

        Assert.Equal(before.BiggestDrags()[0].PointsLost, after.Value - before.Score.Value, Exact);
    }

    [Fact]
    public void Evaluate_KeysDifferInCase_MatchIgnoringCase()
    {
        var result = Model403030.Evaluate(new Dictionary<string, double?> { ["USAGE"] = 80, ["Engagement"] = 70, ["support"] = 50 });

        Assert.Equal(68.0, result.Score.Value, Exact);
    }

    [Theory]
    [InlineData(140)]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Score_ComponentOutOfRange_ThrowsNamingComponentAndValue(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Model403030.Score([80, bad, 50]));

        Assert.Equal("componentScores", ex.ParamName);
        Assert.Contains($"component 'engagement' score must be in [0, 100] but was {bad.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", ex.Message);
    }

    [Theory]
    [InlineData(140)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_KeyedComponentOutOfRangeOrNaN_Throws(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Model403030.Evaluate(new Dictionary<string, double?> { ["usage"] = bad }));

        Assert.Contains($"component 'usage' score must be in [0, 100] but was {bad.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", ex.Message);
    }

    [Fact]
    public void Evaluate_UnknownKey_ListsTheModelsKeys()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Model403030.Evaluate(new Dictionary<string, double?> { ["usage"] = 80, ["nps"] = 9, ["billing"] = 50 }));

        Assert.Equal("componentScores", ex.ParamName);
        Assert.Contains("model '40-30-30' has no component 'nps', 'billing'; its components are usage, engagement, support", ex.Message);
    }

    [Fact]
    public void Evaluate_TwoKeysForOneComponent_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Model403030.Evaluate(new Dictionary<string, double?> { ["usage"] = 80, ["Usage"] = 70 }));

        Assert.Contains("two keys name component 'usage'", ex.Message);
    }

    [Fact]
    public void Score_WrongSpanLength_ThrowsNamingTheCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Model403030.Score([80, 70]));

        Assert.Contains("has 3 components (usage, engagement, support) but 2 scores were given", ex.Message);
    }

    [Fact]
    public void Score_MissingUnderReject_Throws()
    {
        var model = Model403030.WithMissingData(MissingDataPolicy.Reject);

        var spanEx = Assert.Throws<ArgumentException>(() => model.Score([80, double.NaN, 50]));
        var keyedEx = Assert.Throws<ArgumentException>(() => model.Evaluate(new Dictionary<string, double?> { ["usage"] = 80, ["support"] = 50 }));

        Assert.Contains("component 'engagement' is missing and model '40-30-30' rejects missing data", spanEx.Message);
        Assert.Contains("component 'engagement' is missing", keyedEx.Message);
        Assert.Equal(68.0, model.Score([80, 70, 50]).Value, Exact);
    }

    [Fact]
    public void Constructor_ManyProblems_ListsEveryOne()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WeightedHealthScoreModel(
            "broken",
            [
                new HealthComponent("usage", "Usage", -0.2),
                new HealthComponent("Usage", "Usage again", 0.5),
                new HealthComponent("nan", "NaN", double.NaN),
                new HealthComponent("inf", "Infinite", double.PositiveInfinity),
            ],
            HealthBandSchemes.GreenYellowRed));

        Assert.Contains("Health score model 'broken' is invalid (4 problems)", ex.Message);
        Assert.Contains("the weight of component 'usage' is -0.2; it must be 0 or more", ex.Message);
        Assert.Contains("the weight of component 'nan' is NaN; it must be a finite number", ex.Message);
        Assert.Contains("the weight of component 'inf' is Infinity; it must be a finite number", ex.Message);
        Assert.Contains("the key 'usage' is used by 2 components (usage, Usage)", ex.Message);
    }

    [Fact]
    public void Constructor_WeightsSumTo095_SaysWhatTheySumTo()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WeightedHealthScoreModel(
            "short",
            [new HealthComponent("a", "A", 0.5), new HealthComponent("b", "B", 0.45)],
            HealthBandSchemes.GreenYellowRed));

        Assert.Contains("the weights sum to 0.95; they must sum to 1 (within 1E-09)", ex.Message);
    }

    [Fact]
    public void Constructor_NoComponents_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WeightedHealthScoreModel("empty", [], HealthBandSchemes.GreenYellowRed));

        Assert.Contains("it has no components", ex.Message);
    }

    [Fact]
    public void Constructor_WeightsWithinTolerance_AreAccepted()
    {
        var model = new WeightedHealthScoreModel(
            "thirds",
            [new HealthComponent("a", "A", 1.0 / 3), new HealthComponent("b", "B", 1.0 / 3), new HealthComponent("c", "C", 1.0 / 3)],
            HealthBandSchemes.GreenYellowRed);

        Assert.Equal(3, model.Components.Count);
        Assert.Equal(50.0, model.Score([50, 50, 50]).Value, Exact);
    }

    [Fact]
    public void HealthComponent_EmptyKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HealthComponent(" ", "Usage", 0.4));
    }

    [Fact]
    public void MissingDataPolicy_MinimumCoverageOutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MissingDataPolicy(MissingDataHandling.Renormalize, 1.5));

        Assert.Contains("the minimum coverage must be in [0, 1] but was 1.5", ex.Message);
    }

    [Fact]
    public void HealthScore_Default_HasNoScoreAndNoCoverage()
    {
        var score = default(HealthScore);

        Assert.False(score.HasScore);
        Assert.Equal(0.0, score.Coverage);
        Assert.Equal(HealthScore.NotEnoughData(0), score);
    }
}
