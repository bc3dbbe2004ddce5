using System;

namespace CustomerSuccess.WorkItems;

/// <summary>A deadline a playbook gives: an item open <paramref name="AfterDays"/> days goes to <paramref name="To"/>.</summary>
/// <param name="AfterDays">Days after the item opened, 0 or more (0: at once).</param>
/// <param name="To">Who takes it over, for example "VP of Customer Success". Not empty.</param>
/// <param name="Source">The playbook that says so, or "ours".</param>
public sealed record WorkItemEscalation(int AfterDays, string To, string Source = "ours")
{
    /// <summary>Days after the item opened.</summary>
    public int AfterDays { get; init; } = AfterDays >= 0 ? AfterDays
        : throw new ArgumentOutOfRangeException(nameof(AfterDays), AfterDays, $"an escalation's days must be 0 or more but were {AfterDays}.");

    /// <summary>Who takes it over.</summary>
    public string To { get; init; } = string.IsNullOrWhiteSpace(To) ? throw new ArgumentException("an escalation must name who takes the item over.", nameof(To)) : To;

    /// <summary>The playbook that says so.</summary>
    public string Source { get; init; } = string.IsNullOrWhiteSpace(Source) ? throw new ArgumentException("an escalation must name its source.", nameof(Source)) : Source;

    /// <summary>
    /// The detractor escalation: a detractor's follow-up not resolved within a week goes to the VP of Customer Success
    /// (CS Expert playbook's NPS follow-up).
    /// </summary>
    public static WorkItemEscalation Detractor { get; } = new(7, "VP of Customer Success", "CS Expert playbook");

    /// <summary>An overdue onboarding task goes to management at once (CS Expert playbook's onboarding plan).</summary>
    public static WorkItemEscalation OverdueOnboardingTask { get; } = new(0, "Management", "CS Expert playbook");
}
