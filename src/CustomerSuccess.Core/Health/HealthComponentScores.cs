using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>The checks of component scores that every model shares, and scores given by key put in model order.</summary>
internal static class HealthComponentScores
{
    /// <summary>Throws when a model of <paramref name="components"/> is given another number of scores.</summary>
    internal static void CheckLength(int given, HealthComponent[] components, string modelName, string paramName)
    {
        if (given != components.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"model '{modelName}' has {components.Length} components ({string.Join(", ", components.Select(c => c.Key))}) but {given} scores were given."),
                paramName);
        }
    }

    /// <summary>A component's score outside [0, 100].</summary>
    internal static ArgumentOutOfRangeException OutOfRange(HealthComponent component, double value, string paramName) =>
        Guard.OutOfRange(value, 0, 100, $"component '{component.Key}' score", paramName);

    /// <summary>A missing component under a rejecting policy.</summary>
    internal static ArgumentException MissingRejected(HealthComponent component, string modelName, string paramName) =>
        new($"component '{component.Key}' is missing and model '{modelName}' rejects missing data.", paramName);

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
                    throw OutOfRange(components[index], v, nameof(componentScores));
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
