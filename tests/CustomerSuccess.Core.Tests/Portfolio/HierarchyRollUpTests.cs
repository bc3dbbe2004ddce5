using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>Account hierarchies: worked roll-ups by hand, bad trees and figures, and properties of the roll-up.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class HierarchyRollUpTests
{
    private static readonly HealthBandScheme Bands = HealthBandSchemes.HealthyNeutralAtRiskCritical;

    private static HealthScore Score(double value) => new(value, Bands.Classify(value), 1);

    /// <summary>
    /// Group G (no contract of its own) over A and B; B (a contract of its own) over C.
    /// A: ARR 60 000, 10 seats, health 80, Low, risk 20, renews 2027-03-01, NPS 5 promoters and a passive.
    /// B: ARR 30 000, 30 seats, health 50, High, risk 70, renews 2027-01-15, NPS 2 passives and 3 detractors.
    /// C: ARR 10 000, 60 seats, health 20, Critical, risk 90, renews 2027-02-01, NPS a promoter and a detractor.
    /// </summary>
    private static (AccountHierarchy Hierarchy, AccountFigures[] Figures) Group()
    {
        var hierarchy = AccountHierarchy.Build([("G", null), ("A", "G"), ("B", "G"), ("C", "B")]);
        AccountFigures[] figures =
        [
            new("G"),
            new("A") { AnnualRecurringRevenue = 60_000, Seats = 10, Health = Score(80), ChurnLevel = ChurnRiskLevel.Low, RiskScore = 20, RenewalDate = new LocalDate(2027, 3, 1), Nps = new NpsSummary(5, 1, 0) },
            new("B") { AnnualRecurringRevenue = 30_000, Seats = 30, Health = Score(50), ChurnLevel = ChurnRiskLevel.High, RiskScore = 70, RenewalDate = new LocalDate(2027, 1, 15), Nps = new NpsSummary(0, 2, 3) },
            new("C") { AnnualRecurringRevenue = 10_000, Seats = 60, Health = Score(20), ChurnLevel = ChurnRiskLevel.Critical, RiskScore = 90, RenewalDate = new LocalDate(2027, 2, 1), Nps = new NpsSummary(1, 0, 1) },
        ];
        return (hierarchy, figures);
    }

    [Fact]
    public void AGroup_RollsUpByHand()
    {
        var (hierarchy, figures) = Group();

        var rolled = HierarchyRollUp.RollUp(hierarchy, figures, Bands);

        Assert.Equal(["G", "B"], rolled.Keys);
        var g = rolled["G"];
        Assert.Equal(["A", "B", "C"], g.Members);
        Assert.Equal(100_000m, g.AnnualRecurringRevenue);
        Assert.Equal(65.0, g.Health.Value, 9);                 // (60·80 + 30·50 + 10·20) ÷ 100
        Assert.Equal("Neutral", g.Health.Band.Label);
        Assert.Equal("C", g.LowestHealthAccount);
        Assert.Equal((ChurnRiskLevel.Critical, "C"), (g.ChurnLevel, g.ChurnLevelFrom));   // C holds 10 % of the ARR
        Assert.Equal(42.0, g.RiskScore!.Value, 9);             // (60·20 + 30·70 + 10·90) ÷ 100
        Assert.Equal((new LocalDate(2027, 1, 15), "B"), (g.EarliestRenewal, g.EarliestRenewalAccount));
        Assert.Equal(new NpsSummary(6, 3, 4), g.Nps);          // pooled: NPS (6 − 4) ÷ 13, not the mean of 83.3, −60 and 0
        Assert.Equal(15.38, Math.Round(g.Nps.Score, 2));

        var b = rolled["B"];
        Assert.Equal(["B", "C"], b.Members);                   // B has a contract of its own
        Assert.Equal(42.5, b.Health.Value, 9);                 // (30·50 + 10·20) ÷ 40
    }

    [Fact]
    public void TheOtherHealthRollUps_AndAHigherLevelShare()
    {
        var (hierarchy, figures) = Group();

        Assert.Equal(20, HierarchyRollUp.RollUp(hierarchy, figures, Bands, HealthRollUp.Worst)["G"].Health.Value);
        Assert.Equal(35.0, HierarchyRollUp.RollUp(hierarchy, figures, Bands, HealthRollUp.SeatWeighted)["G"].Health.Value, 9);   // (10·80 + 30·50 + 60·20) ÷ 100
        var fifth = HierarchyRollUp.RollUp(hierarchy, figures, Bands, levelArrShare: 0.2)["G"];
        Assert.Equal((ChurnRiskLevel.High, "B"), (fifth.ChurnLevel, fifth.ChurnLevelFrom));   // Critical holds 10 %, High and above 40 %
    }

    /// <summary>
    /// G over A and B, all of 2026: A 5 000 a month throughout, B 2 500 until 2026-07-01, C (a new child of G) 1 000 from
    /// 2026-04-01. As G's, one account from 7 500 a month to 6 000: no churn and no new account, a downsell of 1 500, NRR
    /// 6 000 ÷ 7 500 = 0.8; accounts apart, B is churn and C new revenue.
    /// </summary>
    [Fact]
    public void Retention_TakesTheChildrensSubscriptionsAsTheParents()
    {
        var hierarchy = AccountHierarchy.Build([("G", null), ("A", "G"), ("B", "G"), ("C", "G")]);
        SubscriptionRecord[] subscriptions =
        [
            new("A", new LocalDate(2025, 6, 1), null, 5_000m),
            new("B", new LocalDate(2025, 6, 1), new LocalDate(2026, 7, 1), 2_500m),
            new("C", new LocalDate(2026, 4, 1), null, 1_000m),
        ];

        var g = HierarchyRollUp.Retention(hierarchy, subscriptions, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))["G"];
        var apart = RetentionMetrics.Compute(subscriptions, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

        Assert.Equal(0.8, g.NetRevenueRetention!.Value, 12);
        Assert.Equal((0, 0, 0m, 1_500m), (g.AccountsChurned, g.NewAccounts, g.ExpansionMrr, g.DownsellMrr));
        Assert.Equal((1, 1), (apart.AccountsChurned, apart.NewAccounts));
    }

    [Fact]
    public void BadTrees_AreClearErrors_NamingTheAccounts()
    {
        string Problem(params (string, string?)[] accounts) => Assert.Throws<ArgumentException>(() => AccountHierarchy.Build(accounts)).Message;

        Assert.Contains("accounts 'X' → 'Y' → 'X' form a cycle", Problem(("X", "Y"), ("Y", "X")), StringComparison.Ordinal);
        Assert.Contains("accounts 'S' → 'S' form a cycle", Problem(("S", "S")), StringComparison.Ordinal);
        Assert.Contains("account 'A' is listed under two parents: 'G' and 'H'", Problem(("G", null), ("H", null), ("A", "G"), ("A", "H")), StringComparison.Ordinal);
        Assert.Contains("account 'A' names the parent 'Nowhere', which is not one of the accounts", Problem(("A", "Nowhere")), StringComparison.Ordinal);
        Assert.Contains("account 'A' is listed twice", Problem(("A", null), ("A", "")), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AccountHierarchy.Build([("A", null)]).ChildrenOf("B"));
    }

    [Fact]
    public void BadFigures_AreClearErrors_NamingTheAccounts()
    {
        var (hierarchy, figures) = Group();
        string Problem(IEnumerable<AccountFigures> f, HealthRollUp health = HealthRollUp.ArrWeighted) =>
            Assert.Throws<ArgumentException>(() => HierarchyRollUp.RollUp(hierarchy, f, Bands, health)).Message;

        Assert.Contains("the account 'C' has a parent but no ARR", Problem(figures.Select(f => f.Account == "C" ? f with { AnnualRecurringRevenue = null } : f)), StringComparison.Ordinal);
        Assert.Contains("the account 'A' has no figures", Problem(figures.Where(f => f.Account != "A")), StringComparison.Ordinal);
        Assert.Contains("'Z', which is not in the hierarchy", Problem([.. figures, new AccountFigures("Z")]), StringComparison.Ordinal);
        Assert.Contains("the account 'B' has figures twice", Problem([.. figures, figures[2]]), StringComparison.Ordinal);
        Assert.Contains("the account 'B' has no seats", Problem(figures.Select(f => f.Account == "B" ? f with { Seats = null } : f), HealthRollUp.SeatWeighted), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => HierarchyRollUp.RollUp(hierarchy, figures, Bands, levelArrShare: 0));
    }

    private static readonly Gen<AccountFigures[]> Children =
        from count in Gen.Choose(1, 6)
        from arr in Gen.ArrayOf(Gen.Choose(0, 100_000), count)
        from seats in Gen.ArrayOf(Gen.Choose(0, 500), count)
        from health in Gen.ArrayOf(HealthGen.Score, count)
        from level in Gen.ArrayOf(Gen.Elements(ChurnRiskLevel.Low, ChurnRiskLevel.Medium, ChurnRiskLevel.High, ChurnRiskLevel.Critical), count)
        from risk in Gen.ArrayOf(Gen.Choose(0, 100), count)
        from renewal in Gen.ArrayOf(Gen.Choose(0, 730), count)
        from nps in Gen.ArrayOf(Gen.Choose(0, 20), count * 3)
        select Enumerable.Range(0, count).Select(i => new AccountFigures("C" + i)
        {
            AnnualRecurringRevenue = arr[i], Seats = seats[i], Health = Score(health[i]), ChurnLevel = level[i], RiskScore = risk[i],
            RenewalDate = new LocalDate(2027, 1, 1).PlusDays(renewal[i]), Nps = new NpsSummary(nps[3 * i], nps[(3 * i) + 1], nps[(3 * i) + 2]),
        }).ToArray();

    private static AccountRollUp RollUp(AccountFigures[] children, HealthRollUp health = HealthRollUp.ArrWeighted) =>
        HierarchyRollUp.RollUp(
            AccountHierarchy.Build([("P", null), .. children.Select(c => (c.Account, (string?)"P"))]),
            [new AccountFigures("P"), .. children], Bands, health)["P"];

    [Property]
    public Property ARollUpOfOneChild_IsTheChild() =>
        Prop.ForAll(Children.Select(c => c[0]).ToArbitrary(), child =>
        {
            foreach (var health in new[] { HealthRollUp.ArrWeighted, HealthRollUp.Worst, HealthRollUp.SeatWeighted })
            {
                var p = RollUp([child], health);
                if (Math.Abs(p.Health.Value - child.Health.Value) > 1e-9 || !p.Health.Band.Equals(child.Health.Band) || p.ChurnLevel != child.ChurnLevel
                    || p.RiskScore != child.RiskScore || p.EarliestRenewal != child.RenewalDate || !p.Nps.Equals(child.Nps) || p.AnnualRecurringRevenue != child.AnnualRecurringRevenue)
                {
                    return false;
                }
            }

            return true;
        });

    [Property]
    public Property TheArrWeightedHealth_LiesBetweenTheWorstAndTheBestChild() =>
        Prop.ForAll(Children.ToArbitrary(), children =>
        {
            var value = RollUp(children).Health.Value;
            return value >= children.Min(c => c.Health.Value) - 1e-9 && value <= children.Max(c => c.Health.Value) + 1e-9;
        });

    [Property]
    public Property AddingAHealthierChild_NeverLowersTheMean() =>
        Prop.ForAll((from children in Children from arr in Gen.Choose(0, 100_000) from extra in HealthGen.Score select (children, arr, extra)).ToArbitrary(), c =>
        {
            var before = RollUp(c.children).Health.Value;
            var healthier = new AccountFigures("Extra") { AnnualRecurringRevenue = c.arr, Seats = 1, Health = Score(Math.Max(c.extra, before)) };
            return RollUp([.. c.children, healthier]).Health.Value >= before - 1e-9;
        });

    [Property]
    public Property AParent_IsAtLeastAsAtRiskAsAnyChildHoldingATenthOfItsArr() =>
        Prop.ForAll(Children.ToArbitrary(), children =>
        {
            var total = children.Sum(c => c.AnnualRecurringRevenue!.Value);
            var level = RollUp(children).ChurnLevel!.Value;
            return children.Where(c => total == 0 || c.AnnualRecurringRevenue >= total / 10).All(c => level >= c.ChurnLevel);
        });
}
