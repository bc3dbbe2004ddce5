using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerSuccess.Tests.TestSupport;

/// <summary>Generators of health models and component scores.</summary>
internal static class HealthGen
{
    /// <summary>A component score in [0, 100] with four decimals, hitting 0, 100 and the band bounds often.</summary>
    public static Gen<double> Score { get; } = Gen.Frequency(
        (1, Gen.Elements(0.0, 100.0, 40.0, 60.0, 80.0)),
        (9, Gen.Choose(0, 1_000_000).Select(i => i / 10_000.0)));

    /// <summary>A component score, or NaN (missing) one time in five.</summary>
    public static Gen<double> ScoreOrMissing { get; } = Gen.Frequency((1, Gen.Constant(double.NaN)), (4, Score));

    /// <summary>The missing-data policies the generated models use.</summary>
    public static Gen<MissingDataPolicy> Policy { get; } = Gen.Elements(
        MissingDataPolicy.Default,
        new MissingDataPolicy(MissingDataHandling.Renormalize, 0),
        new MissingDataPolicy(MissingDataHandling.TreatAsZero, 0),
        new MissingDataPolicy(MissingDataHandling.TreatAsZero, 0.5));

    /// <summary>A random valid model: 1 to 7 components with random weights summing to 1, a preset band scheme and a policy.</summary>
    public static Gen<WeightedHealthScoreModel> RandomModel { get; } =
        from count in Gen.Choose(1, 7)
        from raw in Gen.ArrayOf(Gen.Choose(0, 1000), count)
        from bands in Gen.Elements(HealthBandSchemes.All.ToArray())
        from policy in Policy
        select Build(raw, bands, policy);

    /// <summary>A preset model or a random one, half and half.</summary>
    public static Gen<WeightedHealthScoreModel> Model { get; } =
        Gen.OneOf(Gen.Elements(HealthScoreModels.All.ToArray()), RandomModel);

    /// <summary>A model with positional scores (some missing) that fit it.</summary>
    public static Gen<(WeightedHealthScoreModel Model, double[] Scores)> ModelWithScores(Gen<double> score) =>
        from model in Model
        from scores in Gen.ArrayOf(score, model.Components.Count)
        select (model, scores);

    /// <summary>The same scores by key; missing ones are left out or given as null, alternately.</summary>
    public static IReadOnlyDictionary<string, double?> ByKey(IHealthScoreModel model, double[] scores)
    {
        var byKey = new Dictionary<string, double?>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsNaN(scores[i]))
            {
                byKey[model.Components[i].Key] = scores[i];
            }
            else if (i % 2 == 0)
            {
                byKey[model.Components[i].Key] = null;
            }
        }

        return byKey;
    }

    private static WeightedHealthScoreModel Build(int[] raw, HealthBandScheme bands, MissingDataPolicy policy)
    {
        if (raw.All(r => r == 0))
        {
            raw[0] = 1;
        }

        double total = raw.Sum();
        var components = raw.Select((r, i) => new HealthComponent($"c{i}", $"Component {i}", r / total));
        return new WeightedHealthScoreModel("random", components, bands, policy);
    }
}
