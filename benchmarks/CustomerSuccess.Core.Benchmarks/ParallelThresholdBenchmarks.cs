using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Where using every core starts paying for bulk scoring: the same batch on the calling thread (baseline) and split
/// across all cores, at sizes around the default <see cref="BulkScoringOptions.ParallelThreshold"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class ParallelThresholdBenchmarks
{
    private static readonly BulkScoringOptions AlwaysParallel = new() { ParallelThreshold = 1 };
    private readonly WeightedHealthScoreModel _model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private ReadOnlyMemory<double>[] _columns = [];
    private double[] _scores = [];
    private byte[] _ranks = [];

    [Params(16_384, 65_536, 131_072, 262_144, 1_048_576)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        _columns = [.. Enumerable.Range(0, 5).Select(c => new ReadOnlyMemory<double>([.. Enumerable.Range(0, Customers).Select(_ => random.Next(10) == 0 && c > 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 2))]))];
        _scores = new double[Customers];
        _ranks = new byte[Customers];
    }

    [Benchmark(Baseline = true, Description = "one core")]
    public void Sequential() => HealthBatch.Score(_model, _columns, _scores, _ranks, BulkScoringOptions.Sequential);

    [Benchmark(Description = "all cores")]
    public void Parallel() => HealthBatch.Score(_model, _columns, _scores, _ranks, AlwaysParallel);
}
