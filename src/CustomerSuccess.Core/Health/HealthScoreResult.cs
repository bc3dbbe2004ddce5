using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;

namespace CustomerSuccess.Health;

/// <summary>
/// A health score that explains itself: the score, band and coverage, and per component the raw score,
/// the effective weight and the points it contributed.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HealthScoreResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="modelName">The name of the model that produced it.</param>
    /// <param name="score">The score.</param>
    /// <param name="components">Every component of the model, in model order.</param>
    /// <exception cref="ArgumentNullException">An argument or a component is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="modelName"/> is empty.</exception>
    public HealthScoreResult(string modelName, HealthScore score, IEnumerable<ComponentContribution> components)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentNullException.ThrowIfNull(components);
        ComponentContribution[] list = [.. components];
        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentNullException(nameof(components), "a component contribution is null.");
        }

        ModelName = modelName;
        Score = score;
        Components = Array.AsReadOnly(list);
        MissingComponents = Array.AsReadOnly(list.Where(c => c.IsMissing).Select(c => c.Component).ToArray());
    }

    /// <summary>The name of the model that produced the result.</summary>
    public string ModelName { get; }

    /// <summary>The score, its band and coverage; check <see cref="HealthScore.HasScore"/> before reading the value.</summary>
    public HealthScore Score { get; }

    /// <summary>Every component of the model, in model order, with what it contributed.</summary>
    public IReadOnlyList<ComponentContribution> Components { get; }

    /// <summary>The components whose scores were missing, in model order.</summary>
    public IReadOnlyList<HealthComponent> MissingComponents { get; }

    /// <summary>
    /// The components that cost the score the most against a perfect 100, biggest drag first: each with the
    /// points it loses, which are also the points the score would recover were that component at 100.
    /// Components that carried no weight in this score (missing under renormalization) are left out, and so is
    /// everything when there was no score. Ties keep model order.
    /// </summary>
    /// <returns>A new list, biggest drag first.</returns>
    [Pure]
    public IReadOnlyList<ComponentContribution> BiggestDrags() =>
        Score.HasScore
            ? Array.AsReadOnly(Components.Where(c => c.EffectiveWeight > 0).OrderByDescending(c => c.PointsLost).ToArray())
            : [];

    /// <summary>For example "40-30-30: 68 Neutral (coverage 100%)".</summary>
    public override string ToString() => $"{ModelName}: {Score}";
}
