using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Bulk health scoring of the 30/20/20/15/15 model over 1 and 10 million seeded customers (one value in ten missing).
/// Two references run in the same class: the naive baseline (a <see cref="List{T}"/> of customer objects scored with
/// LINQ into a list of result records) and a bandwidth probe (a vectorized read of the same five columns with the same
/// threads and partitions), the ceiling any columnar scorer is held to.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PortfolioBenchmarks
{
    private static readonly BulkScoringOptions AllCores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
    private readonly WeightedHealthScoreModel _model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private double[][] _columns = [];
    private ReadOnlyMemory<double>[] _memory = [];
    private double[] _scores = [];
    private byte[] _ranks = [];
    private List<Customer> _customers = [];

    [Params(1_000_000, 10_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        _columns = [.. Enumerable.Range(0, 5).Select(_ => new double[Customers])];
        _customers = new List<Customer>(Customers);
        for (var i = 0; i < Customers; i++)
        {
            for (var c = 0; c < 5; c++)
            {
                _columns[c][i] = random.Next(10) == 0 && c > 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 2);
            }

            _customers.Add(new Customer(i, _columns[0][i], _columns[1][i], _columns[2][i], _columns[3][i], _columns[4][i]));
        }

        _memory = [.. _columns.Select(c => new ReadOnlyMemory<double>(c))];
        _scores = new double[Customers];
        _ranks = new byte[Customers];
    }

    [Benchmark(Baseline = true, Description = "naive: List<T> + LINQ into result records")]
    public int NaiveLinq() =>
        _customers
            .Select(c => _model.Score([c.Usage, c.Support, c.Engagement, c.Billing, c.Outcomes]))
            .Select((s, i) => new Result(i, s.ValueOrNull, s.HasScore ? s.Band.Label : null))
            .ToList()
            .Count;

    [Benchmark(Description = "bandwidth probe: read 5 columns, all cores")]
    public double ProbeAllCores() => Probe(ThreadsOf(AllCores));

    [Benchmark(Description = "bandwidth probe: read 5 columns, one core")]
    public double ProbeOneCore() => Probe(1);

    [Benchmark(Description = "HealthBatch.Score: score + band, all cores")]
    public void ScoreAllCores() => HealthBatch.Score(_model, _memory, _scores, _ranks, AllCores);

    [Benchmark(Description = "HealthBatch.Score: score + band, one core")]
    public void ScoreOneCore() => HealthBatch.Score(_model, _memory, _scores, _ranks, BulkScoringOptions.Sequential);

    [Benchmark(Description = "HealthBatch.CountBands, all cores")]
    public long CountAllCores() => HealthBatch.CountBands(_model, _memory, AllCores).Scored;

    [Benchmark(Description = "HealthBatch.CountBands, one core")]
    public long CountOneCore() => HealthBatch.CountBands(_model, _memory, BulkScoringOptions.Sequential).Scored;

    [Benchmark(Description = "HealthBatch.Score(records, accessor), all cores")]
    public void RecordsAllCores() => HealthBatch.Score(_model, _customers, Customer.Read, _scores, _ranks, AllCores);

    private int ThreadsOf(BulkScoringOptions options) => Math.Min(options.MaxDegreeOfParallelism, Math.Max(1, Customers / 8));

    /// <summary>
    /// Sums the five columns with <see cref="Vector{T}"/> loads on <paramref name="threads"/> threads, in the batch's
    /// partitions: contiguous, one a thread or up to eight a thread of at least 16 384 customers, taken in order.
    /// </summary>
    private double Probe(int threads)
    {
        var partitions = threads == 1 ? 1 : Math.Clamp(Customers / 16_384, threads, threads * 8);
        var size = (((Customers + partitions - 1) / partitions) + 7) & ~7;
        var sums = new double[partitions * 8];
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var start = Math.Min(p * size, Customers);
            var end = Math.Min(start + size, Customers);
            var (c0, c1, c2, c3, c4) = (_columns[0], _columns[1], _columns[2], _columns[3], _columns[4]);
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default;
            var width = Vector<double>.Count;
            var i = start;
            for (; i <= end - width; i += width)
            {
                a0 += new Vector<double>(c0, i);
                a1 += new Vector<double>(c1, i);
                a2 += new Vector<double>(c2, i);
                a3 += new Vector<double>(c3, i);
                a4 += new Vector<double>(c4, i);
            }

            var sum = Vector.Sum(a0 + a1 + a2 + a3 + a4);
            for (; i < end; i++)
            {
                for (var c = 0; c < 5; c++)
                {
                    sum += _columns[c][i];
                }
            }

            sums[p * 8] = sum;
        });
        return sums.Sum();
    }

    public sealed record Customer(int Id, double Usage, double Support, double Engagement, double Billing, double Outcomes)
    {
        public static void Read(Customer c, Span<double> scores)
        {
            scores[0] = c.Usage;
            scores[1] = c.Support;
            scores[2] = c.Engagement;
            scores[3] = c.Billing;
            scores[4] = c.Outcomes;
        }
    }

    public sealed record Result(int Id, double? Score, string? Band);
}
