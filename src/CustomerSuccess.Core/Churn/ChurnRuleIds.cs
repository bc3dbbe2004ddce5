namespace CustomerSuccess.Churn;

/// <summary>The ids of the built-in early-warning rules, for <see cref="ChurnRiskOptions.DisabledRules"/>.</summary>
public static class ChurnRuleIds
{
    /// <summary>Usage down more than <see cref="ChurnRiskOptions.UsageDeclinePercent"/> (20 %) over 30 days. High; the CS Expert playbook.</summary>
    public const string UsageDecline = "usage-decline";

    /// <summary>Usage down more than <see cref="ChurnRiskOptions.SevereUsageDeclinePercent"/> (50 %). High; the CS Agent playbook.</summary>
    public const string SevereUsageDecline = "severe-usage-decline";

    /// <summary>Feature adoption below <see cref="ChurnRiskOptions.MinimumAdoptionRate"/> (30 %). Medium; the CS Expert playbook.</summary>
    public const string LowAdoption = "low-adoption";

    /// <summary>More than <see cref="ChurnRiskOptions.MaxUnresolvedHighPriorityTickets"/> (2) unresolved high-priority tickets. High; the CS Expert playbook.</summary>
    public const string UnresolvedHighPriorityTickets = "unresolved-high-priority-tickets";

    /// <summary>More than <see cref="ChurnRiskOptions.MaxHighPriorityTicketsLast30Days"/> (2) high-priority tickets in 30 days. Medium; the CS Expert playbook (SQL).</summary>
    public const string HighPriorityTicketSpike = "high-priority-ticket-spike";

    /// <summary>No contact for more than <see cref="ChurnRiskOptions.MaxDaysWithoutContact"/> (30) days. Medium; the CS Expert playbook.</summary>
    public const string NoRecentContact = "no-recent-contact";

    /// <summary>More than <see cref="ChurnRiskOptions.MaxLatePayments"/> (0) late payments: any late payment. High; the CS Expert playbook.</summary>
    public const string LatePayment = "late-payment";

    /// <summary>No login for <see cref="ChurnRiskOptions.DaysWithoutLogin"/> (7) days or more. Medium; the CS Agent playbook.</summary>
    public const string NoRecentLogin = "no-recent-login";

    /// <summary>Last activity more than <see cref="ChurnRiskOptions.MaxDaysInactive"/> (14) days ago. Medium; the CS Expert playbook (SQL).</summary>
    public const string Inactivity = "inactivity";

    /// <summary>An open support escalation. High; the CS Agent playbook.</summary>
    public const string SupportEscalation = "support-escalation";

    /// <summary>The champion is leaving the company. Critical; the CS Agent playbook.</summary>
    public const string ChampionLeaving = "champion-leaving";

    /// <summary>Negative feedback: the latest NPS response is a detractor's (0 to 6). Medium; the CS Agent playbook.</summary>
    public const string NegativeFeedback = "negative-feedback";

    /// <summary>
    /// Renewal within <see cref="ChurnRiskOptions.RenewalWindowDays"/> (90) days and health below
    /// <see cref="ChurnRiskOptions.RenewalHealthThreshold"/> (60). High; the CS Expert playbook (SQL).
    /// </summary>
    public const string RenewalAtRisk = "renewal-at-risk";

    /// <summary>Every built-in rule id, in evaluation order.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> All { get; } = System.Array.AsReadOnly(
    [
        UsageDecline, SevereUsageDecline, LowAdoption, UnresolvedHighPriorityTickets, HighPriorityTicketSpike,
        NoRecentContact, LatePayment, NoRecentLogin, Inactivity, SupportEscalation, ChampionLeaving,
        NegativeFeedback, RenewalAtRisk,
    ]);
}
