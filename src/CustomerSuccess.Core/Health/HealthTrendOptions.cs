using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>The settings of a <see cref="HealthTrendAnalyzer"/>.</summary>
/// <remarks>Immutable once built; checked by the analyzer's constructor.</remarks>
public sealed record HealthTrendOptions
{
    /// <summary>The default tolerance: 1 point a week.</summary>
    public const double DefaultStableTolerancePerWeek = 1.0;

    /// <summary>The default hysteresis margin: 2 points.</summary>
    public const double DefaultHysteresisMargin = 2.0;

    /// <summary>
    /// How fast, in points a week, the score may rise or fall and still count as stable. 0 or more.
    /// </summary>
    /// <value>Defaults to 1 point a week: health scores are updated weekly (CS Manager playbook), and a point a week is within
    /// the noise of most component rubrics.</value>
    public double StableTolerancePerWeek { get; init; } = DefaultStableTolerancePerWeek;

    /// <summary>
    /// How many points a score must pass a band boundary before the band changes, in [0, 100].
    /// </summary>
    /// <value>Defaults to 2 points, so a score moving between 79.9 and 80.1 stays in its band.</value>
    public double HysteresisMargin { get; init; } = DefaultHysteresisMargin;

    internal void Validate()
    {
        Guard.InRange(StableTolerancePerWeek, 0, double.MaxValue, "StableTolerancePerWeek", nameof(StableTolerancePerWeek));
        Guard.InRange(HysteresisMargin, 0, 100, "HysteresisMargin", nameof(HysteresisMargin));
    }
}
