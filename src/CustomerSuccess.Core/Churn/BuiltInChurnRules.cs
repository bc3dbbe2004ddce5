using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Churn;

/// <summary>The built-in early-warning rules of DOMAIN §2, with their thresholds taken from options.</summary>
internal static class BuiltInChurnRules
{
    internal static IReadOnlyList<IChurnRiskRule> Create(ChurnRiskOptions o)
    {
        // Copy every threshold into a local so the rules never read the (mutable) options again.
        var usageDecline = o.UsageDeclinePercent;
        var severeDecline = o.SevereUsageDeclinePercent;
        var minimumAdoption = o.MinimumAdoptionRate;
        var maxUnresolved = o.MaxUnresolvedHighPriorityTickets;
        var maxSpike = o.MaxHighPriorityTicketsLast30Days;
        var maxNoContact = o.MaxDaysWithoutContact;
        var maxLate = o.MaxLatePayments;
        var loginDays = o.DaysWithoutLogin;
        var maxInactive = o.MaxDaysInactive;
        var maxEscalations = o.MaxOpenEscalations;
        var negativeMax = o.NegativeFeedbackMaximum;
        var renewalWindow = o.RenewalWindowDays;
        var renewalHealth = o.RenewalHealthThreshold;

        return
        [
            new SignalRule(ChurnRuleIds.UsageDecline, ChurnSeverity.High, "Usage recovery campaign (immediately)",
                s => s.UsageChangePercent is { } c && -c > usageDecline ? Text($"usage down {-c:0.#} % in the last 30 days") : null),
            new SignalRule(ChurnRuleIds.SevereUsageDecline, ChurnSeverity.High, "Discovery call to find the cause of the decline",
                s => s.UsageChangePercent is { } c && -c > severeDecline ? Text($"usage down {-c:0.#} %, more than {severeDecline:0.#} %") : null),
            new SignalRule(ChurnRuleIds.LowAdoption, ChurnSeverity.Medium, "Adoption session and training on key features",
                s => s.FeatureAdoptionRate is { } a && a < minimumAdoption ? Text($"feature adoption at {a:0.#%}, below {minimumAdoption:0.#%}") : null),
            new SignalRule(ChurnRuleIds.UnresolvedHighPriorityTickets, ChurnSeverity.High, "Support escalation within 24 hours",
                s => s.UnresolvedHighPriorityTickets is { } t && t > maxUnresolved ? Text($"{t} unresolved high-priority tickets") : null),
            new SignalRule(ChurnRuleIds.HighPriorityTicketSpike, ChurnSeverity.Medium, "Review the ticket trend with support",
                s => s.HighPriorityTicketsLast30Days is { } t && t > maxSpike ? Text($"{t} high-priority tickets in the last 30 days") : null),
            new SignalRule(ChurnRuleIds.NoRecentContact, ChurnSeverity.Medium, "Personal outreach to the main contact",
                s => s.LastContactDate is { } d && s.DaysSince(d) > maxNoContact ? Text($"no contact for {s.DaysSince(d)} days") : null),
            new SignalRule(ChurnRuleIds.LatePayment, ChurnSeverity.High, "Review billing with finance and the customer",
                s => s.LatePayments is { } n && n > maxLate ? Text($"{n} late payment{(n == 1 ? string.Empty : "s")}") : null),
            new SignalRule(ChurnRuleIds.NoRecentLogin, ChurnSeverity.Medium, "Check-in email",
                s => s.LastLoginDate is { } d && s.DaysSince(d) >= loginDays ? Text($"no login for {s.DaysSince(d)} days") : null),
            new SignalRule(ChurnRuleIds.Inactivity, ChurnSeverity.Medium, "Re-engagement outreach",
                s => s.LastActivityDate is { } d && s.DaysSince(d) > maxInactive ? Text($"no activity for {s.DaysSince(d)} days") : null),
            new SignalRule(ChurnRuleIds.SupportEscalation, ChurnSeverity.High, "CSM outreach on the escalation",
                s => s.OpenEscalations is { } n && n > maxEscalations ? Text($"{n} open support escalation{(n == 1 ? string.Empty : "s")}") : null),
            new SignalRule(ChurnRuleIds.ChampionLeaving, ChurnSeverity.Critical, "Find a new champion",
                s => s.ChampionLeaving == true ? "the champion is leaving the company" : null),
            new SignalRule(ChurnRuleIds.NegativeFeedback, ChurnSeverity.Medium, "Personal outreach on the feedback",
                s => s.LatestNpsResponse is { } r && r <= negativeMax ? Text($"negative feedback: NPS response {r}") : null),
            new SignalRule(ChurnRuleIds.RenewalAtRisk, ChurnSeverity.High, "Executive business review before the renewal",
                s => s.RenewalDate is { } r && s.HealthScore is { } h && h < renewalHealth && Period.DaysBetween(s.AsOf, r) < renewalWindow
                    ? Text($"renewal in {Period.DaysBetween(s.AsOf, r)} days with health {h:0.#}")
                    : null),
        ];
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
