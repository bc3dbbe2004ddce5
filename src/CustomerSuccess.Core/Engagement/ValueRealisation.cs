using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// Value realised against an account's success metrics on a date, and the 0–100 Business Outcomes component made from
/// it: 100 × the mean, over the metrics measured, of each one's progress held to [0, 1] (ours). Metrics not yet
/// measured are left out; with none measured the component is missing (null), not zero.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ValueRealisation
{
    private ValueRealisation(LocalDate asOf, IReadOnlyList<(SuccessMetric Metric, double? Progress)> progress)
    {
        AsOf = asOf;
        Progress = progress;
        var measured = progress.Where(p => p.Progress is not null).ToArray();
        Measured = measured.Length;
        Met = measured.Count(p => p.Progress >= 1);
        OutcomesScore = measured.Length == 0 ? null : 100 * measured.Average(p => Math.Clamp(p.Progress!.Value, 0, 1));
    }

    /// <summary>The date judged.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Each metric with its progress (null when not measured by <see cref="AsOf"/>), in the order given.</summary>
    public IReadOnlyList<(SuccessMetric Metric, double? Progress)> Progress { get; }

    /// <summary>How many metrics were measured by <see cref="AsOf"/>.</summary>
    public int Measured { get; }

    /// <summary>How many reached their target (progress 1 or more).</summary>
    public int Met { get; }

    /// <summary>The Business Outcomes component in [0, 100], or null when no metric was measured.</summary>
    public double? OutcomesScore { get; }

    /// <summary>Judges an account's metrics on a date.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <param name="asOf">The date; measurements after it are not counted.</param>
    /// <returns>The value realised.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static ValueRealisation Of(IEnumerable<SuccessMetric> metrics, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var list = metrics.Select(m => (m ?? throw new ArgumentNullException(nameof(metrics)), m.ProgressOn(asOf))).ToArray();
        return new ValueRealisation(asOf, Array.AsReadOnly(list));
    }
}
