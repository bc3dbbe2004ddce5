using System;
using System.Collections.Generic;

namespace CustomerSuccess.Health;

/// <summary>
/// A health score model: turns component scores (each 0 to 100, or missing) into a health score from 0 to 100
/// with a band.
/// </summary>
/// <remarks>
/// Implementations must be immutable and thread-safe: one instance is shared by every caller and thread.
/// The built-in implementation is <see cref="WeightedHealthScoreModel"/>; the presets are in <see cref="HealthScoreModels"/>.
/// </remarks>
public interface IHealthScoreModel
{
    /// <summary>The model's name, for example "40-30-30".</summary>
    string Name { get; }

    /// <summary>The components in model order; positional inputs follow this order.</summary>
    IReadOnlyList<HealthComponent> Components { get; }

    /// <summary>The band scheme that labels the score.</summary>
    HealthBandScheme Bands { get; }

    /// <summary>What the model does when component scores are missing.</summary>
    MissingDataPolicy MissingData { get; }

    /// <summary>Scores positional component scores without allocating: the hot path.</summary>
    /// <param name="componentScores">One score per component in model order, each in [0, 100]; NaN means missing.</param>
    /// <returns>The score, its band and coverage, or a result that says there was not enough data.</returns>
    /// <exception cref="ArgumentException">
    /// The span's length is not the number of components, or a score is missing and the policy is
    /// <see cref="MissingDataHandling.Reject"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is infinite, below 0 or above 100.</exception>
    HealthScore Score(ReadOnlySpan<double> componentScores);

    /// <summary>Scores positional component scores and explains the result.</summary>
    /// <param name="componentScores">One score per component in model order, each in [0, 100]; NaN means missing.</param>
    /// <returns>The explained result; its score equals <see cref="Score"/>'s for the same input.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Score"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Score"/>.</exception>
    HealthScoreResult Evaluate(ReadOnlySpan<double> componentScores);

    /// <summary>Scores component scores given by key and explains the result.</summary>
    /// <param name="componentScores">
    /// Scores by component key (matched ignoring case), each in [0, 100]; a null value or an absent key means missing.
    /// </param>
    /// <returns>The explained result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="componentScores"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A key is not a component of the model (the message lists the model's keys), two keys name the same
    /// component, or a score is missing and the policy is <see cref="MissingDataHandling.Reject"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is NaN, infinite, below 0 or above 100.</exception>
    HealthScoreResult Evaluate(IReadOnlyDictionary<string, double?> componentScores);
}
