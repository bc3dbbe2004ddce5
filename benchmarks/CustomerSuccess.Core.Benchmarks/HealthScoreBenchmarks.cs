using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Health;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Scoring one customer with the five-component 30/20/20/15/15 model. The baseline is the bare weighted sum with
/// no checks, no missing data and no band: the floor any scorer has to pay. Each call scores the next of 1 024
/// seeded customers (one in ten with a missing component) so that nothing is folded away.
/// </summary>
[MemoryDiagnoser]
public class HealthScoreBenchmarks
{
    private const int Customers = 1024;
    private readonly WeightedHealthScoreModel _model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private double[] _weights = [];
    private double[][] _rows = [];
    private Dictionary<string, double?>[] _keyed = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        _weights = [.. System.Linq.Enumerable.Select(_model.Components, c => c.Weight)];
        _rows = new double[Customers][];
        _keyed = new Dictionary<string, double?>[Customers];
        for (var i = 0; i < Customers; i++)
        {
            var row = new double[_weights.Length];
            var keyed = new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = random.Next(10) == 0 && c > 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 2);
                keyed[_model.Components[c].Key] = double.IsNaN(row[c]) ? null : row[c];
            }

            _rows[i] = row;
            _keyed[i] = keyed;
        }
    }

    private int Next() => _next = (_next + 1) & (Customers - 1);

    [Benchmark(Baseline = true, Description = "bare weighted sum (no checks)")]
    public double BareWeightedSum()
    {
        var row = _rows[Next()];
        var weights = _weights;
        double sum = 0, present = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var s = row[i];
            if (!double.IsNaN(s))
            {
                sum += weights[i] * s;
                present += weights[i];
            }
        }

        return sum / present;
    }

    [Benchmark(Description = "Score(span): checked, banded")]
    public HealthScore ScoreSpan() => _model.Score(_rows[Next()]);

    [Benchmark(Description = "Evaluate(span): explained")]
    public HealthScoreResult EvaluateSpan() => _model.Evaluate(_rows[Next()]);

    [Benchmark(Description = "Evaluate(keyed): explained")]
    public HealthScoreResult EvaluateKeyed() => _model.Evaluate(_keyed[Next()]);
}
