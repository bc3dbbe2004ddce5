using System;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Tests.TestSupport;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Churn;

/// <summary>Owners, steps and actions as the playbooks give them, each test quoting its line.</summary>
public sealed class ChurnPlaybookFidelityTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);

    [Fact]
    public void HighProbability_OwnersAreTheExpertPlaybooks()
    {
        // 'action': 'Executive Business Review', 'owner': 'CSM + Sales Leader', 'timeline': 'Within 1 week';
        // 'action': 'Success Plan Reset', 'owner': 'CSM', 'timeline': 'Within 3 days'.
        var steps = ChurnPlaybooks.HighProbability.Steps;
        Assert.Equal([(3, "CSM"), (7, "CSM + Sales Leader")], steps.Select(s => (s.DayOffset, s.Owner)));
        Assert.Contains("CSM + Sales Leader", ChurnPlaybooks.ExecutiveBusinessReviewAction, StringComparison.Ordinal);
        Assert.Contains("within 1 week", ChurnPlaybooks.ExecutiveBusinessReviewAction, StringComparison.Ordinal);
        Assert.Contains("within 3 days", ChurnPlaybooks.SuccessPlanResetAction, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportEscalation_IsTheSupportManagersWithin24Hours()
    {
        // 'action': 'Support Escalation', 'owner': 'Support Manager', 'timeline': 'Within 24 hours'.
        var step = Assert.Single(ChurnPlaybooks.SupportEscalation.Steps);
        Assert.Equal("Support Manager", step.Owner);
        Assert.Equal(1, step.DayOffset);
        var factor = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf) { UnresolvedHighPriorityTickets = 3 }).Factors[0];
        Assert.Equal("Support escalation within 24 hours (Support Manager)", factor.RecommendedAction);
    }

    [Fact]
    public void HealthBand40To59_HasTheConditionalEscalationToManagement()
    {
        // "Medium Risk (Score 40-59)": ... "5. Escalate to management if needed".
        var actions = ChurnPlaybooks.HealthBand40To59.Steps.Select(s => s.Action).ToArray();
        Assert.Contains("Escalate to management if needed", actions);
        Assert.Contains("Immediate phone/video call", actions);
        Assert.Contains("Create recovery plan with milestones", actions);
        Assert.Equal(4, actions.Count(a => a == "Weekly check-in")); // "Weekly check-ins for 30 days"
    }

    [Fact]
    public void HealthBand0To39_StepsAreWordForWord()
    {
        // "High Risk (Score 0-39)": 1. Executive-to-executive outreach 2. On-site or extended virtual session
        // 3. Special pricing/terms consideration 4. Document lessons learned regardless of outcome.
        Assert.Equal(
            ["Executive-to-executive outreach", "On-site or extended virtual session", "Special pricing/terms consideration", "Document lessons learned regardless of outcome"],
            ChurnPlaybooks.HealthBand0To39.Steps.Select(s => s.Action));
    }

    [Fact]
    public void Planner_HighProbabilityPlaybook_FollowsTheStrictGate()
    {
        var planner = new ChurnActionPlanner();
        var at = new ProbabilityChurnRiskAssessor(new FixedChurnProbability(0.7)).Assess(new CustomerSignals(AsOf));
        var above = new ProbabilityChurnRiskAssessor(new FixedChurnProbability(0.700001)).Assess(new CustomerSignals(AsOf));

        Assert.DoesNotContain(planner.Plan(at, AsOf), a => a.Playbook == ChurnPlaybooks.HighProbability);
        Assert.Contains(planner.Plan(above, AsOf), a => a.Playbook == ChurnPlaybooks.HighProbability);
    }

    [Fact]
    public void RuleActions_ReplaceARulesActionWithoutDisablingIt()
    {
        var options = new ChurnRiskOptions();
        options.RuleActions["NO-RECENT-LOGIN"] = "Call from the account team";
        var factor = new RuleBasedChurnRiskAssessor(options).Assess(new CustomerSignals(AsOf) { LastLoginDate = AsOf.PlusDays(-9) }).Factors.Single();

        Assert.Equal(ChurnRuleIds.NoRecentLogin, factor.RuleId);
        Assert.Equal("Call from the account team", factor.RecommendedAction);
    }

    [Fact]
    public void Options_ARuleWithoutAnId_IsAProblem()
    {
        var options = new ChurnRiskOptions();
        options.AdditionalRules.Add(new NoId());
        Assert.Contains(options.Validate(), p => p.StartsWith("AdditionalRules contains a rule whose id is null or blank", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_UnknownRuleIdsAndBlankActions_AreProblemsNamingTheEntry()
    {
        var options = new ChurnRiskOptions();
        options.RuleActions["no-such-rule"] = "x";
        options.RuleActions[ChurnRuleIds.LatePayment] = " ";
        options.DisabledRules.Add("late-paymnet");

        var problems = options.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("RuleActions:no-such-rule names no built-in rule", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RuleActions:late-payment is blank", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DisabledRules names 'late-paymnet', which is no rule's id", StringComparison.Ordinal));
    }

    private sealed class NoId : IChurnRiskRule
    {
        public string Id => null!;

        public ChurnSeverity Severity => ChurnSeverity.Low;

        public ChurnRiskFactor? Evaluate(CustomerSignals signals) => null;
    }
}
