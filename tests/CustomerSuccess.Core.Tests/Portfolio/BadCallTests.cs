using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Portfolio;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>Bad calls that met a NullReferenceException or a wrong number now meet a clear exception.</summary>
public sealed class BadCallTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);
    private static readonly IHealthScoreModel Model = HealthScoreModels.UsageEngagementSupport;

    [Fact]
    public async Task CountBands_NullRecordsOrReader_NameTheArgument()
    {
        HealthComponentReader<double[]> reader = (row, into) => row.CopyTo(into);
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => HealthBatch.CountBands(Model, (IEnumerable<double[]>)null!, reader)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => HealthBatch.CountBands(Model, new List<double[]>(), null!)).ParamName);
        Assert.Equal("records", (await Assert.ThrowsAsync<ArgumentNullException>(() => HealthBatch.CountBandsAsync(Model, (IAsyncEnumerable<double[]>)null!, reader))).ParamName);
    }

    [Fact]
    public void ChurnBatch_AnAssessorReturningNull_IsNamed()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ChurnBatch.Worklist(new ReturnsNull(), [new CustomerSignals(AsOf)], 1));
        Assert.Contains("ReturnsNull returned null for customer #0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_ASelectorReturningNull_IsNamed()
    {
        var assessment = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf));
        Assert.Throws<InvalidOperationException>(() => new ChurnActionPlanner(_ => null!).Plan(assessment, AsOf));
        Assert.Throws<InvalidOperationException>(() => new ChurnActionPlanner(_ => [null!]).Plan(assessment, AsOf));
    }

    [Fact]
    public void OnboardingPortfolio_ANullElement_GivesItsPosition()
    {
        var ex = Assert.Throws<ArgumentException>(() => OnboardingPortfolio.Summarize([null!]));
        Assert.Equal("progress", ex.ParamName);
        Assert.Contains("customer #0 is null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructors_NameTheParameterThatIsWrong()
    {
        Assert.Equal("npsWeight", Assert.Throws<ArgumentException>(() => new CustomerSuccess.Advocacy.AdvocacyModel(0.5, 0.5, 0.5, 0, 0, 50, 70, 85)).ParamName);
        Assert.Equal("advocateAt", Assert.Throws<ArgumentException>(() => new CustomerSuccess.Advocacy.AdvocacyModel(0.3, 0.2, 0.2, 0.2, 0.1, 70, 50, 85)).ParamName);
        Assert.Equal("yellow", Assert.Throws<ArgumentException>(() => new RatingRubric(50, 60, 20)).ParamName);
        Assert.Equal("red", Assert.Throws<ArgumentException>(() => new RatingRubric(80, 60, 70)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new WeightedHealthScoreModel(" ", [new HealthComponent("usage", "Usage", 1)], HealthBandSchemes.GreenYellowRed)).ParamName);
    }

    [Fact]
    public void NpsSummary_CountsPastLongMaxValue_AreRefused_NotWrapped()
    {
        // Total and + wrapped to a negative count.
        var half = long.MaxValue / 2 + 1;
        Assert.Equal("detractors", Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSuccess.Nps.NpsSummary(half, half, 0)).ParamName);
        var big = new CustomerSuccess.Nps.NpsSummary(half, 0, 0);
        Assert.Throws<OverflowException>(() => big + big);
        Assert.Throws<OverflowException>(() => new CustomerSuccess.Nps.NpsSummary(long.MaxValue, 0, 0).Add(9));

        // Scores of huge counts no longer overflow 100 × count.
        Assert.Equal(100.0, new CustomerSuccess.Nps.NpsSummary(long.MaxValue / 10, 0, 0).Score);
    }

    [Fact]
    public void Assess_TheLargestArr_GivesFiguresNotAnOverflow()
    {
        var a = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf) { AnnualRecurringRevenue = decimal.MaxValue, HealthScore = 0, ChampionLeaving = true });

        Assert.Equal(decimal.MaxValue, a.ArrAtRisk);
        Assert.InRange(a.ExpectedLoss!.Value, 0m, decimal.MaxValue);
        Assert.InRange(a.PriorityScore, 0, 100);
    }

    private sealed class ReturnsNull : IChurnRiskAssessor
    {
        public ChurnAssessment Assess(CustomerSignals signals) => null!;
    }
}
