using System;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Engagement;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using CustomerSuccess.WorkItems;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.WorkItems;

/// <summary>Findings made from the library's assessments, trends and agenda items, and what they do across nights.</summary>
public sealed class WorkItemFindingsTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 20);

    private static ChurnAssessment Assess(CustomerSignals signals) => new RuleBasedChurnRiskAssessor().Assess(signals with { CustomerId = "Acme" });

    /// <summary>
    /// One late payment (High, CS Expert playbook) and no login for 9 days (Medium, CS Agent playbook): two factor findings
    /// with the factors' actions and details, and a level finding because the level is High.
    /// </summary>
    [Fact]
    public void FromChurn_OneFindingPerFactor_AndOneForAHighLevel()
    {
        var assessment = Assess(new CustomerSignals(AsOf) { LatePayments = 1, LastLoginDate = AsOf.PlusDays(-9), HealthScore = 72 });
        Assert.Equal(ChurnRiskLevel.High, assessment.Level);

        var findings = WorkItemFindings.FromChurn(assessment);

        Assert.Equal(["late-payment", "no-recent-login", "churn-level-high"], findings.Select(f => f.Rule));
        var late = findings[0];
        Assert.Equal(("Acme", WorkItemKind.ChurnFactor, AgendaPriority.High, "CS Expert playbook"), (late.Account, late.Kind, late.Priority, late.Source));
        Assert.Equal("Review billing with finance and the customer", late.What);
        Assert.Null(late.Occurrence);
        Assert.Equal("1 late payment", late.Evidence["detail"]);
        Assert.Equal("72", late.Evidence["health_score"]);
        Assert.Equal("High", late.Evidence["level"]);
        Assert.Equal(("CS Agent playbook", AgendaPriority.Medium), (findings[1].Source, findings[1].Priority));
        Assert.Equal("no login for 9 days", findings[1].Evidence["detail"]);
        var level = findings[2];
        Assert.Equal((WorkItemFindings.ChurnLevelSubject, AgendaPriority.High), (level.Subject, level.Priority));
        Assert.Contains("Review billing", level.Evidence["actions"], StringComparison.Ordinal);
    }

    [Fact]
    public void FromChurn_ALowLevelWithoutFactors_FindsNothing_AndAnUnnamedAssessmentNeedsAnAccount()
    {
        Assert.Empty(WorkItemFindings.FromChurn(Assess(new CustomerSignals(AsOf))));
        var unnamed = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf) { LatePayments = 2 });
        Assert.Throws<ArgumentException>(() => WorkItemFindings.FromChurn(unnamed));
        Assert.Equal("Beta", WorkItemFindings.FromChurn(unnamed, "Beta")[0].Account);
    }

    /// <summary>A customer gets worse (High, then Critical: the champion leaves), then recovers: the level items supersede and clear.</summary>
    [Fact]
    public void FromChurn_AcrossNights_CriticalSupersedesHigh_AndRecoveryClears()
    {
        var reconciler = WorkItemReconciler.Default;
        var night1 = reconciler.Reconcile([], WorkItemFindings.FromChurn(Assess(new CustomerSignals(AsOf) { LatePayments = 1 })), AsOf);
        Assert.Equal(["churn-factor|Acme|churn-level-high|2026-11-20", "churn-factor|Acme|late-payment|2026-11-20"], night1.Opened.Select(i => i.Key));

        var day2 = AsOf.PlusDays(1);
        var night2 = reconciler.Reconcile(night1.Apply([]), WorkItemFindings.FromChurn(Assess(new CustomerSignals(day2) { LatePayments = 1, ChampionLeaving = true })), day2);
        Assert.Equal(["churn-factor|Acme|champion-leaving|2026-11-21", "churn-factor|Acme|churn-level-critical|2026-11-21"], night2.Opened.Select(i => i.Key));
        var superseded = Assert.Single(night2.Closed);
        Assert.Equal((WorkItemCloseReason.Superseded, "churn-factor|Acme|churn-level-critical|2026-11-21"), (superseded.CloseReason!.Value, superseded.SupersededBy));

        var day3 = day2.PlusDays(1);
        var night3 = reconciler.Reconcile(night2.Apply(night1.Apply([])), WorkItemFindings.FromChurn(Assess(new CustomerSignals(day3))), day3);
        Assert.Equal(3, night3.Closed.Count);
        Assert.All(night3.Closed, i => Assert.Equal(WorkItemCloseReason.ConditionCleared, i.CloseReason));
    }

    /// <summary>Scores 85, 70, 50 on the seed-000 bands: Healthy, Neutral (a drop, rank 2: Low), At Risk (rank 1: Medium, the latest drop).</summary>
    [Fact]
    public void FromHealthTrend_TheLatestDrop_IsAFindingKeyedByItsDate()
    {
        var trend = new HealthTrendAnalyzer().Analyze(
            [new(AsOf.PlusDays(-14), 85), new(AsOf.PlusDays(-7), 70), new(AsOf, 50)], HealthBandSchemes.HealthyNeutralAtRiskCritical);

        var finding = WorkItemFindings.FromHealthTrend(trend, "Acme");

        Assert.NotNull(finding);
        Assert.Equal(("band-drop-to-at-risk", WorkItemFindings.HealthBandSubject, "2026-11-20", AgendaPriority.Medium),
            (finding.Rule, finding.Subject, finding.Occurrence, finding.Priority));
        Assert.Equal("Health fell from Neutral to At Risk: find out what changed", finding.What);
        Assert.Equal(("Neutral", "At Risk", "50"), (finding.Evidence["from"], finding.Evidence["to"], finding.Evidence["score"]));
    }

    [Fact]
    public void FromHealthTrend_AnImprovementOrNoChange_FindsNothing()
    {
        var bands = HealthBandSchemes.HealthyNeutralAtRiskCritical;
        Assert.Null(WorkItemFindings.FromHealthTrend(new HealthTrendAnalyzer().Analyze([new(AsOf.PlusDays(-7), 50), new(AsOf, 70)], bands), "Acme"));
        Assert.Null(WorkItemFindings.FromHealthTrend(new HealthTrendAnalyzer().Analyze([new(AsOf, 50)], bands), "Acme"));
        Assert.Throws<ArgumentException>(() => WorkItemFindings.FromHealthTrend(new HealthTrendAnalyzer().Analyze([], bands), " "));
    }

    /// <summary>A drop to the lowest band is more urgent than the drop before it, so it supersedes it.</summary>
    [Fact]
    public void FromHealthTrend_ADeeperDrop_SupersedesTheEarlierOne()
    {
        var bands = HealthBandSchemes.HealthyNeutralAtRiskCritical;
        var first = WorkItemFindings.FromHealthTrend(new HealthTrendAnalyzer().Analyze([new(AsOf.PlusDays(-7), 70), new(AsOf, 50)], bands), "Acme")!;
        var night1 = WorkItemReconciler.Default.Reconcile([], [first], AsOf);
        var day2 = AsOf.PlusDays(1);
        var second = WorkItemFindings.FromHealthTrend(new HealthTrendAnalyzer().Analyze([new(AsOf.PlusDays(-7), 70), new(AsOf, 50), new(day2, 30)], bands), "Acme")!;
        Assert.Equal(AgendaPriority.High, second.Priority);

        var night2 = WorkItemReconciler.Default.Reconcile(night1.Apply([]), [second], day2);

        Assert.Equal("band-drop|Acme|band-drop-to-critical|2026-11-21", Assert.Single(night2.Opened).Key);
        Assert.Equal(WorkItemCloseReason.Superseded, Assert.Single(night2.Closed).CloseReason);
    }

    [Fact]
    public void FromAgenda_MapsKinds_KeysByTextAndDueDate_AndEscalatesOverdueTasksAndDetractors()
    {
        AgendaItem[] items =
        [
            new("Acme", AgendaItemKind.OnboardingTask, "Kickoff call", AsOf.PlusDays(-2), AgendaPriority.High, "onboarding plan 'Standard': day 1", "CS Expert playbook", "CSM"),
            new("Acme", AgendaItemKind.OnboardingTask, "Training", AsOf.PlusDays(3), AgendaPriority.Medium, "onboarding plan 'Standard': day 7", "CS Expert playbook", "CSM"),
            new("Acme", AgendaItemKind.NpsFollowUp, "Call the detractor", AsOf, AgendaPriority.High, "NPS detractor follow-up", "NPS follow-up plan", "CSM"),
            new("Acme", AgendaItemKind.NpsFollowUp, "Thank the passive", AsOf, AgendaPriority.Low, "NPS passive follow-up", "NPS follow-up plan", "CSM"),
            new("Acme", AgendaItemKind.CheckIn, "Check-in", AsOf.PlusDays(4), AgendaPriority.Low, "check-in cadence: every 14 days", "CS Manager playbook", "CSM"),
            new("Acme", AgendaItemKind.RenewalCheckpoint, "Renewal analysis", AsOf, AgendaPriority.High, "renewal 2027-02-18: 90 days out", "CS Agent playbook", "CSM"),
        ];

        var findings = WorkItemFindings.FromAgenda(items, AsOf);

        Assert.Equal(
            [WorkItemKind.OnboardingTask, WorkItemKind.OnboardingTask, WorkItemKind.NpsFollowUp, WorkItemKind.NpsFollowUp, WorkItemKind.AgendaItem, WorkItemKind.RenewalCheckpoint],
            findings.Select(f => f.Kind));
        Assert.Equal([WorkItemEscalation.OverdueOnboardingTask, null, WorkItemEscalation.Detractor, null, null, null], findings.Select(f => f.Escalation));
        Assert.All(findings, f => Assert.True(f.OneOff));
        Assert.Equal("agenda|Acme|Check-in|2026-11-24", WorkItemKey.Of(findings[4].Kind, findings[4].Account, findings[4].Rule, findings[4].Occurrence!));
        Assert.Equal("check-in cadence: every 14 days", findings[4].Evidence["rule"]);
        var opened = WorkItemReconciler.Default.Reconcile([], findings, AsOf).Opened;
        Assert.Equal("Management", opened.Single(i => i.Rule == "Kickoff call").Owner);
        Assert.Equal("CSM", opened.Single(i => i.Rule == "Call the detractor").Owner);
    }

    [Fact]
    public void FromExpansion_OneFindingPerOpportunityOffered()
    {
        var seats = new ExpansionOpportunity(ExpansionOpportunityType.Seats, "Additional user licences", "46 of 50 seats in use (92%)", 12000m, 0.8, 30, 0.9, 0.82, ["Propose 10 more seats"], 10);
        var held = seats with { Type = ExpansionOpportunityType.PlanUpgrade, Product = "Enterprise" };
        var assessment = new ExpansionAssessment("Acme", [seats, seats with { Type = ExpansionOpportunityType.Referral, Product = "Referral", Score = 0.5, NextSteps = [] }], [held], null);

        var findings = WorkItemFindings.FromExpansion(assessment);

        Assert.Equal(["seats:Additional user licences", "referral:Referral"], findings.Select(f => f.Rule));
        Assert.Equal([AgendaPriority.Medium, AgendaPriority.Low], findings.Select(f => f.Priority));
        Assert.Equal(["Propose 10 more seats", "Propose Referral"], findings.Select(f => f.What));
        Assert.Equal(("CSM + Sales", "12000", "0.82"), (findings[0].Owner, findings[0].Evidence["estimated_annual_revenue"], findings[0].Evidence["score"]));
    }
}
