namespace CustomerSuccess.Expansion;

/// <summary>The strong expansion signals of the CS Manager playbook; null means not known, which counts as absent.</summary>
/// <remarks>An immutable record; values are checked by <see cref="ExpansionReadiness.Assess"/>.</remarks>
public sealed record ExpansionReadinessSignals
{
    /// <summary>Share of features adopted, in [0, 1]; present above 0.8.</summary>
    public double? FeatureAdoptionRate { get; init; }

    /// <summary>Number of champions, 0 or more; with <see cref="ExecutiveSupport"/>, present at 2 or more.</summary>
    public int? Champions { get; init; }

    /// <summary>Whether an executive supports the product.</summary>
    public bool? ExecutiveSupport { get; init; }

    /// <summary>The account's NPS, in [−100, 100]; present above 50.</summary>
    public double? Nps { get; init; }

    /// <summary>Whether the ROI is documented.</summary>
    public bool? RoiDocumented { get; init; }

    /// <summary>Whether the budget holder is asking about more.</summary>
    public bool? BudgetHolderAsking { get; init; }

    /// <summary>Whether new use cases are appearing.</summary>
    public bool? NewUseCases { get; init; }

    /// <summary>Whether users request features of a higher tier.</summary>
    public bool? HigherTierFeatureRequests { get; init; }
}
