using System;
using System.Globalization;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// How the bulk paths of <see cref="HealthBatch"/> and <see cref="ChurnBatch"/> use the cores: below
/// <see cref="ParallelThreshold"/> customers a call runs on the calling thread; from there on it splits the customers
/// into contiguous partitions, one to eight per thread and at least 16 384 customers each, which the threads take in
/// order (static partitions, not many small chunks: a thread that starts late leaves its share to the others).
/// </summary>
/// <remarks>Immutable once built and safe to share between threads.</remarks>
public sealed class BulkScoringOptions
{
    /// <summary>The default <see cref="ParallelThreshold"/>: 32 768 customers (see <c>docs/performance.md</c> for the measurement behind it).</summary>
    public const int DefaultParallelThreshold = 32_768;

    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private readonly int _parallelThreshold = DefaultParallelThreshold;

    /// <summary>The defaults: every core from <see cref="DefaultParallelThreshold"/> customers up.</summary>
    public static BulkScoringOptions Default { get; } = new();

    /// <summary>Always one thread, the calling one.</summary>
    public static BulkScoringOptions Sequential { get; } = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>The most threads a call uses.</summary>
    /// <value>Default: <see cref="Environment.ProcessorCount"/>. Must be 1 or more.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = AtLeastOne(value, "the maximum degree of parallelism");
    }

    /// <summary>The number of customers from which a call uses more than one thread.</summary>
    /// <value>Default: <see cref="DefaultParallelThreshold"/>. Must be 1 or more.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ParallelThreshold
    {
        get => _parallelThreshold;
        init => _parallelThreshold = AtLeastOne(value, "the parallel threshold");
    }

    /// <summary>The most partitions a parallel call splits its customers into, per thread.</summary>
    internal const int PartitionsPerThread = 8;

    /// <summary>The fewest customers in a partition when a call has more partitions than threads.</summary>
    internal const int MinimumPartition = 16_384;

    /// <summary>The number of threads a call over <paramref name="count"/> customers uses (1: the calling thread alone).</summary>
    internal int ThreadsFor(int count) =>
        count < _parallelThreshold || _maxDegreeOfParallelism == 1 ? 1 : Math.Min(_maxDegreeOfParallelism, Math.Max(1, count / 8));

    /// <summary>
    /// The number of partitions a call over <paramref name="count"/> customers on <paramref name="threads"/> threads
    /// uses: one a thread, more for larger calls (each at least <see cref="MinimumPartition"/> customers), at most
    /// <see cref="PartitionsPerThread"/> a thread.
    /// </summary>
    internal static int PartitionsFor(int count, int threads) => Math.Clamp(count / MinimumPartition, threads, threads * PartitionsPerThread);

    /// <summary>
    /// The customers [start, end) of partition <paramref name="index"/> when <paramref name="count"/> customers are
    /// split into <paramref name="partitions"/>: contiguous and in order, each a multiple of 8 customers (64 bytes of
    /// scores, so partition boundaries fall on cache-line boundaries wherever the scores start on one) except the last.
    /// Computed in 64 bits, so a count close to <see cref="int.MaxValue"/> cannot overflow it.
    /// </summary>
    internal static (int Start, int End) Partition(int index, int partitions, int count)
    {
        var size = ((((long)count + partitions - 1) / partitions) + 7) & ~7L;
        var start = Math.Min(index * size, count);
        return ((int)start, (int)Math.Min(start + size, count));
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"up to {_maxDegreeOfParallelism} threads from {_parallelThreshold} customers");

    private static int AtLeastOne(int value, string what) =>
        value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"{what} must be 1 or more but was {value}."));
}
