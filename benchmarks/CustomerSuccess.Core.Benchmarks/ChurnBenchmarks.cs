using System;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Churn;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Assessing churn risk with the rule-based assessor: one customer with no factor firing (the baseline), one with
/// three factors, and one million seeded customers in a loop.
/// </summary>
[MemoryDiagnoser]
public class ChurnBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);
    private readonly RuleBasedChurnRiskAssessor _assessor = new();
    private CustomerSignals _quiet = new(AsOf);
    private CustomerSignals _atRisk = new(AsOf);
    private CustomerSignals[] _million = [];

    [GlobalSetup]
    public void Setup()
    {
        _quiet = new CustomerSignals(AsOf)
        {
            CustomerId = "quiet",
            UsageChangePercent = 5,
            FeatureAdoptionRate = 0.7,
            LastLoginDate = AsOf.PlusDays(-1),
            LastContactDate = AsOf.PlusDays(-10),
            RenewalDate = AsOf.PlusDays(200),
            AnnualRecurringRevenue = 48_000m,
            HealthScore = 82,
        };
        _atRisk = _quiet with { CustomerId = "at-risk", UsageChangePercent = -34, LastLoginDate = AsOf.PlusDays(-12), LatePayments = 1, HealthScore = 55 };

        var random = new Random(20261122);
        _million = new CustomerSignals[1_000_000];
        for (var i = 0; i < _million.Length; i++)
        {
            _million[i] = new CustomerSignals(AsOf)
            {
                UsageChangePercent = random.Next(-70, 40),
                FeatureAdoptionRate = random.NextDouble(),
                LastLoginDate = AsOf.PlusDays(-random.Next(0, 20)),
                LatePayments = random.Next(10) == 0 ? 1 : 0,
                ChampionLeaving = random.Next(50) == 0,
                RenewalDate = AsOf.PlusDays(random.Next(0, 365)),
                AnnualRecurringRevenue = random.Next(1_000, 200_000),
                HealthScore = random.Next(0, 101),
            };
        }
    }

    [Benchmark(Baseline = true, Description = "one customer, no factor fires")]
    public ChurnAssessment Quiet() => _assessor.Assess(_quiet);

    [Benchmark(Description = "one customer, three factors fire")]
    public ChurnAssessment AtRisk() => _assessor.Assess(_atRisk);

    [Benchmark(Description = "1 000 000 customers", OperationsPerInvoke = 1_000_000)]
    public double Million()
    {
        var total = 0.0;
        foreach (var signals in _million)
        {
            total += _assessor.Assess(signals).RiskScore;
        }

        return total;
    }
}
