using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// Which customers a model scores: those of a segment (the library's <c>CustomerSegment</c> names, such as
/// "Enterprise", or your own values), of a lifecycle stage, of both, or, naming neither, every customer.
/// </summary>
/// <param name="Name">The profile's name, shown in results. Not empty.</param>
/// <param name="Model">The model that scores the customers it matches.</param>
/// <remarks>Immutable and thread-safe when its model is.</remarks>
public sealed record HealthProfile(string Name, IHealthScoreModel Model)
{
    /// <summary>The profile's name.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name) ? throw new ArgumentException("a health profile needs a name.", nameof(Name)) : Name;

    /// <summary>The model that scores the customers it matches.</summary>
    public IHealthScoreModel Model { get; init; } = Model ?? throw new ArgumentNullException(nameof(Model));

    /// <summary>The segment it matches, compared ignoring case; null: every segment.</summary>
    public string? Segment
    {
        get => _segment;
        init => _segment = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The lifecycle stage it matches; null: every stage.</summary>
    public LifecycleStage? Stage
    {
        get => _stage;
        init => _stage = value is { } stage ? Guard.Defined(stage, nameof(Stage)) : null;
    }

    /// <summary>How specific it is: 3 naming a segment and a stage, 2 a stage, 1 a segment, 0 neither.</summary>
    internal int Specificity => (Stage is null ? 0 : 2) + (Segment is null ? 0 : 1);

    /// <summary>For example "enterprise-onboarding (segment Enterprise, stage Onboarding): 40-30-30".</summary>
    public override string ToString() => $"{Name} ({Describe()}): {Model.Name}";

    internal string Describe() => (Segment, Stage) switch
    {
        (null, null) => "every customer",
        ({ } segment, null) => $"segment {segment}",
        (null, { } stage) => $"stage {stage}",
        ({ } segment, { } stage) => $"segment {segment}, stage {stage}",
    };

    private readonly string? _segment;
    private readonly LifecycleStage? _stage;
}
