using System.Collections.Generic;

namespace CustomerSuccess.Health;

/// <summary>Where a series of dated health scores is heading: the latest change, the slope, the direction and the band moves.</summary>
/// <remarks>Immutable and thread-safe; made by <see cref="HealthTrendAnalyzer.Analyze"/>.</remarks>
public sealed class HealthTrend
{
    internal HealthTrend(
        IReadOnlyList<DatedHealthScore> scores,
        double? slopePerWeek,
        HealthTrendDirection direction,
        HealthBand? currentBand,
        IReadOnlyList<BandTransition> transitions)
    {
        Scores = scores;
        SlopePerWeek = slopePerWeek;
        Direction = direction;
        CurrentBand = currentBand;
        Transitions = transitions;
    }

    /// <summary>The scores, oldest first.</summary>
    public IReadOnlyList<DatedHealthScore> Scores { get; }

    /// <summary>The newest score, or null when there are none.</summary>
    public DatedHealthScore? Latest => Scores.Count > 0 ? Scores[^1] : null;

    /// <summary>The score before the newest, or null when there are fewer than two.</summary>
    public DatedHealthScore? Previous => Scores.Count > 1 ? Scores[^2] : null;

    /// <summary>The newest score minus the one before it, or null when there are fewer than two.</summary>
    public double? ChangeSincePrevious => Scores.Count > 1 ? Scores[^1].Score - Scores[^2].Score : null;

    /// <summary>
    /// The least-squares slope of score against date, in points a week, or null when there are fewer than two scores.
    /// </summary>
    public double? SlopePerWeek { get; }

    /// <summary>The direction: the slope against the tolerance.</summary>
    public HealthTrendDirection Direction { get; }

    /// <summary>The band of the newest score after hysteresis, or null when there are no scores.</summary>
    public HealthBand? CurrentBand { get; }

    /// <summary>Every band move after hysteresis, oldest first.</summary>
    public IReadOnlyList<BandTransition> Transitions { get; }
}
