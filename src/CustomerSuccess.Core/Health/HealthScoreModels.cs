using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Health;

/// <summary>
/// The health score models the customer-success playbooks define, each built with the public
/// <see cref="WeightedHealthScoreModel"/> constructor exactly as a user would build their own, with the
/// default <see cref="MissingDataPolicy"/>.
/// </summary>
/// <remarks>Every model here is immutable and thread-safe.</remarks>
public static class HealthScoreModels
{
    /// <summary>
    /// The Petra playbook, "Health Score = (Usage x 0.4) + (Engagement x 0.3) + (Support x 0.3)": usage 0.40,
    /// engagement 0.30, support 0.30. Bands: <see cref="HealthBandSchemes.HealthyNeutralAtRiskCritical"/> (Petra playbook).
    /// Name "40-30-30".
    /// </summary>
    public static WeightedHealthScoreModel UsageEngagementSupport { get; } = new(
        "40-30-30",
        [
            new HealthComponent("usage", "Usage", 0.40),
            new HealthComponent("engagement", "Engagement", 0.30),
            new HealthComponent("support", "Support", 0.30),
        ],
        HealthBandSchemes.HealthyNeutralAtRiskCritical);

    /// <summary>
    /// The CS Manager playbook: product adoption 0.40, engagement 0.30, sentiment 0.20, business outcomes 0.10.
    /// Bands: <see cref="HealthBandSchemes.GreenYellowRed"/> (CS Manager playbook). Name "40-30-20-10-adoption".
    /// </summary>
    public static WeightedHealthScoreModel AdoptionEngagementSentimentOutcomes { get; } = new(
        "40-30-20-10-adoption",
        [
            new HealthComponent("productAdoption", "Product Adoption", 0.40),
            new HealthComponent("engagement", "Engagement", 0.30),
            new HealthComponent("sentiment", "Sentiment", 0.20),
            new HealthComponent("businessOutcomes", "Business Outcomes", 0.10),
        ],
        HealthBandSchemes.GreenYellowRed);

    /// <summary>
    /// The CS Expert playbook (SQL): usage 0.40, adoption 0.30, support 0.20, engagement 0.10, each derived from raw metrics by
    /// <see cref="ProductMetricsRubric.Seed003"/>. The CS Expert playbook defines no bands; the model uses
    /// <see cref="HealthBandSchemes.GreenYellowRed"/> (CS Manager playbook), whose red line at 60 matches the CS Expert playbook's
    /// "health score below 60" risk rule. Name "40-30-20-10-metrics".
    /// </summary>
    public static WeightedHealthScoreModel UsageAdoptionSupportEngagement { get; } = new(
        "40-30-20-10-metrics",
        [
            new HealthComponent("usage", "Usage", 0.40),
            new HealthComponent("adoption", "Adoption", 0.30),
            new HealthComponent("support", "Support", 0.20),
            new HealthComponent("engagement", "Engagement", 0.10),
        ],
        HealthBandSchemes.GreenYellowRed);

    /// <summary>
    /// The CS Specialist playbook: usage 0.30, support 0.20, engagement 0.20, billing 0.15, outcomes 0.15, banded with the
    /// playbook's own three categories (<see cref="HealthBandSchemes.HealthyAtRiskCritical"/>: Healthy, At Risk,
    /// Critical; thresholds ours). Name "30-20-20-15-15".
    /// </summary>
    public static WeightedHealthScoreModel UsageSupportEngagementBillingOutcomes { get; } = new(
        "30-20-20-15-15",
        [
            new HealthComponent("usage", "Usage", 0.30),
            new HealthComponent("support", "Support Activity", 0.20),
            new HealthComponent("engagement", "Engagement", 0.20),
            new HealthComponent("billing", "Billing Health", 0.15),
            new HealthComponent("outcomes", "Outcomes", 0.15),
        ],
        HealthBandSchemes.HealthyAtRiskCritical);

    /// <summary>
    /// The CS Agent playbook: product usage 0.40, engagement 0.25, outcomes 0.25, relationship 0.10.
    /// Bands: <see cref="HealthBandSchemes.HealthyAtRiskUnhealthyCritical"/> (CS Agent playbook). Name "40-25-25-10".
    /// </summary>
    public static WeightedHealthScoreModel UsageEngagementOutcomesRelationship { get; } = new(
        "40-25-25-10",
        [
            new HealthComponent("productUsage", "Product Usage", 0.40),
            new HealthComponent("engagement", "Engagement", 0.25),
            new HealthComponent("outcomes", "Outcomes", 0.25),
            new HealthComponent("relationship", "Relationship", 0.10),
        ],
        HealthBandSchemes.HealthyAtRiskUnhealthyCritical);

    /// <summary>
    /// The CS Agent playbook signals: login frequency 0.20, feature adoption 0.25, key action frequency 0.25, support sentiment
    /// 0.15, engagement 0.15, each rated green, yellow or red and turned into points by
    /// <see cref="RatingRubric.Default"/> (see <see cref="SignalRatings"/>).
    /// Bands: <see cref="HealthBandSchemes.HealthyAtRiskUnhealthyCritical"/> (CS Agent playbook). Name "20-25-25-15-15-signals".
    /// </summary>
    public static WeightedHealthScoreModel Signals { get; } = new(
        "20-25-25-15-15-signals",
        [
            new HealthComponent("loginFrequency", "Login Frequency", 0.20),
            new HealthComponent("featureAdoption", "Feature Adoption", 0.25),
            new HealthComponent("keyActionFrequency", "Key Action Frequency", 0.25),
            new HealthComponent("supportSentiment", "Support Sentiment", 0.15),
            new HealthComponent("engagement", "Engagement Score", 0.15),
        ],
        HealthBandSchemes.HealthyAtRiskUnhealthyCritical);

    /// <summary>Every preset model, in the order of the playbooks (Petra, CS Manager, CS Expert, CS Specialist, CS Agent).</summary>
    public static IReadOnlyList<WeightedHealthScoreModel> All { get; } = Array.AsReadOnly(
    [
        UsageEngagementSupport,
        AdoptionEngagementSentimentOutcomes,
        UsageAdoptionSupportEngagement,
        UsageSupportEngagementBillingOutcomes,
        UsageEngagementOutcomesRelationship,
        Signals,
    ]);

    /// <summary>Finds a preset model by name, ignoring case.</summary>
    /// <param name="name">A preset name such as "40-30-30".</param>
    /// <param name="model">The model when found; otherwise null.</param>
    /// <returns>Whether a preset of that name exists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WeightedHealthScoreModel? model)
    {
        ArgumentNullException.ThrowIfNull(name);
        model = All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        return model is not null;
    }

    /// <summary>The preset model of that name, ignoring case.</summary>
    /// <param name="name">A preset name such as "40-30-30".</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">No preset has that name; the message lists the valid names.</exception>
    public static WeightedHealthScoreModel Get(string name) =>
        TryGet(name, out var model)
            ? model
            : throw new ArgumentException(
                $"there is no health score model preset named '{name}'; valid names: {string.Join(", ", All.Select(m => m.Name))}.",
                nameof(name));
}
