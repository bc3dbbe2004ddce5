using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using CustomerSuccess.Advocacy;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Tests.Expansion;

public sealed class ExpansionTests
{
    private const double Exact = 1e-9;
    private static readonly ExpansionOpportunityScorer Scorer = new();

    internal static readonly ExpansionCatalog Catalog = new(
        [
            new ExpansionPlan("Starter", 1, 300m, 30m, ["dashboards", "exports"]),
            new ExpansionPlan("Business", 2, 900m, 40m, ["dashboards", "exports", "sso", "api"]),
            new ExpansionPlan("Enterprise", 3, 2_000m, 50m, ["dashboards", "exports", "sso", "api", "audit-log", "sandbox"]),
        ],
        [
            new ExpansionProduct("analytics", "Advanced Analytics", 400m, ["api"]),
            new ExpansionProduct("training", "Training Pack", 150m),
        ]);

    private static ExpansionAccount Starter() => new("A-1", "Starter") { SeatsUsed = 10, SeatsLicensed = 50 };

    [Fact]
    public void Score_IssueExample_Is06767()
    {
        // min(50 000 / 100 000, 1) × 0.4 + 0.8 × 0.3 + (180 − 30) / 180 × 0.2 + 0.7 × 0.1 = 0.2 + 0.24 + 0.16667 + 0.07 = 0.67667.
        Assert.Equal(0.2 + 0.24 + (150.0 / 180 * 0.2) + 0.07, Scorer.Score(50_000m, 0.8, 30, null), Exact);
        Assert.Equal(0.6767, Scorer.Score(50_000m, 0.8, 30, null), 4);
    }

    [Fact]
    public void Seats_Above80Percent_RecommendsHalfTheLimit()
    {
        // 45 of 50 seats (90 % > 80 %): increase ceil(50 × 0.5) = 25 seats × 30 a month × 12 = 9 000 a year, p 0.8, 30 days.
        // Score 0.09 × 0.4 + 0.8 × 0.3 + 150/180 × 0.2 + 0.7 × 0.1 = 0.036 + 0.24 + 0.166667 + 0.07 = 0.512667.
        var seat = Scorer.Assess(Starter() with { SeatsUsed = 45 }, Catalog).Opportunities.Single();

        Assert.Equal(ExpansionOpportunityType.Seats, seat.Type);
        Assert.Equal(25.0, seat.RecommendedIncrease);
        Assert.Equal(9_000m, seat.EstimatedAnnualRevenue);
        Assert.Equal(0.8, seat.Probability);
        Assert.Equal(30, seat.TimelineDays);
        Assert.Equal(0.036 + 0.24 + (150.0 / 180 * 0.2) + 0.07, seat.Score, Exact);
        Assert.Equal("approaching the user limit: 45 of 50 seats in use (90%)", seat.Trigger);
        Assert.Equal(["Review usage trends in next QBR", "Prepare cost-benefit analysis", "Identify power users for testimonial"], seat.NextSteps);
    }

    [Fact]
    public void Seats_ExactlyAt80Percent_DoNotTrigger_ButAnOverageDoes()
    {
        Assert.Empty(Scorer.Assess(Starter() with { SeatsUsed = 40 }, Catalog).Opportunities);
        var overage = Scorer.Assess(Starter() with { SeatsUsed = 60 }, Catalog).Opportunities.Single();
        Assert.Contains("60 of 50 seats in use (120%)", overage.Trigger);
    }

    [Fact]
    public void Seats_NewTeamMembers_TriggerSeatsToo()
    {
        var seat = Scorer.Assess(Starter() with { NewTeamMembers = 3 }, Catalog).Opportunities.Single();

        Assert.Equal(3.0, seat.RecommendedIncrease);
        Assert.Equal(3 * 30m * 12, seat.EstimatedAnnualRevenue);
        Assert.Equal("3 new team members", seat.Trigger);
    }

    [Fact]
    public void Seats_TheDocsExample_TenLicensedFiveUsedTwoNew_RecommendsTwo()
    {
        // Below the 80 % limit, the new team members alone trigger: they are the increase, not ceil(10 × 0.5) = 5.
        var seat = Scorer.Assess(Starter() with { SeatsLicensed = 10, SeatsUsed = 5, NewTeamMembers = 2 }, Catalog).Opportunities.Single();
        Assert.Equal(2.0, seat.RecommendedIncrease);

        // At 9 of 10 (90 %) the limit triggers too: max(ceil(10 × 0.5), 2) = 5.
        Assert.Equal(5.0, Scorer.Assess(Starter() with { SeatsLicensed = 10, SeatsUsed = 9, NewTeamMembers = 2 }, Catalog).Opportunities.Single().RecommendedIncrease);
    }

    [Fact]
    public void Storage_Above70Percent_Is100GbAt500AMonth()
    {
        // 80 of 100 GB (80 % > 70 %): 500 × 12 = 6 000, p 0.7, 60 days: 0.024 + 0.21 + 120/180 × 0.2 + 0.07 = 0.437333.
        var storage = Scorer.Assess(Starter() with { StorageUsedGb = 80, StorageIncludedGb = 100 }, Catalog).Opportunities.Single();

        Assert.Equal(ExpansionOpportunityType.Storage, storage.Type);
        Assert.Equal(6_000m, storage.EstimatedAnnualRevenue);
        Assert.Equal(100.0, storage.RecommendedIncrease);
        Assert.Equal(0.024 + 0.21 + (120.0 / 180 * 0.2) + 0.07, storage.Score, Exact);
    }

    [Fact]
    public void PlanUpgrade_UsingHigherTierFeatures_OffersEachHigherPlan()
    {
        // Uses "sso" on Starter. Business: (900 − 300) × 12 = 7 200, p 0.5 (one feature), 90 days:
        // 0.072 × 0.4 + 0.15 + 0.1 + 0.07 = 0.3488. Enterprise: (2 000 − 300) × 12 = 20 400: 0.0816 + 0.15 + 0.1 + 0.07 = 0.4016.
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "dashboards", "SSO" };

        var upgrades = Scorer.Assess(Starter() with { FeaturesUsed = used }, Catalog).Opportunities;

        Assert.Equal(["Enterprise", "Business"], upgrades.Select(o => o.Product));
        Assert.Equal([20_400m, 7_200m], upgrades.Select(o => o.EstimatedAnnualRevenue));
        Assert.Equal(0.4016, upgrades[0].Score, Exact);
        Assert.Equal(0.3488, upgrades[1].Score, Exact);
        Assert.Equal("uses features of Business: sso", upgrades[1].Trigger);
        Assert.Equal(["Demo advanced features", "Connect with decision maker", "Provide trial of higher tier"], upgrades[1].NextSteps);
    }

    [Fact]
    public void CrossSell_FitAbove06_ProbabilityIsFitTimes07()
    {
        // Analytics fit 0.8: 400 × 12 = 4 800, p 0.56, 120 days: 0.0192 + 0.168 + 60/180 × 0.2 + 0.08 = 0.333867.
        // Training fit 0.5 is below 0.6: no opportunity.
        var fits = new Dictionary<string, double> { ["analytics"] = 0.8, ["training"] = 0.5 };

        var cross = Scorer.Assess(Starter() with { ProductFit = fits }, Catalog).Opportunities.Single();

        Assert.Equal("Advanced Analytics", cross.Product);
        Assert.Equal(4_800m, cross.EstimatedAnnualRevenue);
        Assert.Equal(0.56, cross.Probability, Exact);
        Assert.Equal(120, cross.TimelineDays);
        Assert.Equal(0.8, cross.Fit);
        Assert.Equal(0.0192 + 0.168 + (60.0 / 180 * 0.2) + 0.08, cross.Score, Exact);
    }

    [Fact]
    public void CrossSell_OwnedProducts_AreNotOffered_AndANewUseCaseUsesTheDefaultFit()
    {
        var owned = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "analytics" };

        var opportunities = Scorer.Assess(Starter() with { OwnedProducts = owned, NewUseCase = true }, Catalog).Opportunities;

        var training = Assert.Single(opportunities);
        Assert.Equal("Training Pack", training.Product);
        Assert.Equal("new use case", training.Trigger);
        Assert.Equal(0.7 * 0.7, training.Probability, Exact);
    }

    [Fact]
    public void Triggers_SayWhyEachOpportunityWasFound()
    {
        var fits = new Dictionary<string, double> { ["analytics"] = 0.8 };
        var account = Starter() with
        {
            SeatsUsed = 45,
            NewTeamMembers = 1,
            StorageUsedGb = 95,
            StorageIncludedGb = 100,
            ProductFit = fits,
            LatestNpsResponse = 9,
        };

        var triggers = Scorer.Assess(account, Catalog).Opportunities.ToDictionary(o => o.Type, o => o.Trigger);

        Assert.Equal("approaching the user limit: 45 of 50 seats in use (90%); 1 new team member", triggers[ExpansionOpportunityType.Seats]);
        Assert.Equal("high storage utilization: 95 of 100 GB (95%)", triggers[ExpansionOpportunityType.Storage]);
        Assert.Equal("product fit 0.8", triggers[ExpansionOpportunityType.CrossSell]);
        Assert.Equal("positive NPS response (9)", triggers[ExpansionOpportunityType.Referral]);
        Assert.Equal("positive review", Scorer.Assess(Starter() with { PositiveReview = true }, Catalog).Opportunities.Single().Trigger);
    }

    [Fact]
    public void Referral_PromoterResponse_AsksForAReferral()
    {
        // Revenue 0, p 0.5, 30 days: 0 + 0.15 + 0.166667 + 0.07 = 0.386667.
        var referral = Scorer.Assess(Starter() with { LatestNpsResponse = 10 }, Catalog).Opportunities.Single();

        Assert.Equal(ExpansionOpportunityType.Referral, referral.Type);
        Assert.False(referral.IsUpsell);
        Assert.Equal(0.15 + (150.0 / 180 * 0.2) + 0.07, referral.Score, Exact);
        Assert.Empty(Scorer.Assess(Starter() with { LatestNpsResponse = 8 }, Catalog).Opportunities);
    }

    [Fact]
    public void Gate_YellowAccount_HoldsBackEveryUpsellButTheReferral()
    {
        var yellow = HealthBandSchemes.GreenYellowRed.Classify(70);
        var account = Starter() with { SeatsUsed = 45, LatestNpsResponse = 9, HealthBand = yellow };

        var result = Scorer.Assess(account, Catalog);

        Assert.True(result.IsGated);
        Assert.Equal([ExpansionOpportunityType.Referral], result.Opportunities.Select(o => o.Type));
        Assert.Equal([ExpansionOpportunityType.Seats], result.HeldBack.Select(o => o.Type));
        Assert.Contains("health band 'Yellow' (Yellow) is below Green", result.GateReason);
        Assert.False(Scorer.Assess(account with { HealthBand = HealthBandSchemes.GreenYellowRed.Classify(85) }, Catalog).IsGated);
        Assert.False(new ExpansionOpportunityScorer(new ExpansionOptions { MinimumHealthColorForUpsell = null }).Assess(account, Catalog).IsGated);
    }

    [Fact]
    public void Assess_EverythingAtOnce_IsRankedByScore()
    {
        var account = Starter() with
        {
            SeatsUsed = 45,
            StorageUsedGb = 80,
            StorageIncludedGb = 100,
            FeaturesUsed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "api" },
            ProductFit = new Dictionary<string, double> { ["analytics"] = 0.8 },
            PositiveReview = true,
        };

        var scores = Scorer.Assess(account, Catalog).Opportunities.Select(o => o.Score).ToArray();

        Assert.Equal(6, scores.Length);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    public static TheoryData<ExpansionAccount, string> BadAccounts => new()
    {
        { Starter() with { SeatsLicensed = 0 }, "SeatsLicensed of account 'A-1' must be above 0 but was 0" },
        { Starter() with { SeatsUsed = -1 }, "SeatsUsed of account 'A-1' must be 0 or more but was -1" },
        { Starter() with { StorageUsedGb = -5 }, "StorageUsedGb of account 'A-1' must be in [0," },
        { Starter() with { StorageIncludedGb = 0 }, "StorageIncludedGb of account 'A-1' must be a finite number above 0 but was 0" },
        { Starter() with { ProductFit = new Dictionary<string, double> { ["analytics"] = 1.2 } }, "the fit of product 'analytics' for account 'A-1' must be in [0, 1] but was 1.2" },
        { Starter() with { ProductFit = new Dictionary<string, double> { ["training"] = 0.5, ["analytics"] = -0.1 }.ToFrozenDictionary() }, "the fit of product 'analytics' for account 'A-1' must be in [0, 1] but was -0.1" },
        { Starter() with { ProductFit = new ReadOnlyDictionary<string, double>(new Dictionary<string, double> { ["analytics"] = double.NaN }) }, "the fit of product 'analytics' for account 'A-1' must be in [0, 1] but was NaN" },
    };

    [Theory]
    [MemberData(nameof(BadAccounts))]
    public void Assess_BadAccount_ThrowsNamingTheField(ExpansionAccount account, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.Assess(account, Catalog));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Catalog_BadPricesAndUnknownPlan_Throw()
    {
        Assert.Contains("the monthly price of plan 'X' must be 0 or more but was -1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ExpansionPlan("X", 1, -1m, 0m, [])).Message);
        Assert.Contains("the monthly base price of product 'p' must be 0 or more",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ExpansionProduct("p", "P", -10m)).Message);
        Assert.Contains("the catalogue has no plan 'Gold'; its plans are Starter, Business, Enterprise",
            Assert.Throws<ArgumentException>(() => Scorer.Assess(new ExpansionAccount("A-2", "Gold"), Catalog)).Message);
        Assert.Contains("the probability must be in [0, 1] but was 1.5",
            Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.Score(1m, 1.5, 30, null)).Message);
        Assert.Contains("the estimated revenue must be 0 or more",
            Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.Score(-1m, 0.5, 30, null)).Message);
    }

    [Fact]
    public void Options_BadWeightsAndTimelines_ListEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ExpansionOpportunityScorer(new ExpansionOptions { RevenueWeight = 0.5, SeatTimelineDays = 400, SeatProbability = 2 }));

        Assert.Contains("(3 problems)", ex.Message);
        Assert.Contains("SeatProbability is 2; it must be in [0, 1]", ex.Message);
        Assert.Contains("SeatTimelineDays is 400; it must be in [0, 180]", ex.Message);
        Assert.Contains("the score weights must be 0 or more and sum to 1 but are 0.5, 0.3, 0.2, 0.1", ex.Message);
    }

    [Fact]
    public void Readiness_FourOfSevenSignals_Is57()
    {
        var readiness = ExpansionReadiness.Assess(new ExpansionReadinessSignals
        {
            FeatureAdoptionRate = 0.85,
            Champions = 3,
            ExecutiveSupport = true,
            Nps = 50,                      // not above 50
            RoiDocumented = true,
            NewUseCases = true,
        });

        Assert.Equal(400.0 / 7, readiness.Score, Exact);
        Assert.Equal(["adoption above 80% of features", "several champions and executive support", "ROI documented", "new use cases"], readiness.Present);
        Assert.Equal(3, readiness.Absent.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpansionReadiness.Assess(new ExpansionReadinessSignals { Nps = 120 }));
    }

    [Fact]
    public void Advocacy_Example_Is74Champion()
    {
        // 90 × 0.3 + 80 × 0.2 + 70 × 0.2 + 60 × 0.2 + 50 × 0.1 = 27 + 16 + 14 + 12 + 5 = 74 → Champion (70–84).
        var result = AdvocacyModel.Seed003.Score(new AdvocacyInputs(90, 80, 70, 60, 50));

        Assert.Equal(74.0, result.Score, Exact);
        Assert.Equal(AdvocacyTier.Champion, result.Tier);
        Assert.Equal(27.0, result.NpsPoints, Exact);
        Assert.Equal(AdvocacyTier.Supporter, AdvocacyModel.Seed003.TierOf(49.9));
        Assert.Equal(AdvocacyTier.Advocate, AdvocacyModel.Seed003.TierOf(50));
        Assert.Equal(AdvocacyTier.Ambassador, AdvocacyModel.Seed003.TierOf(85));
    }

    [Fact]
    public void Advocacy_InputOutOfRange_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AdvocacyModel.Seed003.Score(new AdvocacyInputs(90, 80, 170, 60, 50)));

        Assert.Contains("the advocacy input Engagement must be in [0, 100] but was 170", ex.Message);
        Assert.Throws<ArgumentException>(() => new AdvocacyModel(0.3, 0.3, 0.2, 0.2, 0.1, 50, 70, 85));
    }

    [Theory]
    [InlineData(false, true, true, ReferenceTier.None)]
    [InlineData(true, false, false, ReferenceTier.Bronze)]
    [InlineData(true, true, false, ReferenceTier.Silver)]
    [InlineData(true, true, true, ReferenceTier.Gold)]
    [InlineData(true, false, true, ReferenceTier.Gold)]
    public void ReferenceTiers_Seed004(bool active, bool caseStudy, bool speaker, ReferenceTier tier)
    {
        Assert.Equal(tier, ReferenceTiers.Of(active, caseStudy, speaker));
    }
}
