using System;
using System.Diagnostics.Contracts;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// Turns a count into a component score linearly with a cap: score = min(100, metric ÷ <see cref="FullScoreAt"/> × 100).
/// The CS Expert playbook's adoption rule is one: min(100, features used ÷ 10 × 100).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LinearRubric
{
    /// <summary>Creates a rubric.</summary>
    /// <param name="fullScoreAt">The metric value that scores 100; above it the score stays 100. Finite and above 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fullScoreAt"/> is not a finite number above 0.</exception>
    public LinearRubric(double fullScoreAt)
    {
        if (!(fullScoreAt > 0 && double.IsFinite(fullScoreAt)))
        {
            throw new ArgumentOutOfRangeException(nameof(fullScoreAt), fullScoreAt,
                $"the value that scores 100 must be a finite number above 0 but was {Guard.Format(fullScoreAt)}.");
        }

        FullScoreAt = fullScoreAt;
    }

    /// <summary>The metric value that scores 100.</summary>
    public double FullScoreAt { get; }

    /// <summary>The component score for a metric.</summary>
    /// <param name="metric">The metric, finite and 0 or more.</param>
    /// <returns>min(100, metric ÷ <see cref="FullScoreAt"/> × 100).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is negative, NaN or infinite.</exception>
    [Pure]
    public double Score(double metric)
    {
        Guard.InRange(metric, 0, double.MaxValue, "the metric", nameof(metric));
        return Math.Min(100, metric / FullScoreAt * 100);
    }

    /// <summary>For example "min(100, x ÷ 10 × 100)".</summary>
    public override string ToString() => $"min(100, x ÷ {Guard.Format(FullScoreAt)} × 100)";
}
