using System.Collections.Generic;
using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Expansion;

/// <summary>One expansion opportunity with the CS Expert playbook's score and next steps.</summary>
/// <param name="Type">The kind of opportunity.</param>
/// <param name="Product">What to sell: "Additional user licences", a plan name, a product name.</param>
/// <param name="Trigger">What was seen, for example "42 of 50 seats in use (84%)".</param>
/// <param name="EstimatedAnnualRevenue">The estimated revenue a year.</param>
/// <param name="Probability">The probability of closing, in [0, 1].</param>
/// <param name="TimelineDays">The expected time to close, in days.</param>
/// <param name="Fit">The fit for the account, in [0, 1], or null when unknown (the score then uses 0.7).</param>
/// <param name="Score">The CS Expert playbook's score, in [0, 1].</param>
/// <param name="NextSteps">The CS Expert playbook's next steps for the type.</param>
/// <param name="RecommendedIncrease">How many seats or GB to add, for seat and storage opportunities; otherwise null.</param>
public sealed record ExpansionOpportunity(
    ExpansionOpportunityType Type,
    string Product,
    string Trigger,
    decimal EstimatedAnnualRevenue,
    double Probability,
    int TimelineDays,
    double? Fit,
    double Score,
    IReadOnlyList<string> NextSteps,
    double? RecommendedIncrease = null)
{
    /// <summary>The kind of opportunity.</summary>
    public ExpansionOpportunityType Type { get; init; } = Guard.Defined(Type, nameof(Type));

    /// <summary>What to sell: "Additional user licences", a plan name, a product name.</summary>
    public string Product { get; init; } = Product ?? throw new ArgumentNullException(nameof(Product));

    /// <summary>What was seen, for example "42 of 50 seats in use (84%)".</summary>
    public string Trigger { get; init; } = Trigger ?? throw new ArgumentNullException(nameof(Trigger));

    /// <summary>The CS Expert playbook's next steps for the type.</summary>
    public IReadOnlyList<string> NextSteps { get; init; } = NextSteps ?? throw new ArgumentNullException(nameof(NextSteps));

    /// <summary>Whether it sells the account more (everything but a referral); the value-first gate holds these back.</summary>
    public bool IsUpsell => Upsell(Type);

    /// <summary>Whether opportunities of a type sell more (everything but a referral).</summary>
    internal static bool Upsell(ExpansionOpportunityType type) => type != ExpansionOpportunityType.Referral;
}
