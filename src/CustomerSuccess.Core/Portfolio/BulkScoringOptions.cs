using System;
using System.Globalization;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// How the bulk paths of <see cref="HealthBatch"/> and <see cref="ChurnBatch"/> use the cores: below
/// <see cref="ParallelThreshold"/> customers a call runs on the calling thread; from there on it splits the customers
/// into one contiguous partition per core (static partitions, no work stealing between small chunks).
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

    /// <summary>The number of partitions a call over <paramref name="count"/> customers uses.</summary>
    internal int PartitionsFor(int count) =>
        count < _parallelThreshold || _maxDegreeOfParallelism == 1 ? 1 : Math.Min(_maxDegreeOfParallelism, Math.Max(1, count / 8));

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"up to {_maxDegreeOfParallelism} threads from {_parallelThreshold} customers");

    private static int AtLeastOne(int value, string what) =>
        value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"{what} must be 1 or more but was {value}."));
}
