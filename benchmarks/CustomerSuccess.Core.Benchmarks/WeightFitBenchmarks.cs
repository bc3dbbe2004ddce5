using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Fitting;
using CustomerSuccess.Health;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Weights fitted to one million snapshots: 100 000 accounts, a snapshot a month for ten months of the five components
/// of the 30-20-20-15-15 model, churn planted on usage and support (a monthly hazard), the rest active at the end. The
/// baseline is the back-test of the same history (each snapshot scored by the model, then the report), so the fit's
/// cost reads as a multiple of it.
/// </summary>
[MemoryDiagnoser]
public class WeightFitBenchmarks
{
    private const int Accounts = 100_000;
    private const int Months = 10;
    private static readonly WeightedHealthScoreModel Model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private ComponentSnapshot[] _snapshots = [];
    private AccountOutcome[] _outcomes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261203);
        var start = new LocalDate(2026, 1, 1);
        var end = new LocalDate(2026, 12, 31);
        var snapshots = new List<ComponentSnapshot>(Accounts * Months);
        _outcomes = new AccountOutcome[Accounts];
        for (var a = 0; a < Accounts; a++)
        {
            var id = "A" + a.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var scores = Enumerable.Range(0, 5).Select(_ => 30 + (60 * random.NextDouble())).ToArray();
            AccountOutcome? outcome = null;
            for (var m = 0; m < Months && outcome is null; m++)
            {
                for (var k = 0; k < 5; k++)
                {
                    scores[k] = Math.Clamp(scores[k] + ((random.NextDouble() - 0.5) * 10), 0, 100);
                }

                snapshots.Add(new ComponentSnapshot(id, start.PlusMonths(m), (double[])scores.Clone()));
                var logOdds = -3.5 + (8 * (0.6 - (scores[0] / 100))) + (3 * (0.6 - (scores[1] / 100)));
                if (random.NextDouble() < 1 / (1 + Math.Exp(-logOdds)))
                {
                    outcome = new AccountOutcome(id, OutcomeKind.Churned, start.PlusMonths(m).PlusDays(random.Next(1, 28)));
                }
            }

            _outcomes[a] = outcome ?? new AccountOutcome(id, OutcomeKind.Active, end);
        }

        _snapshots = [.. snapshots];
    }

    [Benchmark(Baseline = true, Description = "back-test (score each snapshot, BacktestReport.Build)")]
    public BacktestReport Backtest() =>
        BacktestReport.Build(_snapshots.Select(s => new BacktestSnapshot(s.Account, s.AsOf, Model.Score(s.Scores.Span))), _outcomes, Model.Bands);

    [Benchmark(Description = "WeightFitter.Fit (split, BFGS, two held-out AUCs)")]
    public WeightFit Fit() => WeightFitter.Fit(Model, _snapshots, _outcomes);
}
