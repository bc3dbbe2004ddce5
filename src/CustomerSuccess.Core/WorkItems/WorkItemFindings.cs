using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Churn;
using CustomerSuccess.Engagement;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.WorkItems;

/// <summary>
/// Findings from what the library's other areas give: churn assessments, health trends, agenda items and expansion
/// assessments, each with the key parts, priority, playbook and evidence that <see cref="WorkItemReconciler"/> needs.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class WorkItemFindings
{
    /// <summary>The subject that the churn-level findings share, so that a Critical level supersedes a High one.</summary>
    public const string ChurnLevelSubject = "churn-level";

    /// <summary>The subject that band-drop findings share, so that a drop to a lower band supersedes a drop to a higher one.</summary>
    public const string HealthBandSubject = "health-band";

    private static readonly Dictionary<string, string> RuleSources = new(StringComparer.Ordinal)
    {
        [ChurnRuleIds.UsageDecline] = "CS Expert playbook",
        [ChurnRuleIds.SevereUsageDecline] = "CS Agent playbook",
        [ChurnRuleIds.LowAdoption] = "CS Expert playbook",
        [ChurnRuleIds.UnresolvedHighPriorityTickets] = "CS Expert playbook",
        [ChurnRuleIds.HighPriorityTicketSpike] = "CS Expert playbook",
        [ChurnRuleIds.NoRecentContact] = "CS Expert playbook",
        [ChurnRuleIds.LatePayment] = "CS Expert playbook",
        [ChurnRuleIds.NoRecentLogin] = "CS Agent playbook",
        [ChurnRuleIds.Inactivity] = "CS Expert playbook",
        [ChurnRuleIds.SupportEscalation] = "CS Agent playbook",
        [ChurnRuleIds.ChampionLeaving] = "CS Agent playbook",
        [ChurnRuleIds.NegativeFeedback] = "CS Agent playbook",
        [ChurnRuleIds.RenewalAtRisk] = "CS Expert playbook",
    };

    /// <summary>
    /// One finding per factor that fired (kind <see cref="WorkItemKind.ChurnFactor"/>, rule the factor's rule id, an
    /// episode: no occurrence of its own), and at a High or Critical level one more for the level (rule
    /// <c>churn-level-high</c> or <c>churn-level-critical</c>, subject <see cref="ChurnLevelSubject"/>).
    /// </summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="account">The account; null (the default) takes the assessment's customer id.</param>
    /// <returns>
    /// The findings: each factor's priority is its severity (Low to Critical by the same names), its text the factor's
    /// recommended action (or "Act on: " and the detail), its playbook the built-in rule's (a rule of your own:
    /// "your rule"), its evidence the detail, the risk score, the level and the health score when known.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    /// <exception cref="ArgumentException">No account is given and the assessment has no customer id.</exception>
    public static IReadOnlyList<WorkItemFinding> FromChurn(ChurnAssessment assessment, string? account = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        account ??= assessment.CustomerId;
        if (string.IsNullOrWhiteSpace(account))
        {
            throw new ArgumentException("the assessment has no customer id: pass the account.", nameof(account));
        }

        var scores = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["risk_score"] = Number(assessment.RiskScore),
            ["level"] = assessment.Level.ToString(),
        };
        if (assessment.HealthScore is { } health)
        {
            scores["health_score"] = Number(health);
        }

        var findings = new List<WorkItemFinding>(assessment.Factors.Count + 1);
        foreach (var factor in assessment.Factors)
        {
            var evidence = new Dictionary<string, string>(scores, StringComparer.Ordinal) { ["detail"] = factor.Detail };
            findings.Add(new WorkItemFinding(account, WorkItemKind.ChurnFactor, factor.RuleId, factor.RecommendedAction ?? $"Act on: {factor.Detail}",
                Priority(factor.Severity), RuleSources.GetValueOrDefault(factor.RuleId, "your rule"))
            {
                Evidence = evidence,
            });
        }

        if (assessment.Level is ChurnRiskLevel.High or ChurnRiskLevel.Critical)
        {
            var level = assessment.Level.ToString();
            var evidence = new Dictionary<string, string>(scores, StringComparer.Ordinal);
            if (assessment.RecommendedActions.Count > 0)
            {
                evidence["actions"] = string.Join("; ", assessment.RecommendedActions);
            }

            findings.Add(new WorkItemFinding(account, WorkItemKind.ChurnFactor, $"churn-level-{level.ToLowerInvariant()}",
                $"Churn risk {level}: work the retention plan", assessment.Level == ChurnRiskLevel.Critical ? AgendaPriority.Critical : AgendaPriority.High,
                "CS Expert and CS Agent playbooks")
            {
                Subject = ChurnLevelSubject, Evidence = evidence,
            });
        }

        return findings.AsReadOnly();
    }

    /// <summary>
    /// A band-drop finding when the trend's latest band change is a drop (kind <see cref="WorkItemKind.BandDrop"/>, rule
    /// <c>band-drop-to-</c> and the band's label, subject <see cref="HealthBandSubject"/>, occurrence the date of the
    /// drop), or null when the latest change was an improvement or there was none.
    /// </summary>
    /// <param name="trend">The account's health trend.</param>
    /// <param name="account">The account. Not empty.</param>
    /// <returns>
    /// The finding, or null: priority High for a drop into the lowest band, Medium into the one above it, Low otherwise
    /// (ours: a drop to a lower band is more urgent, so it supersedes the drop before it);
    /// evidence the bands, the score and the date.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="trend"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public static WorkItemFinding? FromHealthTrend(HealthTrend trend, string account)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        if (trend.Transitions.Count == 0 || trend.Transitions[^1] is not { IsImprovement: false } drop)
        {
            return null;
        }

        var priority = drop.To.Rank switch
        {
            0 => AgendaPriority.High,
            1 => AgendaPriority.Medium,
            _ => AgendaPriority.Low,
        };
        return new WorkItemFinding(account, WorkItemKind.BandDrop, "band-drop-to-" + Slug(drop.To.Label),
            $"Health fell from {drop.From.Label} to {drop.To.Label}: find out what changed", priority, "ours")
        {
            Subject = HealthBandSubject,
            Occurrence = IsoDays.Format(drop.Date),
            Evidence = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["from"] = drop.From.Label, ["to"] = drop.To.Label, ["score"] = Number(drop.Score), ["date"] = IsoDays.Format(drop.Date),
            },
        };
    }

    /// <summary>
    /// One finding per agenda item: renewal checkpoints, onboarding tasks and NPS follow-ups as those kinds, the rest as
    /// <see cref="WorkItemKind.AgendaItem"/>; rule the item's text (what to do), occurrence its due date, a one-off step
    /// with that due date. An onboarding task overdue on <paramref name="asOf"/> carries
    /// <see cref="WorkItemEscalation.OverdueOnboardingTask"/>, a detractor's follow-up <see cref="WorkItemEscalation.Detractor"/>.
    /// </summary>
    /// <param name="items">The agenda's items, for example <see cref="Agenda.Items"/>.</param>
    /// <param name="asOf">The night, which decides whether an onboarding task is overdue.</param>
    /// <returns>The findings, in the items' order, with the item's priority, owner and playbook, and its rule as evidence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of them is null.</exception>
    public static IReadOnlyList<WorkItemFinding> FromAgenda(IEnumerable<AgendaItem> items, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        var findings = new List<WorkItemFinding>();
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            var kind = item.Kind switch
            {
                AgendaItemKind.RenewalCheckpoint => WorkItemKind.RenewalCheckpoint,
                AgendaItemKind.OnboardingTask => WorkItemKind.OnboardingTask,
                AgendaItemKind.NpsFollowUp => WorkItemKind.NpsFollowUp,
                _ => WorkItemKind.AgendaItem,
            };
            var escalation = kind == WorkItemKind.OnboardingTask && item.IsOverdueOn(asOf) ? WorkItemEscalation.OverdueOnboardingTask
                : kind == WorkItemKind.NpsFollowUp && string.Equals(item.Rule, Portfolio.AgendaSources.DetractorFollowUpRule, StringComparison.Ordinal) ? WorkItemEscalation.Detractor
                : null;
            findings.Add(new WorkItemFinding(item.Account, kind, item.What, item.What, item.Priority, item.Source, item.Owner)
            {
                Occurrence = IsoDays.Format(item.DueDate),
                DueDate = item.DueDate,
                OneOff = true,
                Escalation = escalation,
                Evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["rule"] = item.Rule },
            });
        }

        return findings.AsReadOnly();
    }

    /// <summary>
    /// One finding per opportunity not held back (kind <see cref="WorkItemKind.ExpansionTrigger"/>, rule the type and
    /// product, an episode), with the first next step as its text, owner "CSM + Sales" and the CS Expert playbook.
    /// </summary>
    /// <param name="assessment">The expansion assessment.</param>
    /// <returns>
    /// The findings: priority Medium for a score of 0.7 or more, Low below (ours); evidence the trigger, the score and
    /// the estimated revenue a year.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static IReadOnlyList<WorkItemFinding> FromExpansion(ExpansionAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var findings = new List<WorkItemFinding>(assessment.Opportunities.Count);
        foreach (var o in assessment.Opportunities)
        {
            findings.Add(new WorkItemFinding(assessment.AccountId, WorkItemKind.ExpansionTrigger, $"{Slug(o.Type.ToString())}:{o.Product}",
                o.NextSteps.Count > 0 ? o.NextSteps[0] : $"Propose {o.Product}", o.Score >= 0.7 ? AgendaPriority.Medium : AgendaPriority.Low,
                "CS Expert playbook", "CSM + Sales")
            {
                Evidence = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["trigger"] = o.Trigger, ["score"] = o.Score.ToString("0.##", CultureInfo.InvariantCulture),
                    ["estimated_annual_revenue"] = o.EstimatedAnnualRevenue.ToString("0.##", CultureInfo.InvariantCulture),
                },
            });
        }

        return findings.AsReadOnly();
    }

    private static AgendaPriority Priority(ChurnSeverity severity) => severity switch
    {
        ChurnSeverity.Critical => AgendaPriority.Critical,
        ChurnSeverity.High => AgendaPriority.High,
        ChurnSeverity.Medium => AgendaPriority.Medium,
        _ => AgendaPriority.Low,
    };

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"At Risk" → "at-risk", "PlanUpgrade" → "plan-upgrade".</summary>
    private static string Slug(string text)
    {
        var b = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '_')
            {
                if (b.Length > 0 && b[^1] != '-')
                {
                    b.Append('-');
                }
            }
            else
            {
                if (char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1]))
                {
                    b.Append('-');
                }

                b.Append(char.ToLowerInvariant(c));
            }
        }

        return b.ToString();
    }
}
