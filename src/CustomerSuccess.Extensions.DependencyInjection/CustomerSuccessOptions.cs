using System;
using System.Collections.Generic;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using CustomerSuccess.Onboarding;

namespace CustomerSuccess.DependencyInjection;

/// <summary>
/// Everything <c>AddCustomerSuccess</c> registers, bindable from a configuration section (by convention
/// "CustomerSuccess") and validated when the host starts. Every default equals the core library's.
/// </summary>
public sealed class CustomerSuccessOptions
{
    /// <summary>The conventional configuration section: "CustomerSuccess".</summary>
    public const string SectionName = "CustomerSuccess";

    /// <summary>The model resolved as the default <c>IHealthScoreModel</c>: a name of <see cref="HealthModels"/> or a preset name.</summary>
    /// <value>"40-30-30" (Petra playbook's model).</value>
    public string DefaultHealthModel { get; set; } = "40-30-30";

    /// <summary>Named health models, resolvable as keyed services and through <see cref="IHealthScoreModelProvider"/>. Names ignore case.</summary>
    /// <value>Empty: every preset is still resolvable by its own name.</value>
    public Dictionary<string, HealthModelOptions> HealthModels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Churn rules, thresholds, weights and levels.</summary>
    /// <value>The core defaults (<see cref="ChurnRiskOptions"/>).</value>
    public ChurnRiskOptions Churn { get; set; } = new();

    /// <summary>Expansion thresholds, probabilities, timelines, score weights and the value-first gate.</summary>
    /// <value>The core defaults (<see cref="ExpansionOptions"/>).</value>
    public ExpansionOptions Expansion { get; set; } = new();

    /// <summary>Onboarding status thresholds and the CS Manager playbook's checks.</summary>
    /// <value>The core defaults (<see cref="OnboardingTrackerOptions"/>).</value>
    public OnboardingTrackerOptions Onboarding { get; set; } = new();

    /// <summary>NPS interval defaults and survey cadence.</summary>
    /// <value>The core defaults.</value>
    public NpsOptions Nps { get; set; } = new();

    /// <summary>Renewal playbook, window and forecast probabilities.</summary>
    /// <value>The core defaults.</value>
    public RenewalOptions Renewals { get; set; } = new();
}
