using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Churn;

/// <summary>Turns an assessment into a dated action plan from playbooks.</summary>
/// <remarks>Immutable and thread-safe when the selector is.</remarks>
public sealed class ChurnActionPlanner
{
    private readonly Func<ChurnAssessment, IEnumerable<Playbook>> _selector;

    /// <summary>Creates a planner.</summary>
    /// <param name="selector">Which playbooks apply to an assessment; <see cref="DefaultSelector"/> when null.</param>
    public ChurnActionPlanner(Func<ChurnAssessment, IEnumerable<Playbook>>? selector = null) => _selector = selector ?? DefaultSelector;

    /// <summary>
    /// The default choice of playbooks: <see cref="ChurnPlaybooks.HighProbability"/> when the assessment recommends its
    /// executive business review (a probability assessor does so above its <see cref="ChurnRiskOptions.ProbabilityHighAt"/>,
    /// strictly, as the CS Expert playbook gates it), or, for an assessment without a probability, at level High or
    /// Critical;
    /// <see cref="ChurnPlaybooks.UsageRecovery"/> when usage declined; <see cref="ChurnPlaybooks.SupportEscalation"/>
    /// for unresolved high-priority tickets or an escalation; and the CS Agent playbook's steps of the health band (0–39,
    /// 40–59, 60–79) when the health score is known and below 80. Use <see cref="ChurnPlaybooks.AtRisk"/> (Petra playbook)
    /// instead of the band playbooks with a selector of your own.
    /// </summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The playbooks, most urgent first.</returns>
    public static IEnumerable<Playbook> DefaultSelector(ChurnAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Probability is not null
            ? assessment.RecommendedActions.Contains(ChurnPlaybooks.ExecutiveBusinessReviewAction, StringComparer.Ordinal)
            : assessment.Level >= ChurnRiskLevel.High)
        {
            yield return ChurnPlaybooks.HighProbability;
        }

        if (assessment.Factors.Any(f => f.RuleId is ChurnRuleIds.UsageDecline or ChurnRuleIds.SevereUsageDecline))
        {
            yield return ChurnPlaybooks.UsageRecovery;
        }

        if (assessment.Factors.Any(f => f.RuleId is ChurnRuleIds.UnresolvedHighPriorityTickets or ChurnRuleIds.SupportEscalation))
        {
            yield return ChurnPlaybooks.SupportEscalation;
        }

        switch (assessment.HealthScore)
        {
            case < 40: yield return ChurnPlaybooks.HealthBand0To39; break;
            case < 60: yield return ChurnPlaybooks.HealthBand40To59; break;
            case < 80: yield return ChurnPlaybooks.HealthBand60To79; break;
        }
    }

    /// <summary>The dated plan: every step of every selected playbook, due at <paramref name="start"/> plus its day offset.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="start">The day the plan starts, for example the assessment's as-of date.</param>
    /// <returns>The actions by due date; on the same date, in the order of the playbooks and their steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The selector returned null or a null playbook.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A step would fall after the last date of the calendar (9999-12-31).</exception>
    [Pure]
    public IReadOnlyList<PlannedAction> Plan(ChurnAssessment assessment, LocalDate start)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var selected = _selector(assessment)
            ?? throw new InvalidOperationException("the planner's playbook selector returned null; return an empty sequence when no playbook applies.");
        return Array.AsReadOnly(selected
            .Select(p => p ?? throw new InvalidOperationException("the planner's playbook selector returned a null playbook."))
            .Distinct()
            .SelectMany(p => p.Steps.Select(s => new PlannedAction(Due(start, s.DayOffset), s, p)))
            .OrderBy(a => a.Due)
            .ToArray());
    }

    private static LocalDate Due(LocalDate start, int dayOffset) =>
        Internal.IsoDays.PlusDaysOrNull(start, dayOffset)
            ?? throw new ArgumentOutOfRangeException(nameof(start), start,
                $"a step {dayOffset} days after {start:uuuu-MM-dd} would fall after the last date of the calendar, 9999-12-31.");
}
