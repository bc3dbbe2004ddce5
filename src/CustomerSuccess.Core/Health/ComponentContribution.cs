using System;
using System.Globalization;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>What one component contributed to a health score.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ComponentContribution
{
    /// <summary>Creates a contribution.</summary>
    /// <param name="component">The component.</param>
    /// <param name="rawScore">The component's score as given, in [0, 100], or null when it was missing.</param>
    /// <param name="effectiveWeight">The weight the component carried in this score, in [0, 1]: its weight after renormalization.</param>
    /// <param name="points">The points it added to the score: effective weight × raw score (0 when missing).</param>
    /// <exception cref="ArgumentNullException"><paramref name="component"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public ComponentContribution(HealthComponent component, double? rawScore, double effectiveWeight, double points)
    {
        ArgumentNullException.ThrowIfNull(component);
        // Messages are built only on failure: this constructor runs once per component of every explained result.
        if (rawScore is { } raw && !(raw >= 0 && raw <= 100))
        {
            throw Guard.OutOfRange(raw, 0, 100, $"the score of component '{component.Key}'", nameof(rawScore));
        }

        if (!(effectiveWeight >= 0 && effectiveWeight <= 1))
        {
            throw Guard.OutOfRange(effectiveWeight, 0, 1, $"the effective weight of component '{component.Key}'", nameof(effectiveWeight));
        }

        if (!(points >= 0 && points <= 100))
        {
            throw Guard.OutOfRange(points, 0, 100, $"the points of component '{component.Key}'", nameof(points));
        }

        Component = component;
        RawScore = rawScore;
        EffectiveWeight = effectiveWeight;
        Points = points;
    }

    /// <summary>The component.</summary>
    public HealthComponent Component { get; }

    /// <summary>The component's score as given, or null when it was missing.</summary>
    public double? RawScore { get; }

    /// <summary>Whether the component's score was missing.</summary>
    public bool IsMissing => RawScore is null;

    /// <summary>
    /// The weight the component carried in this score: its declared weight divided by the weight present
    /// (renormalize) or by the total weight (treat as zero); 0 for a missing component under renormalization,
    /// and 0 for every component when there was not enough data for a score.
    /// </summary>
    public double EffectiveWeight { get; }

    /// <summary>The points the component added to the score; the points of all components add up to the score.</summary>
    public double Points { get; }

    /// <summary>
    /// The points the component costs the score against a perfect 100: effective weight × 100 − points.
    /// Raising this component alone to 100 raises the score by exactly this much.
    /// </summary>
    public double PointsLost => Math.Max(0, (EffectiveWeight * 100) - Points);

    /// <summary>For example "usage 80 × 0.4 = 32" (rounded for reading: weights to 4 decimals, scores to 2).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Component.Key} {(RawScore is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) : "missing")} × {EffectiveWeight:0.####} = {Points:0.##}");
}
