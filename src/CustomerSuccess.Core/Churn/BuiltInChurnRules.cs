using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Churn;

/// <summary>The built-in early-warning rules, with their thresholds and action texts taken from options.</summary>
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
        var actions = o.RuleActions;
        string Action(string id, string text) => actions.TryGetValue(id, out var own) ? own : text;

        return
        [
            new SignalRule(ChurnRuleIds.UsageDecline, ChurnSeverity.High, Action(ChurnRuleIds.UsageDecline, "Usage recovery campaign, immediately (CSM)"),
                (s, detail) => s.UsageChangePercent is { } c && -c > usageDecline ? (detail ? string.Create(CultureInfo.InvariantCulture, $"usage down {-c:0.#} % in the last 30 days") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.SevereUsageDecline, ChurnSeverity.High, Action(ChurnRuleIds.SevereUsageDecline, "Discovery call to find the cause of the decline"),
                (s, detail) => s.UsageChangePercent is { } c && -c > severeDecline ? (detail ? string.Create(CultureInfo.InvariantCulture, $"usage down {-c:0.#} %, more than {severeDecline:0.#} %") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.LowAdoption, ChurnSeverity.Medium, Action(ChurnRuleIds.LowAdoption, "Adoption session and training on key features"),
                (s, detail) => s.FeatureAdoptionRate is { } a && a < minimumAdoption ? (detail ? string.Create(CultureInfo.InvariantCulture, $"feature adoption at {a:0.#%}, below {minimumAdoption:0.#%}") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.UnresolvedHighPriorityTickets, ChurnSeverity.High, Action(ChurnRuleIds.UnresolvedHighPriorityTickets, "Support escalation within 24 hours (Support Manager)"),
                (s, detail) => s.UnresolvedHighPriorityTickets is { } t && t > maxUnresolved ? (detail ? string.Create(CultureInfo.InvariantCulture, $"{t} unresolved high-priority tickets") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.HighPriorityTicketSpike, ChurnSeverity.Medium, Action(ChurnRuleIds.HighPriorityTicketSpike, "Review the ticket trend with support"),
                (s, detail) => s.HighPriorityTicketsLast30Days is { } t && t > maxSpike ? (detail ? string.Create(CultureInfo.InvariantCulture, $"{t} high-priority tickets in the last 30 days") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.NoRecentContact, ChurnSeverity.Medium, Action(ChurnRuleIds.NoRecentContact, "Personal outreach to the main contact"),
                (s, detail) => s.LastContactDate is { } d && s.DaysSince(d) > maxNoContact ? (detail ? string.Create(CultureInfo.InvariantCulture, $"no contact for {s.DaysSince(d)} days") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.LatePayment, ChurnSeverity.High, Action(ChurnRuleIds.LatePayment, "Review billing with finance and the customer"),
                (s, detail) => s.LatePayments is { } n && n > maxLate ? (detail ? string.Create(CultureInfo.InvariantCulture, $"{n} late payment{(n == 1 ? string.Empty : "s")}") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.NoRecentLogin, ChurnSeverity.Medium, Action(ChurnRuleIds.NoRecentLogin, "Check-in email"),
                (s, detail) => s.LastLoginDate is { } d && s.DaysSince(d) >= loginDays ? (detail ? string.Create(CultureInfo.InvariantCulture, $"no login for {s.DaysSince(d)} days") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.Inactivity, ChurnSeverity.Medium, Action(ChurnRuleIds.Inactivity, "Re-engagement outreach"),
                (s, detail) => s.LastActivityDate is { } d && s.DaysSince(d) > maxInactive ? (detail ? string.Create(CultureInfo.InvariantCulture, $"no activity for {s.DaysSince(d)} days") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.SupportEscalation, ChurnSeverity.High, Action(ChurnRuleIds.SupportEscalation, "CSM outreach on the escalation"),
                (s, detail) => s.OpenEscalations is { } n && n > maxEscalations ? (detail ? string.Create(CultureInfo.InvariantCulture, $"{n} open support escalation{(n == 1 ? string.Empty : "s")}") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.ChampionLeaving, ChurnSeverity.Critical, Action(ChurnRuleIds.ChampionLeaving, "Find a new champion"),
                (s, _) => s.ChampionLeaving == true ? "the champion is leaving the company" : null),
            new SignalRule(ChurnRuleIds.NegativeFeedback, ChurnSeverity.Medium, Action(ChurnRuleIds.NegativeFeedback, "Personal outreach on the feedback"),
                (s, detail) => s.LatestNpsResponse is { } r && r <= negativeMax ? (detail ? string.Create(CultureInfo.InvariantCulture, $"negative feedback: NPS response {r}") : string.Empty) : null),
            new SignalRule(ChurnRuleIds.RenewalAtRisk, ChurnSeverity.High, Action(ChurnRuleIds.RenewalAtRisk, "Executive business review before the renewal"),
                (s, detail) => s.RenewalDate is { } r && s.HealthScore is { } h && h < renewalHealth && IsoDays.Between(s.AsOf, r) < renewalWindow
                    ? (detail ? string.Create(CultureInfo.InvariantCulture, $"renewal in {IsoDays.Between(s.AsOf, r)} days with health {h:0.#}") : string.Empty)
                    : null),
        ];
    }
}
