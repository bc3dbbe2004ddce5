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
    /// <value>20 (seed 003). In (0, 100].</value>
    public double UsageDeclinePercent { get; set; } = 20;

    /// <summary>Usage down more than this many percent fires <see cref="ChurnRuleIds.SevereUsageDecline"/>.</summary>
    /// <value>50 (seed 004). In (0, 100].</value>
    public double SevereUsageDeclinePercent { get; set; } = 50;

    /// <summary>Feature adoption below this share fires <see cref="ChurnRuleIds.LowAdoption"/>.</summary>
    /// <value>0.30 (seed 003). In [0, 1].</value>
    public double MinimumAdoptionRate { get; set; } = 0.30;

    /// <summary>More unresolved high-priority tickets than this fires <see cref="ChurnRuleIds.UnresolvedHighPriorityTickets"/>.</summary>
    /// <value>2 (seed 003). 0 or more.</value>
    public int MaxUnresolvedHighPriorityTickets { get; set; } = 2;

    /// <summary>More high-priority tickets in 30 days than this fires <see cref="ChurnRuleIds.HighPriorityTicketSpike"/>.</summary>
    /// <value>2 (seed 003 SQL). 0 or more.</value>
    public int MaxHighPriorityTicketsLast30Days { get; set; } = 2;

    /// <summary>More days since the last contact than this fires <see cref="ChurnRuleIds.NoRecentContact"/>.</summary>
    /// <value>30 (seed 003). 0 or more.</value>
    public int MaxDaysWithoutContact { get; set; } = 30;

    /// <summary>More late payments than this fires <see cref="ChurnRuleIds.LatePayment"/>.</summary>
    /// <value>0 (seed 003: any late payment). 0 or more.</value>
    public int MaxLatePayments { get; set; }

    /// <summary>This many days or more since the last login fires <see cref="ChurnRuleIds.NoRecentLogin"/>.</summary>
    /// <value>7 (seed 004: "no login 7+ days"). 1 or more.</value>
    public int DaysWithoutLogin { get; set; } = 7;

    /// <summary>More days since the last activity than this fires <see cref="ChurnRuleIds.Inactivity"/>.</summary>
    /// <value>14 (seed 003 SQL). 0 or more.</value>
    public int MaxDaysInactive { get; set; } = 14;

    /// <summary>More open escalations than this fires <see cref="ChurnRuleIds.SupportEscalation"/>.</summary>
    /// <value>0 (seed 004: any escalation). 0 or more.</value>
    public int MaxOpenEscalations { get; set; }

    /// <summary>An NPS response at or below this fires <see cref="ChurnRuleIds.NegativeFeedback"/>.</summary>
    /// <value>6 (a detractor; seed 004). In [0, 10].</value>
    public int NegativeFeedbackMaximum { get; set; } = 6;

    /// <summary>A renewal fewer than this many days away counts for <see cref="ChurnRuleIds.RenewalAtRisk"/>.</summary>
    /// <value>90 (seed 003 SQL: days_until_renewal &lt; 90). 0 or more.</value>
    public int RenewalWindowDays { get; set; } = 90;

    /// <summary>A health score below this, with a renewal in the window, fires <see cref="ChurnRuleIds.RenewalAtRisk"/>.</summary>
    /// <value>60 (seed 003 SQL). In [0, 100].</value>
    public double RenewalHealthThreshold { get; set; } = 60;

    /// <summary>The ids of rules to switch off, built-in or added, compared ignoring case.</summary>
    /// <value>Empty.</value>
    public ISet<string> DisabledRules { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>The risk score from which the level is Medium.</summary>
    /// <value>25 (our choice). In (0, 100), below <see cref="HighLevelAt"/>.</value>
    public double MediumLevelAt { get; set; } = 25;

    /// <summary>The risk score from which the level is High.</summary>
    /// <value>50 (our choice). Below <see cref="CriticalLevelAt"/>.</value>
    public double HighLevelAt { get; set; } = 50;

    /// <summary>The risk score from which the level is Critical.</summary>
    /// <value>75 (our choice). At most 100.</value>
    public double CriticalLevelAt { get; set; } = 75;

    /// <summary>For probability models: the probability from which the level is High.</summary>
    /// <value>0.7 (seed 003). In (0, 1], above <see cref="ProbabilityMediumAt"/>.</value>
    public double ProbabilityHighAt { get; set; } = 0.7;

    /// <summary>For probability models: the probability from which the level is Medium.</summary>
    /// <value>0.4 (seed 003). In (0, 1).</value>
    public double ProbabilityMediumAt { get; set; } = 0.4;

    /// <summary>
    /// The revenue at which revenue weighs half in the intervention priority: revenue weight = ARR ÷ (ARR + scale).
    /// </summary>
    /// <value>100 000 (our choice, the revenue cap of seed 003's expansion score). Above 0.</value>
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
        if (!(MediumLevelAt > 0 && MediumLevelAt < HighLevelAt && HighLevelAt < CriticalLevelAt && CriticalLevelAt <= 100))
        {
            p.Add(
                $"the level thresholds must satisfy 0 < MediumLevelAt < HighLevelAt < CriticalLevelAt ≤ 100 but are {Guard.Format(MediumLevelAt)}, {Guard.Format(HighLevelAt)}, {Guard.Format(CriticalLevelAt)}.");
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

            var ids = ChurnRuleIds.All.Concat(AdditionalRules.Where(r => r is not null).Select(r => r.Id));
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
        return copy;
    }
}
