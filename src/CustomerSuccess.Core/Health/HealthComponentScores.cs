using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>Component scores given by key, put in model order: what every model's keyed <c>Evaluate</c> shares.</summary>
internal static class HealthComponentScores
{
    /// <summary>The scores in model order, NaN where missing; an unknown key, a key given twice or a score out of range throws.</summary>
    internal static double[] ByKey(IReadOnlyDictionary<string, double?> componentScores, HealthComponent[] components, FrozenDictionary<string, int> indexByKey, string modelName)
    {
        ArgumentNullException.ThrowIfNull(componentScores);
        var scores = new double[components.Length];
        scores.AsSpan().Fill(double.NaN);
        var given = new bool[components.Length];
        List<string>? unknown = null;
        foreach (var (key, value) in componentScores)
        {
            if (key is null || !indexByKey.TryGetValue(key, out var index))
            {
                (unknown ??= []).Add(key ?? "(null)");
                continue;
            }

            if (given[index])
            {
                throw new ArgumentException(
                    $"two keys name component '{components[index].Key}' (keys are matched ignoring case).",
                    nameof(componentScores));
            }

            given[index] = true;
            if (value is { } v)
            {
                if (!(v >= 0 && v <= 100))
                {
                    throw Guard.OutOfRange(v, 0, 100, $"component '{components[index].Key}' score", nameof(componentScores));
                }

                scores[index] = v;
            }
        }

        if (unknown is not null)
        {
            throw new ArgumentException(
                $"model '{modelName}' has no component {string.Join(", ", unknown.Select(k => $"'{k}'"))}; its components are {string.Join(", ", components.Select(c => c.Key))}.",
                nameof(componentScores));
        }

        return scores;
    }
}
