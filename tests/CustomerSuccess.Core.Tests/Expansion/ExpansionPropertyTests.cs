using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Advocacy;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Expansion;

/// <summary>Seeded properties of expansion scores, ranking, the gate and advocacy.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class ExpansionPropertyTests
{
    private static readonly ExpansionOpportunityScorer Scorer = new();

    private static readonly Gen<(decimal Revenue, double P, int Days, double? Fit)> Figures =
        from revenue in Gen.Choose(0, 300_000)
        from p in Gen.Choose(0, 1000).Select(i => i / 1000.0)
        from days in Gen.Choose(0, 180)
        from fit in Gen.Frequency((1, Gen.Constant<double?>(null)), (3, Gen.Choose(0, 100).Select(i => (double?)(i / 100.0))))
        select ((decimal)revenue, p, days, fit);

    private static readonly Gen<ExpansionAccount> Accounts =
        from licensed in Gen.Choose(1, 200)
        from used in Gen.Choose(0, 300)
        from storage in Gen.Choose(0, 300)
        from features in Gen.SubListOf(new[] { "dashboards", "exports", "sso", "api", "audit-log", "sandbox" })
        from fit in Gen.Choose(0, 100)
        from members in Gen.Choose(0, 5)
        from nps in Gen.Choose(0, 10)
        from useCase in Gen.Elements(true, false)
        from plan in Gen.Elements("Starter", "Business", "Enterprise")
        from score in Gen.Choose(0, 100)
        select new ExpansionAccount("P", plan)
        {
            SeatsLicensed = licensed,
            SeatsUsed = used,
            StorageUsedGb = storage,
            StorageIncludedGb = 100,
            FeaturesUsed = features.ToHashSet(StringComparer.OrdinalIgnoreCase),
            ProductFit = new Dictionary<string, double> { ["analytics"] = fit / 100.0 },
            NewTeamMembers = members,
            LatestNpsResponse = nps,
            NewUseCase = useCase,
            HealthBand = HealthBandSchemes.GreenYellowRed.Classify(score),
        };

    [Property]
    public Property Score_IsWithin0And1() =>
        Prop.ForAll(Figures.ToArbitrary(), f =>
        {
            var s = Scorer.Score(f.Revenue, f.P, f.Days, f.Fit);
            return s >= 0 && s <= 1 + 1e-12;
        });

    [Property]
    public Property Score_NeverFallsWithMoreRevenueHigherProbabilityShorterTimelineOrBetterFit() =>
        Prop.ForAll(
            (from f in Figures
            from more in Gen.Choose(0, 50_000)
            from step in Gen.Choose(0, 200).Select(i => i / 1000.0)
            from sooner in Gen.Choose(0, 30)
            select (f, more, step, sooner)).ToArbitrary(),
            t =>
            {
                var (revenue, p, days, fit) = t.f;
                var baseScore = Scorer.Score(revenue, p, days, fit);
                return Scorer.Score(revenue + t.more, p, days, fit) >= baseScore
                    && Scorer.Score(revenue, Math.Min(1, p + t.step), days, fit) >= baseScore
                    && Scorer.Score(revenue, p, Math.Max(0, days - t.sooner), fit) >= baseScore
                    && Scorer.Score(revenue, p, days, Math.Min(1, (fit ?? 0.7) + t.step)) >= Scorer.Score(revenue, p, days, fit ?? 0.7);
            });

    [Property]
    public Property Assess_RankingIsSorted_AndTheGateNeverLetsAnUpsellThroughBelowGreen() =>
        Prop.ForAll(Accounts.ToArbitrary(), a =>
        {
            var result = Scorer.Assess(a, ExpansionTests.Catalog);
            var scores = result.Opportunities.Select(o => o.Score).ToArray();
            var sorted = scores.Zip(scores.Skip(1)).All(p => p.First >= p.Second);
            var below = a.HealthBand!.Color < HealthBandColor.Green;
            return sorted
                && result.Opportunities.All(o => o.Score >= 0 && o.Score <= 1 + 1e-12)
                && (!below || result.Opportunities.All(o => !o.IsUpsell))
                && (below || result.HeldBack.Count == 0);
        });

    [Property]
    public Property Best_IsTheFirstOpportunityAssessRanks() =>
        Prop.ForAll(
            (from a in Accounts
            from unbanded in Gen.Elements(false, false, true)
            select unbanded ? a with { HealthBand = null } : a).ToArbitrary(),
            a => Equals(Scorer.Best(a, ExpansionTests.Catalog), Scorer.Assess(a, ExpansionTests.Catalog).Opportunities.FirstOrDefault()));

    [Property]
    public Property BestBrief_HoldsEveryFigureOfBest() =>
        Prop.ForAll(
            (from a in Accounts
            from unbanded in Gen.Elements(false, false, true)
            select unbanded ? a with { HealthBand = null } : a).ToArbitrary(),
            a =>
            {
                var best = Scorer.Best(a, ExpansionTests.Catalog);
                var brief = Scorer.BestBrief(a, ExpansionTests.Catalog);
                return best is null
                    ? brief is null
                    : brief is { } b
                        && b.Type == best.Type
                        && b.Product == best.Product
                        && b.EstimatedAnnualRevenue == best.EstimatedAnnualRevenue
                        && b.Probability.Equals(best.Probability)
                        && b.TimelineDays == best.TimelineDays
                        && Nullable.Equals(b.Fit, best.Fit)
                        && b.Score.Equals(best.Score)
                        && ReferenceEquals(b.NextSteps, best.NextSteps)
                        && Nullable.Equals(b.RecommendedIncrease, best.RecommendedIncrease)
                        && b.IsUpsell == best.IsUpsell;
            });

    [Fact]
    public void BestBrief_AllocatesNothing()
    {
        // Every kind of candidate is found: seats near the limit, storage, two upgrades, a cross-sell and a referral.
        var account = new ExpansionAccount("acme", "Starter")
        {
            SeatsLicensed = 50,
            SeatsUsed = 48,
            StorageUsedGb = 95,
            StorageIncludedGb = 100,
            FeaturesUsed = new HashSet<string>(["sso", "audit-log"], StringComparer.OrdinalIgnoreCase),
            ProductFit = new Dictionary<string, double> { ["analytics"] = 0.9 },
            NewTeamMembers = 3,
            LatestNpsResponse = 10,
            HealthBand = HealthBandSchemes.GreenYellowRed.Classify(90),
        };
        Assert.Equal(5, Scorer.Assess(account, ExpansionTests.Catalog).Opportunities.Select(o => o.Type).Distinct().Count());
        for (var i = 0; i < 100; i++)
        {
            Scorer.BestBrief(account, ExpansionTests.Catalog);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Scorer.BestBrief(account, ExpansionTests.Catalog);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void BestBrief_RejectsWhatBestRejects()
    {
        var account = new ExpansionAccount("acme", "Starter");
        Assert.Equal("account", Assert.Throws<ArgumentNullException>(() => Scorer.BestBrief(null!, ExpansionTests.Catalog)).ParamName);
        Assert.Equal("catalog", Assert.Throws<ArgumentNullException>(() => Scorer.BestBrief(account, null!)).ParamName);
        Assert.Contains("Platinum", Assert.Throws<ArgumentException>(() => Scorer.BestBrief(account with { PlanName = "Platinum" }, ExpansionTests.Catalog)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.BestBrief(account with { SeatsUsed = -1 }, ExpansionTests.Catalog));
        Assert.Equal(string.Empty, default(ExpansionOpportunityBrief).Product);
        Assert.Empty(default(ExpansionOpportunityBrief).NextSteps);
    }

    [Property]
    public Property Advocacy_IsWithin0And100_AndMonotoneInEachInput() =>
        Prop.ForAll(
            (from values in Gen.ArrayOf(Gen.Choose(0, 100).Select(i => (double)i), 5)
            from index in Gen.Choose(0, 4)
            from raise in Gen.Choose(0, 100)
            select (values, index, raise)).ToArbitrary(),
            t =>
            {
                var higher = (double[])t.values.Clone();
                higher[t.index] = Math.Min(100, higher[t.index] + t.raise);
                var a = AdvocacyModel.Seed003.Score(new AdvocacyInputs(t.values[0], t.values[1], t.values[2], t.values[3], t.values[4]));
                var b = AdvocacyModel.Seed003.Score(new AdvocacyInputs(higher[0], higher[1], higher[2], higher[3], higher[4]));
                return a.Score >= 0 && a.Score <= 100 && b.Score >= a.Score && b.Tier >= a.Tier;
            });
}
