using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Churn;

/// <summary>
/// The thresholds, weights and level bounds of churn assessment, each defaulting to its seed's value or a documented
/// choice. Settable so configuration can bind it; an assessor copies and checks it when constructed, so changing an
/// options object later does not change an assessor built from it.
/// </summary>
public sealed class ChurnRiskOptions
{
    /// <summary>Usage down more than this many percent over 30 days fires <see cref="ChurnRuleIds.UsageDecline"/>.</summary>
    /// <value>20 (CS Expert playbook). In (0, 100].</value>
    public double UsageDeclinePercent { get; set; } = 20;

    /// <summary>Usage down more than this many percent fires <see cref="ChurnRuleIds.SevereUsageDecline"/>.</summary>
    /// <value>50 (CS Agent playbook). In (0, 100].</value>
    public double SevereUsageDeclinePercent { get; set; } = 50;

    /// <summary>Feature adoption below this share fires <see cref="ChurnRuleIds.LowAdoption"/>.</summary>
    /// <value>0.30 (CS Expert playbook). In [0, 1].</value>
    public double MinimumAdoptionRate { get; set; } = 0.30;

    /// <summary>More unresolved high-priority tickets than this fires <see cref="ChurnRuleIds.UnresolvedHighPriorityTickets"/>.</summary>
    /// <value>2 (CS Expert playbook). 0 or more.</value>
    public int MaxUnresolvedHighPriorityTickets { get; set; } = 2;

    /// <summary>More high-priority tickets in 30 days than this fires <see cref="ChurnRuleIds.HighPriorityTicketSpike"/>.</summary>
    /// <value>2 (CS Expert playbook SQL). 0 or more.</value>
    public int MaxHighPriorityTicketsLast30Days { get; set; } = 2;

    /// <summary>More days since the last contact than this fires <see cref="ChurnRuleIds.NoRecentContact"/>.</summary>
    /// <value>30 (CS Expert playbook). 0 or more.</value>
    public int MaxDaysWithoutContact { get; set; } = 30;

    /// <summary>More late payments than this fires <see cref="ChurnRuleIds.LatePayment"/>.</summary>
    /// <value>0 (CS Expert playbook: any late payment). 0 or more.</value>
    public int MaxLatePayments { get; set; }

    /// <summary>This many days or more since the last login fires <see cref="ChurnRuleIds.NoRecentLogin"/>.</summary>
    /// <value>7 (CS Agent playbook: "no login 7+ days"). 1 or more.</value>
    public int DaysWithoutLogin { get; set; } = 7;

    /// <summary>More days since the last activity than this fires <see cref="ChurnRuleIds.Inactivity"/>.</summary>
    /// <value>14 (CS Expert playbook SQL). 0 or more.</value>
    public int MaxDaysInactive { get; set; } = 14;

    /// <summary>More open escalations than this fires <see cref="ChurnRuleIds.SupportEscalation"/>.</summary>
    /// <value>0 (CS Agent playbook: any escalation). 0 or more.</value>
    public int MaxOpenEscalations { get; set; }

    /// <summary>An NPS response at or below this fires <see cref="ChurnRuleIds.NegativeFeedback"/>.</summary>
    /// <value>6 (a detractor; the CS Agent playbook). In [0, 10].</value>
    public int NegativeFeedbackMaximum { get; set; } = 6;

    /// <summary>A renewal fewer than this many days away counts for <see cref="ChurnRuleIds.RenewalAtRisk"/>.</summary>
    /// <value>90 (CS Expert playbook SQL: days_until_renewal &lt; 90). 0 or more.</value>
    public int RenewalWindowDays { get; set; } = 90;

    /// <summary>A health score below this, with a renewal in the window, fires <see cref="ChurnRuleIds.RenewalAtRisk"/>.</summary>
    /// <value>60 (CS Expert playbook SQL). In [0, 100].</value>
    public double RenewalHealthThreshold { get; set; } = 60;

    /// <summary>The ids of rules to switch off, built-in or added, compared ignoring case; an id that names no rule is a validation problem.</summary>
    /// <value>Empty.</value>
    public ISet<string> DisabledRules { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Recommended-action texts of your own for built-in rules, by rule id (ignoring case), replacing the rule's default
    /// action without disabling the rule.
    /// </summary>
    /// <value>Empty: each rule's default action (see <see cref="ChurnRuleIds"/>).</value>
    public IDictionary<string, string> RuleActions { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rules of your own, evaluated after the built-in ones.</summary>
    /// <value>Empty.</value>
    public IList<IChurnRiskRule> AdditionalRules { get; set; } = [];

    /// <summary>How much of the health gap (100 − health) counts as risk: the share h = weight × (100 − health) ÷ 100.</summary>
    /// <value>0.5 (our choice): a health score of 0 alone gives a risk score of 50, High but not Critical. In [0, 1].</value>
    public double HealthWeight { get; set; } = 0.5;

    /// <summary>The risk a Low factor adds (see the score formula in <see cref="RuleBasedChurnRiskAssessor"/>).</summary>
    /// <value>0.05 (our choice). In [0, 1).</value>
    public double LowFactorRisk { get; set; } = 0.05;

    /// <summary>The risk a Medium factor adds.</summary>
    /// <value>0.15 (our choice). In [0, 1).</value>
    public double MediumFactorRisk { get; set; } = 0.15;

    /// <summary>The risk a High factor adds.</summary>
    /// <value>0.30 (our choice). In [0, 1).</value>
    public double HighFactorRisk { get; set; } = 0.30;

    /// <summary>The risk a Critical factor adds.</summary>
    /// <value>0.50 (our choice): a champion leaving alone makes the risk High. In [0, 1).</value>
    public double CriticalFactorRisk { get; set; } = 0.50;

    /// <summary>How a rule-based assessment decides the level; the presets are in <see cref="ChurnLevelPolicies"/>.</summary>
    /// <value>
    /// <see cref="ChurnLevelPolicies.HighestStated"/>: the highest of the most severe factor's level, the Customer
    /// success expert playbook's risk query and the CS Agent playbook's health bands. Not null.
    /// </value>
    public IChurnLevelPolicy LevelPolicy { get; set; } = ChurnLevelPolicies.HighestStated;

    /// <summary>
    /// For probability models: the probability from which the level is High; the executive business review and the
    /// success-plan reset are recommended only above it (strictly, as the playbook's action plan has it).
    /// </summary>
    /// <value>0.7 (the CS Expert playbook). In (0, 1], above <see cref="ProbabilityMediumAt"/>.</value>
    public double ProbabilityHighAt { get; set; } = 0.7;

    /// <summary>For probability models: the probability from which the level is Medium.</summary>
    /// <value>0.4 (CS Expert playbook). In (0, 1).</value>
    public double ProbabilityMediumAt { get; set; } = 0.4;

    /// <summary>
    /// The revenue at which revenue weighs half in the intervention priority: revenue weight = ARR ÷ (ARR + scale).
    /// </summary>
    /// <value>100 000 (our choice, the revenue cap of the CS Expert playbook's expansion score). Above 0.</value>
    public decimal PriorityRevenueScale { get; set; } = 100_000m;

    /// <summary>The horizon, in days, over which a nearer renewal raises the intervention priority: urgency = 1 − days ÷ horizon.</summary>
    /// <value>365 (our choice: a year of renewals). 1 or more.</value>
    public int PriorityHorizonDays { get; set; } = 365;

    /// <summary>Every problem with these options, each naming the option; empty when they are valid.</summary>
    /// <returns>A new list.</returns>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.InRange(UsageDeclinePercent, 0, 100, nameof(UsageDeclinePercent), minExclusive: true);
        p.InRange(SevereUsageDeclinePercent, 0, 100, nameof(SevereUsageDeclinePercent), minExclusive: true);
        p.Share(MinimumAdoptionRate, nameof(MinimumAdoptionRate));
        p.AtLeast(MaxUnresolvedHighPriorityTickets, 0, nameof(MaxUnresolvedHighPriorityTickets));
        p.AtLeast(MaxHighPriorityTicketsLast30Days, 0, nameof(MaxHighPriorityTicketsLast30Days));
        p.AtLeast(MaxDaysWithoutContact, 0, nameof(MaxDaysWithoutContact));
        p.AtLeast(MaxLatePayments, 0, nameof(MaxLatePayments));
        p.AtLeast(MaxDaysInactive, 0, nameof(MaxDaysInactive));
        p.AtLeast(MaxOpenEscalations, 0, nameof(MaxOpenEscalations));
        p.AtLeast(RenewalWindowDays, 0, nameof(RenewalWindowDays));
        p.AtLeast(DaysWithoutLogin, 1, nameof(DaysWithoutLogin));
        p.InRange(NegativeFeedbackMaximum, 0, 10, nameof(NegativeFeedbackMaximum));
        p.InRange(RenewalHealthThreshold, 0, 100, nameof(RenewalHealthThreshold));
        p.Share(HealthWeight, nameof(HealthWeight));
        p.Share(LowFactorRisk, nameof(LowFactorRisk), belowOne: true);
        p.Share(MediumFactorRisk, nameof(MediumFactorRisk), belowOne: true);
        p.Share(HighFactorRisk, nameof(HighFactorRisk), belowOne: true);
        p.Share(CriticalFactorRisk, nameof(CriticalFactorRisk), belowOne: true);
        if (LevelPolicy is null)
        {
            p.Add("LevelPolicy is null; use one of ChurnLevelPolicies.");
        }

        if (!(ProbabilityMediumAt > 0 && ProbabilityMediumAt < ProbabilityHighAt && ProbabilityHighAt <= 1))
        {
            p.Add(
                $"the probability thresholds must satisfy 0 < ProbabilityMediumAt < ProbabilityHighAt ≤ 1 but are {Guard.Format(ProbabilityMediumAt)}, {Guard.Format(ProbabilityHighAt)}.");
        }

        p.Positive(PriorityRevenueScale, nameof(PriorityRevenueScale));
        p.AtLeast(PriorityHorizonDays, 1, nameof(PriorityHorizonDays));
        if (DisabledRules is null)
        {
            p.Add("DisabledRules is null; use an empty set.");
        }

        if (RuleActions is null)
        {
            p.Add("RuleActions is null; use an empty dictionary.");
        }
        else
        {
            foreach (var (id, text) in RuleActions)
            {
                if (!ChurnRuleIds.All.Contains(id, StringComparer.OrdinalIgnoreCase))
                {
                    p.Add($"RuleActions:{id} names no built-in rule; the ids are {string.Join(", ", ChurnRuleIds.All)}.");
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    p.Add($"RuleActions:{id} is blank; give an action text or remove the entry.");
                }
            }
        }

        if (AdditionalRules is null)
        {
            p.Add("AdditionalRules is null; use an empty list.");
        }
        else
        {
            if (AdditionalRules.Any(r => r is null))
            {
                p.Add("AdditionalRules contains a null rule.");
            }

            if (AdditionalRules.Any(r => r is not null && string.IsNullOrWhiteSpace(r.Id)))
            {
                p.Add("AdditionalRules contains a rule whose id is null or blank; every rule needs an id.");
            }

            var ids = ChurnRuleIds.All.Concat(AdditionalRules.Where(r => r is not null && !string.IsNullOrWhiteSpace(r.Id)).Select(r => r.Id)).ToList();
            if (DisabledRules is not null)
            {
                foreach (var disabled in DisabledRules.Where(d => !ids.Contains(d, StringComparer.OrdinalIgnoreCase)))
                {
                    p.Add($"DisabledRules names '{disabled}', which is no rule's id; the built-in ids are {string.Join(", ", ChurnRuleIds.All)}.");
                }
            }

            foreach (var duplicate in ids.GroupBy(id => id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                p.Add($"the rule id '{duplicate.Key}' is used by {duplicate.Count()} rules; rule ids must be unique ignoring case.");
            }
        }

        return p.List;
    }

    /// <summary>A copy whose collections are copies too.</summary>
    internal ChurnRiskOptions Snapshot()
    {
        var copy = (ChurnRiskOptions)MemberwiseClone();
        copy.DisabledRules = new HashSet<string>(DisabledRules, StringComparer.OrdinalIgnoreCase);
        copy.AdditionalRules = [.. AdditionalRules];
        copy.RuleActions = new Dictionary<string, string>(RuleActions, StringComparer.OrdinalIgnoreCase);
        return copy;
    }
}
