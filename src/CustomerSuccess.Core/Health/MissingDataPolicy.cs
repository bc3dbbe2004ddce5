using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// How a model scores a customer whose data is incomplete: how missing components are handled, and how much
/// of the model's weight must be present (the coverage) before the model gives a score at all.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MissingDataPolicy : IEquatable<MissingDataPolicy>
{
    /// <summary>The default minimum coverage: 0.5, so at least half of the model's weight must be present.</summary>
    public const double DefaultMinimumCoverage = 0.5;

    /// <summary>Creates a policy.</summary>
    /// <param name="handling">What to do with a missing component.</param>
    /// <param name="minimumCoverage">
    /// The share of the model's total weight, in [0, 1], that must be present for a score; below it the result
    /// says there is not enough data (compared with a tolerance of <see cref="WeightedHealthScoreModel.CoverageTolerance"/>).
    /// A customer with no component at all never gets a score, whatever this is.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="handling"/> is not a defined value or <paramref name="minimumCoverage"/> is not in [0, 1].
    /// </exception>
    public MissingDataPolicy(MissingDataHandling handling, double minimumCoverage = DefaultMinimumCoverage)
    {
        if (!Enum.IsDefined(handling))
        {
            throw new ArgumentOutOfRangeException(nameof(handling), handling, "the missing-data handling must be Renormalize, TreatAsZero or Reject.");
        }

        Guard.InRange(minimumCoverage, 0, 1, "the minimum coverage", nameof(minimumCoverage));
        Handling = handling;
        MinimumCoverage = minimumCoverage;
    }

    /// <summary>The default: renormalize over the components present, with a minimum coverage of 0.5.</summary>
    public static MissingDataPolicy Default { get; } = new(MissingDataHandling.Renormalize);

    /// <summary>Refuse any missing component (coverage is then always 1).</summary>
    public static MissingDataPolicy Reject { get; } = new(MissingDataHandling.Reject, 0);

    /// <summary>What to do with a missing component.</summary>
    /// <value>Defaults to <see cref="MissingDataHandling.Renormalize"/> in <see cref="Default"/>.</value>
    public MissingDataHandling Handling { get; }

    /// <summary>The share of the model's weight, in [0, 1], that must be present for a score.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumCoverage"/> (0.5).</value>
    public double MinimumCoverage { get; }

    /// <inheritdoc />
    public bool Equals(MissingDataPolicy? other) =>
        other is not null && Handling == other.Handling && MinimumCoverage.Equals(other.MinimumCoverage);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MissingDataPolicy);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Handling, MinimumCoverage);

    /// <summary>For example "Renormalize, minimum coverage 0.5".</summary>
    public override string ToString() => $"{Handling}, minimum coverage {Guard.Format(MinimumCoverage)}";
}
