using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// A health score model that is a weighted sum of component scores: score = Σ wᵢ·sᵢ ÷ W, where W is the
/// weight of the components present (renormalize) or the total weight (treat missing as zero).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: build it once and share it.</para>
/// <para>
/// The score is clamped to [0, 100] only to absorb floating-point rounding (a few units in the last place);
/// inputs are never clamped: a score outside [0, 100] throws.
/// </para>
/// </remarks>
public sealed class WeightedHealthScoreModel : IHealthScoreModel
{
    /// <summary>How far the weights may sum from 1: 1e-9.</summary>
    public const double WeightSumTolerance = 1e-9;

    /// <summary>
    /// How far below the minimum coverage a coverage may be and still count as reaching it: 1e-9, so that the order
    /// in which weights are added (0.4 + 0.1 against 0.1 + 0.4) never decides whether a customer is scored.
    /// </summary>
    public const double CoverageTolerance = 1e-9;

    private readonly HealthComponent[] _components;
    private readonly double[] _weights;
    private readonly double _totalWeight;
    private readonly FrozenDictionary<string, int> _indexByKey;

    /// <summary>Creates a model, checking everything at once.</summary>
    /// <param name="name">The model's name. Not empty.</param>
    /// <param name="components">The components, in the order positional inputs will use.</param>
    /// <param name="bands">The band scheme that labels the score.</param>
    /// <param name="missingData">The missing-data policy; <see cref="MissingDataPolicy.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="components"/> or <paramref name="bands"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The model is invalid; the message lists every problem: an empty name, no components, a null component,
    /// keys used twice (ignoring case), a weight that is negative, NaN or infinite, weights that do not sum to 1
    /// within <see cref="WeightSumTolerance"/>.
    /// </exception>
    public WeightedHealthScoreModel(
        string name,
        IEnumerable<HealthComponent> components,
        HealthBandScheme bands,
        MissingDataPolicy? missingData = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(bands);
        var list = components.ToList();
        var problems = Validate(name, list);
        var onlyTheName = string.IsNullOrWhiteSpace(name) && problems.Count == 1;
        Guard.NoProblems(problems, $"Health score model '{name}'", onlyTheName ? nameof(name) : nameof(components));

        Name = name;
        _components = [.. list];
        _weights = [.. list.Select(c => c.Weight)];
        var total = 0.0;
        foreach (var w in _weights)
        {
            total += w;
        }

        _totalWeight = total;
        _indexByKey = list
            .Select((c, i) => KeyValuePair.Create(c.Key, i))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Components = Array.AsReadOnly(_components);
        Bands = bands;
        MissingData = missingData ?? MissingDataPolicy.Default;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<HealthComponent> Components { get; }

    /// <inheritdoc />
    public HealthBandScheme Bands { get; }

    /// <inheritdoc />
    public MissingDataPolicy MissingData { get; }

    /// <summary>The weights in component order (shared, never modified): the bulk paths read them directly.</summary>
    internal double[] WeightArray => _weights;

    /// <summary>The sum of the weights, as the scalar path computes it.</summary>
    internal double TotalWeight => _totalWeight;

    /// <summary>A copy of this model with other bands.</summary>
    /// <param name="bands">The new band scheme.</param>
    /// <returns>A new model; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> is null.</exception>
    public WeightedHealthScoreModel WithBands(HealthBandScheme bands) => new(Name, _components, bands, MissingData);

    /// <summary>A copy of this model with another missing-data policy.</summary>
    /// <param name="missingData">The new policy.</param>
    /// <returns>A new model; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="missingData"/> is null.</exception>
    public WeightedHealthScoreModel WithMissingData(MissingDataPolicy missingData)
    {
        ArgumentNullException.ThrowIfNull(missingData);
        return new(Name, _components, Bands, missingData);
    }

    /// <summary>A copy of this model with another name.</summary>
    /// <param name="name">The new name. Not empty.</param>
    /// <returns>A new model; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public WeightedHealthScoreModel WithName(string name) => new(name, _components, Bands, MissingData);

    /// <inheritdoc />
    /// <remarks>Allocates nothing.</remarks>
    public HealthScore Score(ReadOnlySpan<double> componentScores)
    {
        var (weighted, present) = Accumulate(componentScores);
        return Finish(weighted, present);
    }

    /// <inheritdoc />
    public HealthScoreResult Evaluate(ReadOnlySpan<double> componentScores)
    {
        var (weighted, present) = Accumulate(componentScores);
        var score = Finish(weighted, present);
        var contributions = new ComponentContribution[_components.Length];
        var denominator = MissingData.Handling == MissingDataHandling.TreatAsZero ? _totalWeight : present;
        for (var i = 0; i < contributions.Length; i++)
        {
            var s = componentScores[i];
            double? raw = double.IsNaN(s) ? null : s;
            var effectiveWeight = 0.0;
            var points = 0.0;
            if (score.HasScore && (raw is not null || MissingData.Handling == MissingDataHandling.TreatAsZero))
            {
                effectiveWeight = _weights[i] / denominator;
                points = raw is { } r ? _weights[i] * r / denominator : 0;
            }

            contributions[i] = new ComponentContribution(_components[i], raw, effectiveWeight, points);
        }

        return new HealthScoreResult(Name, score, contributions);
    }

    /// <inheritdoc />
    public HealthScoreResult Evaluate(IReadOnlyDictionary<string, double?> componentScores) =>
        Evaluate(HealthComponentScores.ByKey(componentScores, _components, _indexByKey, Name));

    /// <summary>The model's name and components, for example "40-30-30: usage × 0.4, engagement × 0.3, support × 0.3".</summary>
    public override string ToString() =>
        $"{Name}: {string.Join(", ", _components.Select(c => $"{c.Key} × {Guard.Format(c.Weight)}"))}";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private HealthScore Finish(double weighted, double present)
    {
        var coverage = present / _totalWeight;
        if (present <= 0 || coverage < MissingData.MinimumCoverage - CoverageTolerance)
        {
            return HealthScore.TrustedNotEnoughData(Math.Min(coverage, 1));
        }

        var value = weighted / (MissingData.Handling == MissingDataHandling.TreatAsZero ? _totalWeight : present);
        value = Math.Clamp(value, 0, 100);
        return HealthScore.Trusted(value, Bands.BandAt(Bands.RankOf(value)), Math.Min(coverage, 1));
    }

    /// <summary>Checks every score and sums the weighted scores and the weights of the components present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (double Weighted, double Present) Accumulate(ReadOnlySpan<double> componentScores)
    {
        HealthComponentScores.CheckLength(componentScores.Length, _components, Name, nameof(componentScores));
        var weights = _weights;
        var weighted = 0.0;
        var present = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var s = componentScores[i];
            if (s >= 0 && s <= 100)
            {
                weighted += weights[i] * s;
                present += weights[i];
            }
            else if (double.IsNaN(s))
            {
                if (MissingData.Handling == MissingDataHandling.Reject)
                {
                    throw HealthComponentScores.MissingRejected(_components[i], Name, nameof(componentScores));
                }
            }
            else
            {
                throw HealthComponentScores.OutOfRange(_components[i], s, nameof(componentScores));
            }
        }

        return (weighted, present);
    }

    private static List<string> Validate(string name, List<HealthComponent> components)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("the name is empty.");
        }

        if (components.Count == 0)
        {
            problems.Add("it has no components; at least one is needed.");
            return problems;
        }

        var allFinite = true;
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            if (c is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"component #{i} is null."));
                allFinite = false;
                continue;
            }

            if (!double.IsFinite(c.Weight))
            {
                problems.Add($"the weight of component '{c.Key}' is {Guard.Format(c.Weight)}; it must be a finite number.");
                allFinite = false;
            }
            else if (c.Weight < 0)
            {
                problems.Add($"the weight of component '{c.Key}' is {Guard.Format(c.Weight)}; it must be 0 or more.");
            }
        }

        foreach (var group in components.Where(c => c is not null).GroupBy(c => c.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the key '{group.Key}' is used by {group.Count()} components ({string.Join(", ", group.Select(c => c.Key))}); keys must be unique ignoring case."));
        }

        if (allFinite)
        {
            var sum = components.Sum(c => c.Weight);
            if (Math.Abs(sum - 1) > WeightSumTolerance)
            {
                problems.Add($"the weights sum to {Guard.FormatComputed(sum)}; they must sum to 1 (within {Guard.Format(WeightSumTolerance)}).");
            }
        }

        return problems;
    }
}
