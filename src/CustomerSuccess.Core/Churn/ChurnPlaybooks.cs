using System;
using System.Collections.Generic;

namespace CustomerSuccess.Churn;

/// <summary>
/// The churn playbooks of the seeds, built with the public <see cref="Playbook"/> constructor. Where a seed gives the
/// actions without days, the days are ours and are noted on each playbook.
/// </summary>
public static class ChurnPlaybooks
{
    /// <summary>The CS Expert playbook's action for a high churn probability: an executive business review within 1 week.</summary>
    public const string ExecutiveBusinessReviewAction = "Executive business review within 1 week (CSM + Sales Leader): address concerns and demonstrate value";

    /// <summary>The CS Expert playbook's action for a high churn probability: a success-plan reset within 3 days.</summary>
    public const string SuccessPlanResetAction = "Success-plan reset within 3 days (CSM): revisit goals and create a recovery plan";

    /// <summary>The Petra playbook's at-risk playbook (trigger: health below 60): days 1, 3, 7 and 14.</summary>
    public static Playbook AtRisk { get; } = new("At-risk customer", "Petra playbook",
    [
        new(1, "Personal email + offer 1-on-1 call", "CSM", "email"),
        new(3, "Follow-up email with value reminder", "CSM", "email"),
        new(7, "Phone/video call attempt", "CSM", "phone"),
        new(14, "Final outreach + discount offer", "CSM", "email"),
    ]);

    /// <summary>The CS Agent playbook's steps for health 60–79 (days ours): check-in email, extra training, success story, QBR if due.</summary>
    public static Playbook HealthBand60To79 { get; } = new("Health 60-79: proactive outreach", "CS Agent playbook (days ours)",
    [
        new(0, "Send personalized check-in email", "CSM", "email"),
        new(3, "Offer additional training session", "CSM", "meeting"),
        new(7, "Share relevant success story", "CSM", "email"),
        new(14, "Schedule QBR if due", "CSM", "meeting"),
    ]);

    /// <summary>
    /// The CS Agent playbook's steps for health 40–59 (days and owners ours): immediate call, root cause,
    /// escalate to management if needed, recovery plan with milestones, weekly check-ins for 30 days.
    /// </summary>
    public static Playbook HealthBand40To59 { get; } = new("Health 40-59: escalate and recover", "CS Agent playbook (days ours)",
    [
        new(0, "Immediate phone/video call", "CSM", "phone"),
        new(1, "Understand root cause", "CSM", "internal"),
        new(2, "Escalate to management if needed", "CSM", "internal"),
        new(3, "Create recovery plan with milestones", "CSM", "meeting"),
        new(7, "Weekly check-in", "CSM", "meeting"),
        new(14, "Weekly check-in", "CSM", "meeting"),
        new(21, "Weekly check-in", "CSM", "meeting"),
        new(28, "Weekly check-in", "CSM", "meeting"),
    ]);

    /// <summary>
    /// The CS Agent playbook's steps for health 0–39 (days ours): executive-to-executive outreach, extended session, special
    /// pricing, document lessons.
    /// </summary>
    public static Playbook HealthBand0To39 { get; } = new("Health 0-39: save attempt", "CS Agent playbook (days ours)",
    [
        new(0, "Executive-to-executive outreach", "Executive sponsor", "phone"),
        new(2, "On-site or extended virtual session", "CSM", "meeting"),
        new(5, "Special pricing/terms consideration", "Account executive", "meeting"),
        new(14, "Document lessons learned regardless of outcome", "CSM", "internal"),
    ]);

    /// <summary>The CS Expert playbook's steps for a high churn probability: success-plan reset by day 3, executive business review by day 7.</summary>
    public static Playbook HighProbability { get; } = new("High churn probability", "CS Expert playbook",
    [
        new(3, SuccessPlanResetAction, "CSM", "meeting"),
        new(7, ExecutiveBusinessReviewAction, "CSM + Sales Leader", "meeting"),
    ]);

    /// <summary>The CS Expert playbook's steps for declining usage: a usage recovery campaign, immediately.</summary>
    public static Playbook UsageRecovery { get; } = new("Declining usage", "CS Expert playbook",
    [
        new(0, "Usage recovery campaign: re-engagement with training and best practices", "CSM", "campaign"),
    ]);

    /// <summary>The CS Expert playbook's steps for unresolved tickets: a support escalation within 24 hours.</summary>
    public static Playbook SupportEscalation { get; } = new("Unresolved tickets", "CS Expert playbook",
    [
        new(1, "Support escalation: escalate all open tickets and provide a resolution timeline", "Support Manager", "internal"),
    ]);

    /// <summary>
    /// The CS Manager playbook's "managing a churn risk" (days ours): call the main contact at once, diagnose, recovery plan, executive
    /// sponsor if needed, weekly check-ins until mitigated.
    /// </summary>
    public static Playbook ManagingChurnRisk { get; } = new("Managing a churn risk", "CS Manager playbook (days ours)",
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
