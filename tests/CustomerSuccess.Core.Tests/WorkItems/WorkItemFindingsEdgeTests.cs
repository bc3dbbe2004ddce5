using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Engagement;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using CustomerSuccess.WorkItems;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.WorkItems;

/// <summary>The findings' playbooks and slugs exactly, a change set's HasChanges for each list, and null arguments.</summary>
public sealed class WorkItemFindingsEdgeTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 20);

    /// <summary>Each built-in rule's playbook, as the churn-risk page's table gives it.</summary>
    [Fact]
    public void EveryBuiltInRule_NamesItsPlaybook()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["usage-decline"] = "CS Expert playbook", ["severe-usage-decline"] = "CS Agent playbook", ["low-adoption"] = "CS Expert playbook",
            ["unresolved-high-priority-tickets"] = "CS Expert playbook", ["high-priority-ticket-spike"] = "CS Expert playbook",
            ["no-recent-contact"] = "CS Expert playbook", ["late-payment"] = "CS Expert playbook", ["no-recent-login"] = "CS Agent playbook",
            ["inactivity"] = "CS Expert playbook", ["support-escalation"] = "CS Agent playbook", ["champion-leaving"] = "CS Agent playbook",
            ["negative-feedback"] = "CS Agent playbook", ["renewal-at-risk"] = "CS Expert playbook",
        };
        Assert.Equal(ChurnRuleIds.All.OrderBy(r => r, StringComparer.Ordinal), expected.Keys.OrderBy(r => r, StringComparer.Ordinal));
        var factors = ChurnRuleIds.All.Select(id => new ChurnRiskFactor(id, ChurnSeverity.Medium, "seen")).Append(new ChurnRiskFactor("mine", ChurnSeverity.Low, "seen")).ToList();
        var assessment = new ChurnAssessment("Acme", AsOf, ChurnRiskLevel.Medium, 42.25, factors, null, null, null, null, 10, []);

        var findings = WorkItemFindings.FromChurn(assessment);

        Assert.All(findings.Take(expected.Count), f => Assert.Equal(expected[f.Rule], f.Source));
        Assert.Equal(("your rule", AgendaPriority.Low, "Act on: seen"), (findings[^1].Source, findings[^1].Priority, findings[^1].What));
        Assert.Equal(("42.3", "Medium"), (findings[0].Evidence["risk_score"], findings[0].Evidence["level"]));
        Assert.False(findings[0].Evidence.ContainsKey("health_score"));
    }

    [Fact]
    public void ALevelWithoutActions_HasNoActionsEvidence()
    {
        var assessment = new ChurnAssessment("Acme", AsOf, ChurnRiskLevel.Critical, 90, [], null, null, null, null, 90, [], healthScore: 12.34);

        var level = Assert.Single(WorkItemFindings.FromChurn(assessment));

        Assert.Equal(("churn-level-critical", AgendaPriority.Critical, "12.3"), (level.Rule, level.Priority, level.Evidence["health_score"]));
        Assert.False(level.Evidence.ContainsKey("actions"));
    }

    [Fact]
    public void BandLabels_AndOpportunityTypes_AreSlugged()
    {
        var scheme = new HealthBandScheme("custom", [new HealthBand(" Needs  Care_Now", 0, HealthBandColor.Red, 0), new HealthBand("Fine", 50, HealthBandColor.Green, 1)]);
        var trend = new HealthTrendAnalyzer().Analyze([new(AsOf.PlusDays(-7), 90), new(AsOf, 10)], scheme);
        var upgrade = new ExpansionOpportunity(ExpansionOpportunityType.PlanUpgrade, "Business", "uses sso", 1_200.5m, 0.7, 30, null, 0.7, ["Demo the plan"]);

        Assert.Equal("band-drop-to-needs-care-now", WorkItemFindings.FromHealthTrend(trend, "Acme")!.Rule);
        var finding = Assert.Single(WorkItemFindings.FromExpansion(new ExpansionAssessment("Acme", [upgrade], [], null)));
        Assert.Equal(("plan-upgrade:Business", AgendaPriority.Medium, "1200.5", "0.7", "uses sso"),
            (finding.Rule, finding.Priority, finding.Evidence["estimated_annual_revenue"], finding.Evidence["score"], finding.Evidence["trigger"]));
        var drop = WorkItemFindings.FromHealthTrend(new HealthTrendAnalyzer().Analyze([new(AsOf.PlusDays(-7), 70), new(AsOf, 50)], HealthBandSchemes.HealthyNeutralAtRiskCritical), "Acme")!;
        Assert.Equal(("Neutral", "At Risk", "2026-11-20"), (drop.Evidence["from"], drop.Evidence["to"], drop.Evidence["date"]));
    }

    [Fact]
    public void EveryKind_HasItsSlug()
    {
        Assert.Equal(
            ["churn-factor", "band-drop", "renewal-checkpoint", "onboarding-task", "nps-follow-up", "expansion", "agenda"],
            Enum.GetValues<WorkItemKind>().Select(WorkItemKey.Slug));
        Assert.Contains("is not a WorkItemKind", Assert.Throws<ArgumentOutOfRangeException>(() => WorkItemKey.Slug((WorkItemKind)42)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasChanges_IsTrueForAnyListButUnchangedKeptItems()
    {
        var finding = new WorkItemFinding("Acme", WorkItemKind.ChurnFactor, "late-payment", "Call", AgendaPriority.High, "ours");
        var reconciler = WorkItemReconciler.Default;
        var opened = reconciler.Reconcile([], [finding], AsOf);
        var item = Assert.Single(opened.Opened);

        Assert.True(opened.HasChanges);
        Assert.True(reconciler.Reconcile([item], [], AsOf.PlusDays(1)).HasChanges);                                  // closed only
        Assert.True(reconciler.Reconcile([item with { Status = WorkItemStatus.Done }], [finding], AsOf.PlusDays(1)).HasChanges);   // suppressed only
        var escalating = finding with { Escalation = new WorkItemEscalation(1, "Boss") };
        Assert.True(reconciler.Reconcile([item with { Escalation = escalating.Escalation }], [escalating], AsOf.PlusDays(1)).HasChanges);   // escalated only
        Assert.True(reconciler.Reconcile([item], [finding], AsOf.PlusDays(1)).HasChanges);                            // kept, seen
        Assert.False(reconciler.Reconcile([item], [finding], AsOf).HasChanges);                                       // kept, unchanged
    }

    [Fact]
    public void NullArguments_AreNamed()
    {
        var changes = WorkItemReconciler.Default.Reconcile([], [], AsOf);
        Assert.Equal("held", Assert.Throws<ArgumentNullException>(() => changes.Apply(null!)).ParamName);
        Assert.Equal("held", Assert.Throws<ArgumentNullException>(() => changes.Apply([null!])).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => WorkItemFindings.FromAgenda([null!], AsOf)).ParamName);
        Assert.Equal("trend", Assert.Throws<ArgumentNullException>(() => WorkItemFindings.FromHealthTrend(null!, "Acme")).ParamName);
        Assert.Equal("changes", Assert.Throws<ArgumentNullException>(() => WorkItemJson.Serialize((WorkItemChanges)null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => WorkItemJson.DeserializeItem(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => WorkItemJson.DeserializeItems(null!)).ParamName);
        Assert.Contains("item 1 of the array is null", Assert.Throws<System.Text.Json.JsonException>(() => WorkItemJson.DeserializeItems("[" + WorkItemJson.Serialize(WorkItemReconciler.Default.Reconcile([], [new WorkItemFinding("A", WorkItemKind.AgendaItem, "r", "w", AgendaPriority.Low, "ours")], AsOf).Opened[0]) + ",null]")).Message, StringComparison.Ordinal);
    }
}
