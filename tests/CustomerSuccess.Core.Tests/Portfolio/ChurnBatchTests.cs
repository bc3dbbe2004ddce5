using System;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>Bulk churn assessment and the worklist against the one-customer assessor.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class ChurnBatchTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);
    private static readonly RuleBasedChurnRiskAssessor Assessor = new();
    private static readonly Gen<CustomerSignals[]> Customers = Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(ChurnGen.Signals(AsOf), n));

    [Property]
    public Property Assess_RandomCustomers_EqualsAssessForEveryCustomer()
    {
        var parallel = new BulkScoringOptions { MaxDegreeOfParallelism = 2, ParallelThreshold = 1 };
        return Prop.ForAll(Customers.ToArbitrary(), customers =>
        {
            foreach (var assessor in new IChurnRiskAssessor[] { Assessor, new Wrapped(Assessor) })
            {
                var risk = new double[customers.Length];
                var levels = new ChurnRiskLevel[customers.Length];
                var priority = new double[customers.Length];
                ChurnBatch.Assess(assessor, customers, risk, levels, priority, parallel);
                for (var i = 0; i < customers.Length; i++)
                {
                    var one = Assessor.Assess(customers[i]);
                    if (one.RiskScore != risk[i] || one.Level != levels[i] || one.PriorityScore != priority[i])
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Property]
    public Property Worklist_RandomCustomers_IsTheHeadOfTheFullSort()
    {
        var gen = from customers in Customers from n in Gen.Choose(1, 70) select (customers, n);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var expected = c.customers.Select(Assessor.Assess).Order(ChurnAssessment.PriorityComparer).Take(c.n).ToList();
            foreach (var assessor in new IChurnRiskAssessor[] { Assessor, new Wrapped(Assessor) })
            {
                var worklist = ChurnBatch.Worklist(assessor, c.customers, c.n);
                if (worklist.Count != expected.Count
                    || worklist.Zip(expected).Any(p => ChurnAssessment.PriorityComparer.Compare(p.First, p.Second) != 0 || p.First.CustomerId != p.Second.CustomerId))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Assess_WithoutPriorities_WritesLevelsAndScores()
    {
        CustomerSignals[] customers = [new(AsOf) { CustomerId = "a", ChampionLeaving = true }, new(AsOf) { CustomerId = "b" }];
        var risk = new double[2];
        var levels = new ChurnRiskLevel[2];
        ChurnBatch.Assess(Assessor, customers, risk, levels);
        Assert.Equal(ChurnRiskLevel.Critical, levels[0]); // champion leaving: a Critical factor
        Assert.Equal(ChurnRiskLevel.Low, levels[1]);
        Assert.Equal(0, risk[1]);
    }

    [Fact]
    public void Assess_BadInput_ThrowsNamingTheArgument()
    {
        CustomerSignals[] customers = [new(AsOf), null!, new(AsOf)];
        var e = Assert.Throws<ArgumentException>(() => ChurnBatch.Assess(Assessor, customers, new double[3], new ChurnRiskLevel[3]));
        Assert.Equal("customers", e.ParamName);
        Assert.Contains("customer #1 is null", e.Message, StringComparison.Ordinal);
        Assert.Equal("levels", Assert.Throws<ArgumentException>(() => ChurnBatch.Assess(Assessor, customers, new double[3], new ChurnRiskLevel[2])).ParamName);
        Assert.Equal("riskScores", Assert.Throws<ArgumentException>(() => ChurnBatch.Assess(Assessor, customers, new double[1], new ChurnRiskLevel[3])).ParamName);
        var invalid = new[] { new CustomerSignals(AsOf) { FeatureAdoptionRate = 3 } };
        var bad = Assert.ThrowsAny<ArgumentException>(() => ChurnBatch.Assess(Assessor, invalid, new double[1], new ChurnRiskLevel[1]));
        Assert.Contains("customer #0", bad.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChurnBatch.Worklist(Assessor, customers, 0));
    }

    /// <summary>An assessor the batch cannot see into.</summary>
    private sealed class Wrapped(IChurnRiskAssessor inner) : IChurnRiskAssessor
    {
        public ChurnAssessment Assess(CustomerSignals signals) => inner.Assess(signals);
    }
}
