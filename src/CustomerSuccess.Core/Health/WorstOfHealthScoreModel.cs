using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Health;

/// <summary>
/// A health score model that is the worst of its components: the score is the lowest component score present, so the
/// customer is in the healthy band only if every component present is, and in the lowest band if any component is.
/// Missing components are skipped (or count as 0 under <see cref="MissingDataHandling.TreatAsZero"/>); the weights
/// count only for coverage. The explanation names the component that decided: it carries all the effective weight.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: build it once and share it.</para>
/// <para>
/// With every component present, its band is never better than a weighted sum's on the same components and bands:
/// the lowest score is at most any weighted mean of the scores.
/// </para>
/// </remarks>
public sealed class WorstOfHealthScoreModel : IHealthScoreModel
{
    private readonly HealthComponent[] _components;
    private readonly double _totalWeight;
    private readonly FrozenDictionary<string, int> _indexByKey;

    /// <summary>Creates a model, checking everything at once.</summary>
    /// <param name="name">The model's name. Not empty.</param>
    /// <param name="components">The components, in the order positional inputs will use; their weights decide coverage only.</param>
    /// <param name="bands">The band scheme that labels the score.</param>
    /// <param name="missingData">The missing-data policy; <see cref="MissingDataPolicy.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="components"/> or <paramref name="bands"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The model is invalid; the message lists every problem, as for <see cref="WeightedHealthScoreModel"/>.
    /// </exception>
    public WorstOfHealthScoreModel(string name, IEnumerable<HealthComponent> components, HealthBandScheme bands, MissingDataPolicy? missingData = null)
    {
        // The weighted model checks the same things (name, components, keys, weights summing to 1): one set of rules.
        var checkedModel = new WeightedHealthScoreModel(name, components, bands, missingData);
        Name = name;
        _components = [.. checkedModel.Components];
        _totalWeight = checkedModel.TotalWeight;
        _indexByKey = _components.Select((c, i) => KeyValuePair.Create(c.Key, i)).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Components = Array.AsReadOnly(_components);
        Bands = bands;
        MissingData = checkedModel.MissingData;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<HealthComponent> Components { get; }

    /// <inheritdoc />
    public HealthBandScheme Bands { get; }

    /// <inheritdoc />
    public MissingDataPolicy MissingData { get; }

    /// <summary>The worst-of model on a weighted model's components, bands and missing-data policy, named "worst-of " and its name.</summary>
    /// <param name="model">The weighted model.</param>
    /// <returns>The new model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static WorstOfHealthScoreModel Of(WeightedHealthScoreModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new WorstOfHealthScoreModel("worst-of " + model.Name, model.Components, model.Bands, model.MissingData);
    }

    /// <inheritdoc />
    /// <remarks>Allocates nothing.</remarks>
    public HealthScore Score(ReadOnlySpan<double> componentScores) => Finish(Worst(componentScores, out _, out var present), present);

    /// <inheritdoc />
    public HealthScoreResult Evaluate(ReadOnlySpan<double> componentScores)
    {
        var worst = Worst(componentScores, out var decider, out var present);
        var score = Finish(worst, present);
        var contributions = new ComponentContribution[_components.Length];
        for (var i = 0; i < contributions.Length; i++)
        {
            var s = componentScores[i];
            var decides = score.HasScore && i == decider;
            contributions[i] = new ComponentContribution(_components[i], double.IsNaN(s) ? null : s, decides ? 1 : 0, decides ? score.Value : 0);
        }

        return new HealthScoreResult(Name, score, contributions);
    }

    /// <inheritdoc />
    public HealthScoreResult Evaluate(IReadOnlyDictionary<string, double?> componentScores) =>
        Evaluate(HealthComponentScores.ByKey(componentScores, _components, _indexByKey, Name));

    /// <summary>The model's name and components, for example "worst-of 40-30-30: worst of usage, engagement, support".</summary>
    public override string ToString() => $"{Name}: worst of {string.Join(", ", _components.Select(c => c.Key))}";

    private HealthScore Finish(double worst, double present)
    {
        var coverage = present / _totalWeight;
        if (present <= 0 || coverage < MissingData.MinimumCoverage - WeightedHealthScoreModel.CoverageTolerance)
        {
            return HealthScore.TrustedNotEnoughData(Math.Min(coverage, 1));
        }

        return HealthScore.Trusted(worst, Bands.BandAt(Bands.RankOf(worst)), Math.Min(coverage, 1));
    }

    /// <summary>The lowest score (a missing one as 0 when the policy says so), the first component that has it, and the weight present.</summary>
    private double Worst(ReadOnlySpan<double> componentScores, out int decider, out double present)
    {
        HealthComponentScores.CheckLength(componentScores.Length, _components, Name, nameof(componentScores));
        var worst = double.PositiveInfinity;
        decider = -1;
        present = 0;
        for (var i = 0; i < _components.Length; i++)
        {
            var s = componentScores[i];
            if (s >= 0 && s <= 100)
            {
                present += _components[i].Weight;
            }
            else if (double.IsNaN(s))
            {
                if (MissingData.Handling == MissingDataHandling.Reject)
                {
                    throw HealthComponentScores.MissingRejected(_components[i], Name, nameof(componentScores));
                }

                if (MissingData.Handling != MissingDataHandling.TreatAsZero)
                {
                    continue;
                }

                s = 0;
            }
            else
            {
                throw HealthComponentScores.OutOfRange(_components[i], s, nameof(componentScores));
            }

            if (s < worst)
            {
                (worst, decider) = (s, i);
            }
        }

        return worst;
    }
}
