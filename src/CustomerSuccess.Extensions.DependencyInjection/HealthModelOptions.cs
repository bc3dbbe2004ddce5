using System.Collections.Generic;
using CustomerSuccess.Health;

namespace CustomerSuccess.DependencyInjection;

/// <summary>
/// A health model in configuration: a preset by name, or components with weights; optionally other bands and another
/// missing-data policy.
/// </summary>
public sealed class HealthModelOptions
{
    /// <summary>The name of a preset model (see <see cref="HealthScoreModels.All"/>); set this or <see cref="Weights"/>.</summary>
    /// <value>Null.</value>
    public string? Preset { get; set; }

    /// <summary>
    /// Component keys and weights (summing to 1); set this or <see cref="Preset"/>. Configuration does not keep key
    /// order, so the model's components (the order of positional inputs) are in key order, ordinal ignoring case.
    /// </summary>
    /// <value>Null.</value>
    public Dictionary<string, double>? Weights { get; set; }

    /// <summary>The name of a preset band scheme (see <see cref="HealthBandSchemes.All"/>); or set <see cref="Bands"/>.</summary>
    /// <value>Null: the preset's bands, or the Petra playbook's for a model defined by weights.</value>
    public string? BandScheme { get; set; }

    /// <summary>Bands of your own.</summary>
    /// <value>Null.</value>
    public List<HealthBandOptions>? Bands { get; set; }

    /// <summary>What to do with missing components.</summary>
    /// <value>Null: <see cref="MissingDataHandling.Renormalize"/>.</value>
    public MissingDataHandling? MissingData { get; set; }

    /// <summary>The minimum coverage for a score, in [0, 1].</summary>
    /// <value>Null: <see cref="MissingDataPolicy.DefaultMinimumCoverage"/> (0.5).</value>
    public double? MinimumCoverage { get; set; }

    /// <summary>A model built in code; when set, every other property is ignored. Not bindable from configuration.</summary>
    /// <value>Null.</value>
    public IHealthScoreModel? Instance { get; set; }
}
