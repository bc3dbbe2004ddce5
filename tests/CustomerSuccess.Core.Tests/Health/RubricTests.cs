using System;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Health;

[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class RubricTests
{
    private static readonly ProductMetricsRubric Seed003 = ProductMetricsRubric.Seed003;

    [Theory]
    [InlineData(30, 100)]
    [InlineData(20, 100)]
    [InlineData(19, 80)]
    [InlineData(15, 80)]
    [InlineData(14, 60)]
    [InlineData(10, 60)]
    [InlineData(9, 40)]
    [InlineData(5, 40)]
    [InlineData(4, 20)]
    [InlineData(0, 20)]
    public void Seed003Usage_DaysActive_FollowsTheSqlSteps(int days, double expected)
    {
        Assert.Equal(expected, Seed003.Usage.Score(days));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 30)]
    [InlineData(10, 100)]
    [InlineData(25, 100)]
    public void Seed003Adoption_FeaturesUsed_IsLinearCappedAt100(int features, double expected)
    {
        Assert.Equal(expected, Seed003.Adoption.Score(features), 1e-12);
    }

    [Theory]
    [InlineData(4.5, 4, 100)]
    [InlineData(4.5, 5, 80)]
    [InlineData(4.9, 9, 80)]
    [InlineData(4.0, 9, 80)]
    [InlineData(4.0, 10, 60)]
    [InlineData(3.5, 50, 60)]
    [InlineData(3.49, 0, 40)]
    [InlineData(1, 0, 40)]
    public void Seed003Support_CsatAndTickets_FollowsTheSqlTiers(double csat, int tickets, double expected)
    {
        Assert.Equal(expected, Seed003.Support.Score(csat, tickets));
    }

    [Theory]
    [InlineData(5, 100)]
    [InlineData(3, 100)]
    [InlineData(2, 70)]
    [InlineData(1, 70)]
    [InlineData(0, 30)]
    public void Seed003Engagement_Meetings_FollowsTheSqlSteps(int meetings, double expected)
    {
        Assert.Equal(expected, Seed003.Engagement.Score(meetings));
    }

    [Fact]
    public void ToComponentScores_MissingMetrics_AreMissingScores()
    {
        var scores = Seed003.ToComponentScores(new ProductMetrics { DaysActiveLast30 = 22, AverageCsat = 4.8 });

        Assert.Equal(100.0, scores["usage"]);
        Assert.Null(scores["adoption"]);
        Assert.Null(scores["support"]); // support needs both CSAT and tickets
        Assert.Null(scores["engagement"]);
    }

    [Theory]
    [InlineData(31, null, null, "DaysActiveLast30 must be in [0, 30] but was 31")]
    [InlineData(-1, null, null, "DaysActiveLast30 must be in [0, 30] but was -1")]
    [InlineData(null, -2, null, "FeaturesUsed must be 0 or more but was -2")]
    [InlineData(null, null, 5.5, "AverageCsat must be in [1, 5] but was 5.5")]
    public void ToComponentScores_BadMetric_ThrowsNamingIt(int? days, int? features, double? csat, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Seed003.ToComponentScores(new ProductMetrics { DaysActiveLast30 = days, FeaturesUsed = features, AverageCsat = csat }));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void RatingRubric_Default_Is100_60_20()
    {
        Assert.Equal(100, RatingRubric.Default.Score(HealthRating.Green));
        Assert.Equal(60, RatingRubric.Default.Score(HealthRating.Yellow));
        Assert.Equal(20, RatingRubric.Default.Score(HealthRating.Red));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingRubric.Default.Score((HealthRating)7));
    }

    [Fact]
    public void RatingRubric_NotDescending_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RatingRubric(50, 60, 20));

        Assert.Contains("green ≥ yellow ≥ red", ex.Message);
    }

    [Fact]
    public void ThresholdRubric_BadSteps_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ThresholdRubric([new(10, 120), new(10, 50), new(double.NaN, 10)], -5));

        Assert.Contains("(4 problems)", ex.Message);
        Assert.Contains("the step at 10 scores 120", ex.Message);
        Assert.Contains("2 steps start at 10", ex.Message);
        Assert.Contains("a step's minimum is NaN", ex.Message);
        Assert.Contains("the score below every step is -5", ex.Message);
    }

    [Fact]
    public void LinearRubric_NonPositiveFullScore_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearRubric(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearRubric(10).Score(-1));
    }

    [Fact]
    public void SupportRubric_BadTier_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SupportRubric([new(6, 0, 100)], 40));

        Assert.Contains("a tier's CSAT minimum is 6; it must be in [1, 5]", ex.Message);
        Assert.Contains("a tier's ticket limit is 0", ex.Message);
    }

    [Property]
    public Property Seed003Rubrics_MoreActivity_NeverScoreLower() =>
        Prop.ForAll(
            (from days in Gen.Choose(0, 29)
            from features in Gen.Choose(0, 40)
            from meetings in Gen.Choose(0, 10)
            select (days, features, meetings)).ToArbitrary(),
            c => Seed003.Usage.Score(c.days + 1) >= Seed003.Usage.Score(c.days)
                && Seed003.Adoption.Score(c.features + 1) >= Seed003.Adoption.Score(c.features)
                && Seed003.Engagement.Score(c.meetings + 1) >= Seed003.Engagement.Score(c.meetings));

    [Fact]
    public void Seed003QueryFloors_NoRows_ScoreAsTheQueryElseValues()
    {
        // LEFT JOINs give NULL and each CASE falls to ELSE: no activity 20, no support rows 40, no meetings 30.
        // Metrics model: 0.4 × 20 + 0.3 × 40 (4 features → 40) + 0.2 × 40 + 0.1 × 30 = 8 + 12 + 8 + 3 = 31.
        var metrics = new ProductMetrics { FeaturesUsed = 4 };
        var floors = ProductMetricsRubric.Seed003QueryFloors.ToComponentScores(metrics);
        var missing = ProductMetricsRubric.Seed003.ToComponentScores(metrics);

        Assert.Equal(AbsentMetrics.QueryFloor, ProductMetricsRubric.Seed003QueryFloors.Absent);
        Assert.Equal([20.0, 40.0, 40.0, 30.0], new[] { "usage", "adoption", "support", "engagement" }.Select(k => floors[k]!.Value));
        Assert.Equal(31, HealthScoreModels.UsageAdoptionSupportEngagement.Evaluate(floors).Score.Value, 9);
        Assert.Null(missing["usage"]);
        Assert.Null(missing["support"]);
        Assert.Null(missing["engagement"]);
        Assert.Null(ProductMetricsRubric.Seed003QueryFloors.ToComponentScores(new ProductMetrics())["adoption"]);
        Assert.Throws<System.ComponentModel.InvalidEnumArgumentException>(() => ProductMetricsRubric.Seed003.WithAbsent((AbsentMetrics)7));
    }
}
