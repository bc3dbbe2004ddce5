using System;
using System.Collections.Generic;
using System.Linq;
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
    public void RevenueSums_PastTheDecimalRange_AreArgumentErrors_NotOverflows()
    {
        var half = decimal.MaxValue / 2;
        var contracts = Enumerable.Range(0, 3).Select(i => new CustomerSuccess.Renewals.RenewalForecastInput(
            new CustomerSuccess.Renewals.Contract($"C{i}", new LocalDate(2026, 1, 1), Period.FromYears(1), autoRenews: false, half), "Green"));
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => CustomerSuccess.Renewals.RenewalForecast.Build(contracts, AsOf)).ParamName);

        var subscriptions = Enumerable.Range(0, 3).Select(i => new SubscriptionRecord($"S{i}", new LocalDate(2026, 1, 1), null, half));
        var ex = Assert.Throws<ArgumentException>(() => RetentionMetrics.Compute(subscriptions, new LocalDate(2026, 2, 1), new LocalDate(2026, 3, 1)));
        Assert.Equal("subscriptions", ex.ParamName);
        Assert.Contains("more than a decimal holds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BandHistogram_CountsPastLongMaxValue_AreRefused_NotWrapped()
    {
        var bands = HealthBandSchemes.HealthyNeutralAtRiskCritical;
        Assert.Equal("countsByRank", Assert.Throws<ArgumentOutOfRangeException>(() => new BandHistogram(bands, [long.MaxValue, 1, 0, 0], 0, 0)).ParamName);
        Assert.Equal("countsByRank", Assert.Throws<ArgumentOutOfRangeException>(() => new BandHistogram(bands, [long.MaxValue, 0, 0, 0], 1, 0)).ParamName);

        var full = new BandHistogram(bands, [long.MaxValue - 1, 0, 0, 0], 0, 0);
        var one = new BandHistogram(bands, [0, 0, 0, 1], 0, 50);
        Assert.Equal(long.MaxValue, full.Merge(one).Total);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => full.Merge(one).Merge(one)).ParamName);
    }

    [Fact]
    public void ColumnarBatch_AModelWithoutComponents_IsAnErrorNamingTheModel()
    {
        var ex = Assert.Throws<ArgumentException>(() => HealthBatch.CountBands(new NoComponents(), ReadOnlySpan<ReadOnlyMemory<double>>.Empty));
        Assert.Equal("model", ex.ParamName);
        Assert.Contains("has no components", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortfolioFigures_FromNothingAtAll_IsRefused()
    {
        Assert.Equal("summary", Assert.Throws<ArgumentException>(() => PortfolioFigures.From(null)).ParamName);
        Assert.Null(PortfolioFigures.From(null, onboarding: OnboardingPortfolio.Summarize([])).ShareGreen);
    }

    [Fact]
    public void ExpansionCatalog_SharedTiersUnknownDependenciesAndCircles_AreRefusedAtConstruction()
    {
        CustomerSuccess.Expansion.ExpansionPlan Plan(string name, int tier) => new(name, tier, 100m, 10m, ["api"]);
        CustomerSuccess.Expansion.ExpansionProduct Product(string id, params string[] needs) => new(id, id, 10m, needs);

        var tiers = Assert.Throws<ArgumentException>(() => new CustomerSuccess.Expansion.ExpansionCatalog([Plan("A", 1), Plan("B", 1)]));
        Assert.Equal("plans", tiers.ParamName);
        Assert.Contains("'A' and 'B' share tier 1", tiers.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => new CustomerSuccess.Expansion.ExpansionCatalog([Plan("A", 1)], [Product("x", "nothing")]));
        Assert.Equal("products", unknown.ParamName);
        Assert.Contains("'x' depends on 'nothing'", unknown.Message, StringComparison.Ordinal);

        var circle = Assert.Throws<ArgumentException>(() => new CustomerSuccess.Expansion.ExpansionCatalog([Plan("A", 1)], [Product("x", "y"), Product("y", "z"), Product("z", "x")]));
        Assert.Contains("'x' → 'y' → 'z' → 'x'", circle.Message, StringComparison.Ordinal);
        var self = Assert.Throws<ArgumentException>(() => new CustomerSuccess.Expansion.ExpansionCatalog([Plan("A", 1)], [Product("x", "X")]));
        Assert.Contains("'x' → 'x'", self.Message, StringComparison.Ordinal);

        // A plan feature and another product are both things a product may need.
        Assert.Equal(2, new CustomerSuccess.Expansion.ExpansionCatalog([Plan("A", 1)], [Product("x", "API"), Product("y", "x")]).Products.Count);
        Assert.Equal("dependencies", Assert.Throws<ArgumentException>(() => Product("x", " ")).ParamName);
    }

    [Fact]
    public void RenewalPlaybook_TwoCheckpointsOnOneDay_AreRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CustomerSuccess.Renewals.RenewalPlaybook("p", "ours",
            [new(60, "Proposal", "CSM"), new(60, "Negotiate", "AE"), new(30, "Sign", "AE")]));
        Assert.Equal("checkpoints", ex.ParamName);
        Assert.Contains("60 days before: 'Proposal', 'Negotiate'", ex.Message, StringComparison.Ordinal);
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

    private sealed class NoComponents : IHealthScoreModel
    {
        public string Name => "empty";

        public IReadOnlyList<HealthComponent> Components => [];

        public HealthBandScheme Bands => HealthBandSchemes.GreenYellowRed;

        public MissingDataPolicy MissingData => MissingDataPolicy.Default;

        public HealthScore Score(ReadOnlySpan<double> componentScores) => default;

        public HealthScoreResult Evaluate(ReadOnlySpan<double> componentScores) => throw new NotSupportedException();

        public HealthScoreResult Evaluate(IReadOnlyDictionary<string, double?> componentScores) => throw new NotSupportedException();
    }
}
