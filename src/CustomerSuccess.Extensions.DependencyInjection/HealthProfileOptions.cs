using System.Collections.Generic;
using CustomerSuccess.Health;

namespace CustomerSuccess.DependencyInjection;

/// <summary>A health profile in configuration: a name, the segment and stage it matches, and its model.</summary>
public sealed class HealthProfileOptions
{
    /// <summary>The profile's name, shown in results; required. The profile's model takes it as its name.</summary>
    /// <value>Null.</value>
    public string? Name { get; set; }

    /// <summary>The segment the profile matches (compared ignoring case), or null for every segment.</summary>
    /// <value>Null.</value>
    public string? Segment { get; set; }

    /// <summary>The lifecycle stage the profile matches, by name, or null for every stage.</summary>
    /// <value>Null.</value>
    public LifecycleStage? Stage { get; set; }

    /// <summary>The profile's model, in the format of a model entry (<c>Preset</c> or <c>Weights</c>, <c>BandScheme</c> or <c>Bands</c>, <c>MissingData</c>, <c>MinimumCoverage</c>); required.</summary>
    /// <value>Null.</value>
    public HealthModelOptions? Model { get; set; }
}

/// <summary>A health profile set in configuration: its profiles and, optionally, a default for a customer none matches.</summary>
public sealed class HealthProfileSetOptions
{
    /// <summary>The profiles; at least one, unless <see cref="Default"/> is set.</summary>
    /// <value>Null.</value>
    public List<HealthProfileOptions>? Profiles { get; set; }

    /// <summary>The profile of a customer no other profile matches (it names no segment or stage), or null: such a customer is an error.</summary>
    /// <value>Null.</value>
    public HealthProfileOptions? Default { get; set; }
}
