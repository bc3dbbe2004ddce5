using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// One million records of five component scores (one in ten missing), each with a segment and a stage drawn at random
/// (seeded) from two and two. The baseline is the single-model records path, `HealthBatch.Score(model, records, reader)`,
/// on one core; the other rows score the same records with a profile set: one profile (the default), and four (one per
/// segment and stage, four different weightings of the five components), each record resolved to its profile, with
/// the records in random order and sorted into runs of one segment and stage; and four with each record's profile
/// given as a column of indexes (resolved once per distinct segment and stage, as a dictionary-encoded column is).
/// </summary>
[MemoryDiagnoser]
public class HealthProfileBenchmarks
{
    private const int Count = 1_000_000;
    private static readonly string[] Segments = ["Smb", "Enterprise"];
    private static readonly LifecycleStage?[] Stages = [LifecycleStage.Onboarding, LifecycleStage.Adoption];
    private readonly WeightedHealthScoreModel _model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private Customer[] _customers = [];
    private Customer[] _inRuns = [];
    private double[] _scores = [];
    private byte[] _ranks = [];
    private byte[] _profiles = [];
    private byte[] _indexes = [];
    private ReadOnlyMemory<double>[] _columns = [];
    private static readonly string[] Keys = ["usage", "support", "engagement", "billing", "outcomes"];
    private HealthProfileSet _one = null!;
    private HealthProfileSet _four = null!;

    private readonly record struct Customer(string Segment, LifecycleStage? Stage, double U, double S, double E, double B, double O);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261203);
        double Score() => random.Next(10) == 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 2);
        _customers = [.. Enumerable.Range(0, Count).Select(_ => new Customer(Segments[random.Next(2)], Stages[random.Next(2)], Score(), Score(), Score(), Score(), Score()))];
        _inRuns = [.. _customers.OrderBy(c => c.Segment, StringComparer.Ordinal).ThenBy(c => c.Stage)];
        _scores = new double[Count];
        _ranks = new byte[Count];
        _profiles = new byte[Count];
        _one = new HealthProfileSet([], new HealthProfile("everyone", _model));
        double[][] weights = [[0.3, 0.2, 0.2, 0.15, 0.15], [0.4, 0.1, 0.2, 0.15, 0.15], [0.2, 0.2, 0.2, 0.2, 0.2], [0.1, 0.3, 0.3, 0.2, 0.1]];
        _four = new HealthProfileSet(Enumerable.Range(0, 4).Select(i => new HealthProfile("p" + i, new WeightedHealthScoreModel("w" + i,
            _model.Components.Select((c, k) => new HealthComponent(c.Key, c.DisplayName, weights[i][k])), _model.Bands))
        {
            Segment = Segments[i / 2], Stage = Stages[i % 2],
        }));

        // Each record's profile as a column of indexes, resolved once per distinct segment and stage.
        var bySegmentAndStage = Segments.SelectMany(s => Stages.Select(t => (s, t))).ToDictionary(k => k, k => (byte)_four.IndexOf(k.s, k.t));
        _indexes = [.. _customers.Select(c => bySegmentAndStage[(c.Segment, c.Stage)])];
        _columns = [.. new Func<Customer, double>[] { c => c.U, c => c.S, c => c.E, c => c.B, c => c.O }.Select(f => new ReadOnlyMemory<double>([.. _customers.Select(f)]))];
    }

    [Benchmark(Baseline = true, Description = "one model, records path")]
    public void OneModel() => HealthBatch.Score(_model, _customers.AsSpan(), Read, _scores, _ranks);

    [Benchmark(Description = "a profile set of one (the default)")]
    public void OneProfile() => HealthBatch.Score(_one, _customers.AsSpan(), Select, ReadFor, _scores, _ranks, _profiles);

    [Benchmark(Description = "four profiles, by segment and stage")]
    public void FourProfiles() => HealthBatch.Score(_four, _customers.AsSpan(), Select, ReadFor, _scores, _ranks, _profiles);

    [Benchmark(Description = "four profiles, records in runs of a segment and stage")]
    public void FourProfilesInRuns() => HealthBatch.Score(_four, _inRuns.AsSpan(), Select, ReadFor, _scores, _ranks, _profiles);

    [Benchmark(Description = "four profiles, each record's profile index given")]
    public void FourProfilesIndexed() => HealthBatch.Score(_four, _customers.AsSpan(), _indexes, ReadFor, _scores, _ranks);

    [Benchmark(Description = "one model, columnar path (one core)")]
    public void OneModelColumnar() => HealthBatch.Score(_model, _columns, _scores, _ranks, new BulkScoringOptions { MaxDegreeOfParallelism = 1 });

    [Benchmark(Description = "four profiles, columnar, each customer's profile index given")]
    public void FourProfilesColumnar() => HealthBatch.Score(_four, Keys, _columns, _indexes, _scores, _ranks);

    private static void Select(in Customer c, out string? segment, out LifecycleStage? stage) => (segment, stage) = (c.Segment, c.Stage);

    private static void Read(Customer c, Span<double> s) => (s[0], s[1], s[2], s[3], s[4]) = (c.U, c.S, c.E, c.B, c.O);

    private static void ReadFor(in Customer c, HealthProfile profile, Span<double> s) => Read(c, s);
}
