using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Health;

/// <summary>The worst-of model: worked examples, its explanation, bad input, and properties against the weighted sum.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class WorstOfHealthScoreModelTests
{
    private static readonly WorstOfHealthScoreModel Model = WorstOfHealthScoreModel.Of(HealthScoreModels.UsageSupportEngagementBillingOutcomes);

    /// <summary>
    /// The sample's first customer on the 30-20-20-15-15 components: usage 72, support 77.1, engagement 93.8, billing 78.5,
    /// outcomes 83.3. The weighted sum is 80.05 (Healthy); the worst is usage, 72: At Risk, and usage decided.
    /// </summary>
    [Fact]
    public void TheLowestComponent_IsTheScore_AndDecides()
    {
        double[] scores = [72, 77.1, 93.8, 78.5, 83.3];

        var result = Model.Evaluate(scores);

        Assert.Equal("worst-of 30-20-20-15-15", Model.Name);
        Assert.Equal(72, result.Score.Value);
        Assert.Equal("At Risk", result.Score.Band.Label);
        Assert.Equal("Healthy", HealthScoreModels.UsageSupportEngagementBillingOutcomes.Score(scores).Band.Label);
        Assert.Equal(1.0, result.Score.Coverage);
        var drag = result.BiggestDrags()[0];
        Assert.Equal(("usage", 1.0, 72.0, 28.0), (drag.Component.Key, drag.EffectiveWeight, drag.Points, drag.PointsLost));
        Assert.All(result.Components.Where(c => c.Component.Key != "usage"), c => Assert.Equal(0, c.EffectiveWeight));
        Assert.Equal(Model.Score(scores), result.Score);
    }

    [Fact]
    public void MissingComponents_AreSkipped_OrCountAsZero_OrRejected_AsThePolicySays()
    {
        double[] scores = [double.NaN, 77.1, 93.8, 78.5, 83.3];

        var skipped = Model.Score(scores);
        var zero = WorstOfHealthScoreModel.Of(HealthScoreModels.UsageSupportEngagementBillingOutcomes.WithMissingData(new MissingDataPolicy(MissingDataHandling.TreatAsZero))).Score(scores);

        Assert.Equal((77.1, 0.7), (skipped.Value, Math.Round(skipped.Coverage, 12)));
        Assert.Equal(0, zero.Value);
        Assert.Equal("Critical", zero.Band.Label);
        Assert.False(Model.Score([double.NaN, double.NaN, double.NaN, 78.5, 83.3]).HasScore);
        var rejecting = WorstOfHealthScoreModel.Of(HealthScoreModels.UsageSupportEngagementBillingOutcomes.WithMissingData(MissingDataPolicy.Reject));
        Assert.Contains("component 'usage' is missing", Assert.Throws<ArgumentException>(() => rejecting.Score(scores)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_MeetsClearExceptions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Score([101, 50, 50, 50, 50]));
        Assert.Contains("has 5 components", Assert.Throws<ArgumentException>(() => Model.Score([50, 50])).Message, StringComparison.Ordinal);
        Assert.Contains("has no component 'speed'", Assert.Throws<ArgumentException>(() => Model.Evaluate(new Dictionary<string, double?> { ["speed"] = 1 })).Message, StringComparison.Ordinal);
        Assert.Contains("sum to", Assert.Throws<ArgumentException>(() => new WorstOfHealthScoreModel("w", [new HealthComponent("a", "A", 0.5)], HealthBandSchemes.GreenYellowRed)).Message, StringComparison.Ordinal);
    }

    [Property]
    public Property WithEveryComponentPresent_ItsBand_IsNeverBetterThanTheWeightedSums() =>
        Prop.ForAll(HealthGen.ModelWithScores(HealthGen.Score).ToArbitrary(), c =>
        {
            var worst = WorstOfHealthScoreModel.Of(c.Model).Score(c.Scores);
            var weighted = c.Model.Score(c.Scores);
            return !weighted.HasScore || (worst.Band.Rank <= weighted.Band.Rank && worst.Value == c.Scores.Min());
        });

    [Property]
    public Property Evaluate_ByKeyAndPositional_AndBulk_EqualScore() =>
        Prop.ForAll(HealthGen.ModelWithScores(HealthGen.ScoreOrMissing).ToArbitrary(), c =>
        {
            var model = WorstOfHealthScoreModel.Of(c.Model);
            var score = model.Score(c.Scores);
            var columns = c.Scores.Select(s => (ReadOnlyMemory<double>)new[] { s }).ToArray();
            var bulk = new double[1];
            var ranks = new byte[1];
            HealthBatch.Score(model, columns, bulk, ranks);
            var sameBulk = score.HasScore ? bulk[0] == score.Value && ranks[0] == score.Band.Rank : double.IsNaN(bulk[0]) && ranks[0] == HealthBatch.NoBand;
            return score.Equals(model.Evaluate(c.Scores).Score) && score.Equals(model.Evaluate(HealthGen.ByKey(model, c.Scores)).Score) && sameBulk;
        });

    [Property]
    public Property RaisingTheDecidingComponent_NeverLowersTheScore() =>
        Prop.ForAll(HealthGen.ModelWithScores(HealthGen.Score).ToArbitrary(), c =>
        {
            var model = WorstOfHealthScoreModel.Of(c.Model);
            var before = model.Evaluate(c.Scores);
            if (!before.Score.HasScore)
            {
                return true;
            }

            var decider = before.Components.ToList().FindIndex(x => x.EffectiveWeight == 1);
            var raised = (double[])c.Scores.Clone();
            raised[decider] = 100;
            return model.Score(raised).Value >= before.Score.Value && c.Scores[decider] == before.Score.Value;
        });
}
