using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Health;

namespace CustomerSuccess.Cli;

/// <summary>
/// What scores a run's rows: one health model (<c>--model</c>), or a profile set (<c>--profiles</c>) whose models
/// share one band scheme. Its component columns are every model's, each once (ignoring case); each model reads its own
/// through a map. Immutable and thread-safe.
/// </summary>
internal sealed class RunModels
{
    private readonly IHealthScoreModel[] _models;
    private readonly string?[] _profileNames;
    private readonly int[][] _maps;
    private readonly bool[] _rejectsMissing;

    private RunModels(string name, HealthProfileSet? profiles, IHealthScoreModel[] models, string?[] profileNames)
    {
        Name = name;
        Profiles = profiles;
        _models = models;
        _profileNames = profileNames;
        var keys = new List<string>();
        var descriptions = new List<string>();
        foreach (var model in models)
        {
            foreach (var c in model.Components)
            {
                if (!keys.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
                {
                    keys.Add(c.Key);
                    descriptions.Add(Describe(c));
                }
            }
        }

        ComponentKeys = keys;
        ComponentDescriptions = descriptions;
        _maps = [.. models.Select(m => m.Components.Select(c => keys.FindIndex(k => string.Equals(k, c.Key, StringComparison.OrdinalIgnoreCase))).ToArray())];
        _rejectsMissing = [.. models.Select(m => m.MissingData.Handling == MissingDataHandling.Reject)];
        MaxComponents = models.Max(m => m.Components.Count);
        Bands = models[0].Bands;

        // A component's column: its weight in the model, or, with profiles, in each profile's model that has it.
        string Describe(HealthComponent c)
        {
            if (profiles is null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{c.DisplayName} score, 0 to 100 (weight {c.Weight:0.##})");
            }

            var weights = new List<string>();
            for (var i = 0; i < models.Length; i++)
            {
                foreach (var x in models[i].Components.Where(x => string.Equals(x.Key, c.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    weights.Add(string.Create(CultureInfo.InvariantCulture, $"{profileNames[i]} {x.Weight:0.##}"));
                }
            }

            return $"{c.DisplayName} score, 0 to 100 (profiles: {string.Join(", ", weights)})";
        }
    }

    /// <summary>The model's name, or the profile set's (its file's name) with its profiles, for reports.</summary>
    public string Name { get; }

    /// <summary>The profile set, or null for one model.</summary>
    public HealthProfileSet? Profiles { get; }

    /// <summary>The band scheme every row's score is banded by.</summary>
    public HealthBandScheme Bands { get; }

    /// <summary>The component columns: every model's component keys, each once, in the order the models name them.</summary>
    public IReadOnlyList<string> ComponentKeys { get; }

    /// <summary>Each component column's description, for <c>fields</c> and messages.</summary>
    public IReadOnlyList<string> ComponentDescriptions { get; }

    /// <summary>The most components a model has: the scratch a row needs to score.</summary>
    public int MaxComponents { get; }

    /// <summary>One model scores every row.</summary>
    public static RunModels Single(IHealthScoreModel model) => new(model.Name, null, [model], [null]);

    /// <summary>
    /// A profile set scores the rows. Refused when its models' band schemes differ: a portfolio's figures count
    /// customers per band and share one notion of the best band.
    /// </summary>
    public static RunModels Of(HealthProfileSet profiles, string name)
    {
        var all = profiles.Profiles.Concat(profiles.Default is { } d ? [d] : []).ToArray();
        var first = all[0];
        foreach (var p in all.Skip(1).Where(p => !SameBands(p.Model.Bands, first.Model.Bands)))
        {
            throw new UsageException(
                $"profiles file '{name}': the profiles '{first.Name}' and '{p.Name}' band their scores differently ({Show(first.Model.Bands)}; {Show(p.Model.Bands)}); a portfolio's figures count customers per band, so every profile's model needs the same bands: set the same \"BandScheme\" or \"Bands\" in each.");
        }

        return new RunModels($"{System.IO.Path.GetFileNameWithoutExtension(name)} ({string.Join(", ", all.Select(p => $"{p.Name}: {p.Model.Name}"))})", profiles, [.. all.Select(p => p.Model)], [.. all.Select(p => p.Name)]);
    }

    /// <summary>The model of index <paramref name="index"/>.</summary>
    public IHealthScoreModel Model(int index) => _models[index];

    /// <summary>The profile of index <paramref name="index"/>'s name, or null for a single model.</summary>
    public string? ProfileName(int index) => _profileNames[index];

    /// <summary>Where each of the model's components sits among <see cref="ComponentKeys"/>.</summary>
    public ReadOnlySpan<int> Map(int index) => _maps[index];

    /// <summary>Whether the model rejects a missing component: such a row is a bad row.</summary>
    public bool RejectsMissing(int index) => _rejectsMissing[index];

    /// <summary>
    /// Scores a row's components (one per <see cref="ComponentKeys"/>) with the model of index <paramref name="index"/>,
    /// gathering its own into <paramref name="scratch"/> (at least <see cref="MaxComponents"/> long) when it is not the
    /// only model.
    /// </summary>
    public HealthScore Score(int index, ReadOnlySpan<double> components, Span<double> scratch)
    {
        if (Profiles is null)
        {
            return _models[0].Score(components);
        }

        var map = _maps[index];
        for (var c = 0; c < map.Length; c++)
        {
            scratch[c] = components[map[c]];
        }

        return _models[index].Score(scratch[..map.Length]);
    }

    private static bool SameBands(HealthBandScheme x, HealthBandScheme y) =>
        x.Bands.Count == y.Bands.Count && x.Bands.Zip(y.Bands).All(p => p.First.Label == p.Second.Label && p.First.LowerBound.Equals(p.Second.LowerBound));

    private static string Show(HealthBandScheme bands) =>
        string.Join(", ", bands.Bands.Reverse().Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Label} {b.LowerBound:0.##}")));
}
