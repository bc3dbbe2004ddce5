using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Nps;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Summarizing 10 million NPS responses on one core. The baseline is the obvious loop: categorize each response and
/// count it. The library's counting pass checks every response too, with 256-bit vector compares.
/// </summary>
[MemoryDiagnoser]
public class NpsSummaryBenchmarks
{
    private const int Responses = 10_000_000;
    private int[] _ints = [];
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        _ints = [.. Enumerable.Range(0, Responses).Select(_ => random.Next(11))];
        _bytes = [.. _ints.Select(i => (byte)i)];
    }

    [Benchmark(Baseline = true, Description = "loop: Categorize and count (int[])")]
    public NpsSummary ScalarLoop()
    {
        long promoters = 0, passives = 0, detractors = 0;
        foreach (var response in _ints)
        {
            switch (NpsScale.Categorize(response))
            {
                case NpsCategory.Promoter: promoters++; break;
                case NpsCategory.Passive: passives++; break;
                default: detractors++; break;
            }
        }

        return new NpsSummary(promoters, passives, detractors);
    }

    [Benchmark(Description = "NpsSummary.From(ReadOnlySpan<int>)")]
    public NpsSummary FromInts() => NpsSummary.From(_ints.AsSpan());

    [Benchmark(Description = "NpsSummary.From(ReadOnlySpan<byte>)")]
    public NpsSummary FromBytes() => NpsSummary.From(_bytes.AsSpan());
}
