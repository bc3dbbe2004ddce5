using System;
using System.Collections.Generic;

namespace CustomerSuccess.Churn;

/// <summary>
/// The churn playbooks of the seeds, built with the public <see cref="Playbook"/> constructor. Where a seed gives the
/// actions without days, the days are ours and are noted on each playbook.
/// </summary>
public static class ChurnPlaybooks
{
    /// <summary>Seed 003's action for a high churn probability: an executive business review within 1 week.</summary>
    public const string ExecutiveBusinessReviewAction = "Executive business review within 1 week";

    /// <summary>Seed 003's action for a high churn probability: a success-plan reset within 3 days.</summary>
    public const string SuccessPlanResetAction = "Success-plan reset within 3 days";

    /// <summary>Seed 000's at-risk playbook (trigger: health below 60): days 1, 3, 7 and 14.</summary>
    public static Playbook AtRisk { get; } = new("At-risk customer", "seed 000",
    [
        new(1, "Personal email and offer of a 1-on-1 call", "CSM", "email"),
        new(3, "Follow-up email with a value reminder", "CSM", "email"),
        new(7, "Phone or video call attempt", "CSM", "phone"),
        new(14, "Final outreach with a discount offer", "CSM", "email"),
    ]);

    /// <summary>Seed 004's playbook for health 60–79 (days ours): check-in email, extra training, success story, QBR if due.</summary>
    public static Playbook HealthBand60To79 { get; } = new("Health 60-79: proactive outreach", "seed 004 (days ours)",
    [
        new(0, "Check-in email", "CSM", "email"),
        new(3, "Offer extra training", "CSM", "meeting"),
        new(7, "Share a relevant success story", "CSM", "email"),
        new(14, "Quarterly business review if due", "CSM", "meeting"),
    ]);

    /// <summary>
    /// Seed 004's playbook for health 40–59 (days ours): call now, root cause, escalate, recovery plan with milestones,
    /// weekly check-ins for 30 days.
    /// </summary>
    public static Playbook HealthBand40To59 { get; } = new("Health 40-59: escalate and recover", "seed 004 (days ours)",
    [
        new(0, "Call the customer now", "CSM", "phone"),
        new(1, "Root-cause analysis", "CSM", "internal"),
        new(2, "Escalate internally", "CSM", "internal"),
        new(3, "Recovery plan with milestones agreed", "CSM", "meeting"),
        new(7, "Weekly check-in", "CSM", "meeting"),
        new(14, "Weekly check-in", "CSM", "meeting"),
        new(21, "Weekly check-in", "CSM", "meeting"),
        new(28, "Weekly check-in", "CSM", "meeting"),
    ]);

    /// <summary>
    /// Seed 004's playbook for health 0–39 (days ours): executive-to-executive outreach, extended session, special
    /// pricing, document lessons.
    /// </summary>
    public static Playbook HealthBand0To39 { get; } = new("Health 0-39: save attempt", "seed 004 (days ours)",
    [
        new(0, "Executive-to-executive outreach", "Executive sponsor", "phone"),
        new(2, "Extended working session", "CSM", "meeting"),
        new(5, "Special pricing offer if appropriate", "Account executive", "meeting"),
        new(14, "Document the lessons learned", "CSM", "internal"),
    ]);

    /// <summary>Seed 003's playbook for a high churn probability: success-plan reset by day 3, executive business review by day 7.</summary>
    public static Playbook HighProbability { get; } = new("High churn probability", "seed 003",
    [
        new(3, SuccessPlanResetAction, "CSM", "meeting"),
        new(7, ExecutiveBusinessReviewAction, "CSM and executive sponsor", "meeting"),
    ]);

    /// <summary>Seed 003's playbook for declining usage: a usage recovery campaign, immediately.</summary>
    public static Playbook UsageRecovery { get; } = new("Declining usage", "seed 003",
    [
        new(0, "Usage recovery campaign", "CSM", "campaign"),
    ]);

    /// <summary>Seed 003's playbook for unresolved tickets: a support escalation within 24 hours.</summary>
    public static Playbook SupportEscalation { get; } = new("Unresolved tickets", "seed 003",
    [
        new(1, "Support escalation", "Support lead", "internal"),
    ]);

    /// <summary>
    /// Seed 001's "managing a churn risk" (days ours): call the main contact at once, diagnose, recovery plan, executive
    /// sponsor if needed, weekly check-ins until mitigated.
    /// </summary>
    public static Playbook ManagingChurnRisk { get; } = new("Managing a churn risk", "seed 001 (days ours)",
    [
        new(0, "Call the main contact", "CSM", "phone"),
        new(1, "Diagnose the root cause", "CSM", "internal"),
        new(3, "Recovery plan agreed", "CSM", "meeting"),
        new(5, "Bring in an executive sponsor if needed", "CS leadership", "meeting"),
        new(7, "Weekly check-in until mitigated", "CSM", "meeting"),
    ]);

    /// <summary>Every preset playbook.</summary>
    public static IReadOnlyList<Playbook> All { get; } = Array.AsReadOnly(
    [
        AtRisk, HealthBand60To79, HealthBand40To59, HealthBand0To39, HighProbability, UsageRecovery, SupportEscalation, ManagingChurnRisk,
    ]);
}
