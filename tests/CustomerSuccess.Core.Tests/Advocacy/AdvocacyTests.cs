using System;
using CustomerSuccess.Advocacy;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Advocacy;

[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class AdvocacyTests
{
    private static readonly AdvocacyModel Model = AdvocacyModel.Seed003;

    [Fact]
    public void Score_TheDocsExample_Is74Champion()
    {
        // 90 × 0.3 + 80 × 0.2 + 70 × 0.2 + 60 × 0.2 + 50 × 0.1 = 27 + 16 + 14 + 12 + 5 = 74 → Champion (70 to below 85).
        var result = Model.Score(new AdvocacyInputs(90, 80, 70, 60, 50));

        Assert.Equal(74, result.Score, 9);
        Assert.Equal(AdvocacyTier.Champion, result.Tier);
        Assert.Equal([27, 16, 14, 12, 5], new[] { result.NpsPoints, result.SuccessMetricsPoints, result.EngagementPoints, result.ReferenceWillingnessPoints, result.CommunityActivityPoints });
    }

    [Theory]
    [InlineData(0, AdvocacyTier.Supporter)]
    [InlineData(49.99, AdvocacyTier.Supporter)]
    [InlineData(50, AdvocacyTier.Advocate)]
    [InlineData(69.99, AdvocacyTier.Advocate)]
    [InlineData(70, AdvocacyTier.Champion)]
    [InlineData(84.99, AdvocacyTier.Champion)]
    [InlineData(85, AdvocacyTier.Ambassador)]
    [InlineData(100, AdvocacyTier.Ambassador)]
    public void TierOf_TheBoundaries_BelongToTheHigherTier(double score, AdvocacyTier tier) => Assert.Equal(tier, Model.TierOf(score));

    [Theory]
    [InlineData(false, true, true, ReferenceTier.None)]
    [InlineData(true, false, false, ReferenceTier.Bronze)]
    [InlineData(true, true, false, ReferenceTier.Silver)]
    [InlineData(true, false, true, ReferenceTier.Gold)]
    [InlineData(true, true, true, ReferenceTier.Gold)]
    public void ReferenceTiers_AreTheCsAgentPlaybooks(bool active, bool caseStudy, bool speaker, ReferenceTier tier) =>
        Assert.Equal(tier, ReferenceTiers.Of(active, caseStudy, speaker));

    [Theory]
    [InlineData(double.NaN, "Nps")]
    [InlineData(-1, "Nps")]
    [InlineData(100.5, "Nps")]
    public void Score_AnInputOutsideZeroToHundred_ThrowsNamingIt(double nps, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Model.Score(new AdvocacyInputs(nps, 50, 50, 50, 50)));
        Assert.Equal(name, ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Score(new AdvocacyInputs(50, 50, 50, 50, double.PositiveInfinity)));
    }

    [Theory]
    [InlineData(0, 70, 85)]       // advocate must be above 0
    [InlineData(70, 70, 85)]      // advocate below champion
    [InlineData(50, 85, 85)]      // champion below ambassador
    [InlineData(50, 70, 100.5)]   // ambassador at most 100
    public void Model_ThresholdsOutOfOrder_AreRefusedNamingTheFirstThreshold(double advocate, double champion, double ambassador)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AdvocacyModel(0.3, 0.2, 0.2, 0.2, 0.1, advocate, champion, ambassador));
        Assert.Equal("advocateAt", ex.ParamName);
        Assert.Contains("Advocacy model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0 < advocate < champion < ambassador ≤ 100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_TheTightestValidThresholds_AreAccepted()
    {
        // 0 < advocate < champion < ambassador ≤ 100, each comparison at its edge.
        var model = new AdvocacyModel(0.3, 0.2, 0.2, 0.2, 0.1, double.Epsilon, 50, 100);
        Assert.Equal(AdvocacyTier.Ambassador, model.TierOf(100));
        Assert.Equal(AdvocacyTier.Champion, model.TierOf(99.9));
        var weights = Assert.Throws<ArgumentException>(() => new AdvocacyModel(0.5, 0.2, 0.2, 0.2, 0.1, 50, 70, 85));
        Assert.Equal("npsWeight", weights.ParamName);
        Assert.Contains("the weights", weights.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TierOf_WithinTheToleranceBelowAThreshold_IsTheHigherTier()
    {
        // Scores are compared with a tolerance of 1e-9 points, as health bands are.
        Assert.Equal(AdvocacyTier.Ambassador, Model.TierOf(85 - 1e-9));
        Assert.Equal(AdvocacyTier.Champion, Model.TierOf(70 - 1e-9));
        Assert.Equal(AdvocacyTier.Advocate, Model.TierOf(50 - 1e-9));
        Assert.Equal(AdvocacyTier.Supporter, Model.TierOf(50 - 1e-7));
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => Model.TierOf(100.01)).ParamName);
        Assert.Contains("the advocacy score", Assert.Throws<ArgumentOutOfRangeException>(() => Model.TierOf(-1)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Nps")]
    [InlineData(1, "SuccessMetrics")]
    [InlineData(2, "Engagement")]
    [InlineData(3, "ReferenceWillingness")]
    [InlineData(4, "CommunityActivity")]
    public void Score_EachInputIsChecked_ByName(int which, string name)
    {
        var inputs = new double[] { 50, 50, 50, 50, 50 };
        inputs[which] = 101;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Model.Score(new AdvocacyInputs(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4])));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains("the advocacy input " + name, ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 1000)]
    public Property Score_IsInBounds_AndNeverFallsWhenAnInputRises()
    {
        var input = Gen.Choose(0, 10_000).Select(i => i / 100.0);
        var gen = from a in input from b in input from c in input from d in input from e in input
                  from which in Gen.Choose(0, 4) from rise in input
                  select (Inputs: new AdvocacyInputs(a, b, c, d, e), Which: which, Rise: rise);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var before = Model.Score(x.Inputs);
            var i = x.Inputs;
            var raised = x.Which switch
            {
                0 => i with { Nps = Math.Max(i.Nps, x.Rise) },
                1 => i with { SuccessMetrics = Math.Max(i.SuccessMetrics, x.Rise) },
                2 => i with { Engagement = Math.Max(i.Engagement, x.Rise) },
                3 => i with { ReferenceWillingness = Math.Max(i.ReferenceWillingness, x.Rise) },
                _ => i with { CommunityActivity = Math.Max(i.CommunityActivity, x.Rise) },
            };
            var after = Model.Score(raised);
            return before.Score is >= 0 and <= 100 && after.Score >= before.Score && after.Tier >= before.Tier;
        });
    }
}
