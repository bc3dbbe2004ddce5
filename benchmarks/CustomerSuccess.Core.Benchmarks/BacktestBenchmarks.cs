using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Health;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// A back-test of one million snapshots: 100 000 accounts, a snapshot a month for ten months, a health score (one in
/// fifty missing), a risk score and up to two fired rules each; a fifth of the accounts churn during the history, the
/// rest are active at its end. The baseline is the least any back-test does: each snapshot's outcome looked up and
/// labelled by the horizon.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private const int Accounts = 100_000;
    private const int Months = 10;
    private static readonly HealthBandScheme Bands = HealthBandSchemes.GreenYellowRed;
    private static readonly string[][] Rules = [[], ["late-payment"], ["usage-decline"], ["late-payment", "usage-decline"]];
    private BacktestSnapshot[] _snapshots = [];
    private AccountOutcome[] _outcomes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261203);
        var start = new LocalDate(2026, 1, 1);
        var end = new LocalDate(2026, 12, 31);
        _outcomes = new AccountOutcome[Accounts];
        var snapshots = new List<BacktestSnapshot>(Accounts * Months);
        for (var a = 0; a < Accounts; a++)
        {
            var id = "A" + a.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var churns = random.NextDouble() < 0.2;
            var churnMonth = random.Next(2, Months + 2);
            _outcomes[a] = churns ? new AccountOutcome(id, OutcomeKind.Churned, start.PlusMonths(churnMonth).PlusDays(-1)) : new AccountOutcome(id, OutcomeKind.Active, end);
            for (var m = 0; m < Months && (!churns || m < churnMonth); m++)
            {
                var value = Math.Round(random.NextDouble() * 100, 1);
                var health = random.Next(50) == 0 ? default : new HealthScore(value, Bands.Classify(value), 1);

                snapshots.Add(new BacktestSnapshot(id, start.PlusMonths(m), health) { RiskScore = random.Next(101), FiredRules = Rules[random.Next(Rules.Length)] });
            }
        }

        _snapshots = [.. snapshots];
    }

    [Benchmark(Baseline = true, Description = "label every snapshot (outcome look-up, horizon)")]
    public int Label()
    {
        var byAccount = new Dictionary<string, AccountOutcome>(Accounts, StringComparer.Ordinal);
        foreach (var o in _outcomes)
        {
            byAccount.Add(o.Account, o);
        }

        var churned = 0;
        foreach (var s in _snapshots)
        {
            churned += byAccount[s.Account].LabelAt(s.AsOf) == HorizonLabel.Churned ? 1 : 0;
        }

        return churned;
    }

    [Benchmark(Description = "BacktestReport.Build (bands, two AUCs, rules)")]
    public BacktestReport Report() => BacktestReport.Build(_snapshots, _outcomes, Bands);
}
