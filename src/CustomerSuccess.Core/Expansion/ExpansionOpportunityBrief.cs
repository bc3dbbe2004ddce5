using System;
using System.Collections.Generic;

namespace CustomerSuccess.Expansion;

/// <summary>
/// An expansion opportunity without its trigger text: every figure of <see cref="ExpansionOpportunity"/> but
/// <see cref="ExpansionOpportunity.Trigger"/>. What <see cref="ExpansionOpportunityScorer.BestBrief"/> returns, for
/// callers that look at many accounts and show only what to sell; it allocates nothing.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Only the scorer makes briefs; <c>default</c> reads as a <see cref="ExpansionOpportunityType.Seats"/>
/// opportunity with an empty product, no next steps and figures of 0.
/// </remarks>
public readonly struct ExpansionOpportunityBrief
{
    private readonly string? _product;
    private readonly IReadOnlyList<string>? _nextSteps;

    internal ExpansionOpportunityBrief(
        ExpansionOpportunityType type,
        string product,
        decimal estimatedAnnualRevenue,
        double probability,
        int timelineDays,
        double? fit,
        double score,
        IReadOnlyList<string> nextSteps,
        double? recommendedIncrease)
    {
        Type = type;
        _product = product;
        EstimatedAnnualRevenue = estimatedAnnualRevenue;
        Probability = probability;
        TimelineDays = timelineDays;
        Fit = fit;
        Score = score;
        _nextSteps = nextSteps;
        RecommendedIncrease = recommendedIncrease;
    }

    /// <summary>The kind of opportunity: <see cref="ExpansionOpportunity.Type"/>.</summary>
    public ExpansionOpportunityType Type { get; }

    /// <summary>What to sell: <see cref="ExpansionOpportunity.Product"/>.</summary>
    public string Product => _product ?? string.Empty;

    /// <summary>The estimated revenue a year: <see cref="ExpansionOpportunity.EstimatedAnnualRevenue"/>.</summary>
    public decimal EstimatedAnnualRevenue { get; }

    /// <summary>The probability of closing, in [0, 1]: <see cref="ExpansionOpportunity.Probability"/>.</summary>
    public double Probability { get; }

    /// <summary>The expected time to close, in days: <see cref="ExpansionOpportunity.TimelineDays"/>.</summary>
    public int TimelineDays { get; }

    /// <summary>The fit for the account, in [0, 1], or null when unknown: <see cref="ExpansionOpportunity.Fit"/>.</summary>
    public double? Fit { get; }

    /// <summary>The CS Expert playbook's score, in [0, 1]: <see cref="ExpansionOpportunity.Score"/>.</summary>
    public double Score { get; }

    /// <summary>The CS Expert playbook's next steps for the type: <see cref="ExpansionOpportunity.NextSteps"/>.</summary>
    public IReadOnlyList<string> NextSteps => _nextSteps ?? Array.Empty<string>();

    /// <summary>How many seats or GB to add, or null: <see cref="ExpansionOpportunity.RecommendedIncrease"/>.</summary>
    public double? RecommendedIncrease { get; }

    /// <summary>Whether it sells the account more (everything but a referral): <see cref="ExpansionOpportunity.IsUpsell"/>.</summary>
    public bool IsUpsell => ExpansionOpportunity.Upsell(Type);
}
