using System;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Churn;

/// <summary>
/// Levels as the playbooks state them. The Customer success expert playbook's health query classifies first-match:
/// <c>WHEN f.days_until_renewal &lt; 90 AND health_score &lt; 60 THEN 'High Risk'</c>,
/// <c>WHEN u.last_activity &lt; CURRENT_DATE - INTERVAL '14 days' THEN 'Medium Risk'</c>,
/// <c>WHEN s.high_priority_tickets &gt; 2 THEN 'Medium Risk'</c>, <c>ELSE 'Low Risk'</c>. The Customer success agent
/// playbook's churn-risk playbook: "Low Risk (Score 60-79)", "Medium Risk (Score 40-59)", "High Risk (Score 0-39)".
/// </summary>
public sealed class ChurnLevelPolicyTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);
    private static readonly RuleBasedChurnRiskAssessor Assessor = new();
    private static readonly RuleBasedChurnRiskAssessor ByScore = new(new ChurnRiskOptions { LevelPolicy = ChurnLevelPolicies.RiskScore });

    private static CustomerSignals Signals() => new(AsOf);

    [Fact]
    public void Default_IsHighestStated()
    {
        Assert.Same(ChurnLevelPolicies.HighestStated, new ChurnRiskOptions().LevelPolicy);
        Assert.Equal("highest-stated", ChurnLevelPolicies.HighestStated.Name);
        Assert.Equal(
            [ChurnLevelPolicies.MostSevereFactor, ChurnLevelPolicies.RiskQuery, ChurnLevelPolicies.HealthBands],
            ((HighestLevelPolicy)ChurnLevelPolicies.HighestStated).Policies);
    }

    [Fact]
    public void Health10Alone_IsHigh_WhereTheRiskScoreSaidMedium()
    {
        // "High Risk (Score 0-39)". Risk score: h = 0.5 × 0.9 = 0.45 → 45, Medium under the 25/50/75 cut-offs.
        var signals = Signals() with { HealthScore = 10 };

        Assert.Equal(ChurnRiskLevel.High, Assessor.Assess(signals).Level);
        Assert.Equal(45.0, Assessor.Assess(signals).RiskScore, 1e-9);
        Assert.Equal(ChurnRiskLevel.Medium, ByScore.Assess(signals).Level);
    }

    [Fact]
    public void Health59Alone_IsMedium_WhereTheRiskScoreSaidLow()
    {
        // "Medium Risk (Score 40-59)". Risk score 20.5, Low under the cut-offs.
        var signals = Signals() with { HealthScore = 59 };

        Assert.Equal(ChurnRiskLevel.Medium, Assessor.Assess(signals).Level);
        Assert.Equal(ChurnRiskLevel.Low, ByScore.Assess(signals).Level);
    }

    [Fact]
    public void RenewalIn89DaysAtHealth59_IsHigh_WhereTheRiskScoreSaidMedium()
    {
        // days_until_renewal < 90 AND health_score < 60 → 'High Risk'.
        var signals = Signals() with { HealthScore = 59, RenewalDate = AsOf.PlusDays(89) };

        Assert.Equal(ChurnRiskLevel.High, ChurnLevelPolicies.RiskQuery.Decide(signals, 0, null));
        Assert.Equal(ChurnRiskLevel.High, Assessor.Assess(signals).Level);
        Assert.Equal(ChurnRiskLevel.Medium, ByScore.Assess(signals).Level);

        // 90 days out is not < 90: the band's Medium.
        Assert.Equal(ChurnRiskLevel.Medium, Assessor.Assess(signals with { RenewalDate = AsOf.PlusDays(90) }).Level);
    }

    [Fact]
    public void Health90InactiveFor15Days_IsMedium_WhereTheRiskScoreSaidLow()
    {
        // last_activity < CURRENT_DATE - INTERVAL '14 days' → 'Medium Risk'; 14 days is not more than 14.
        var signals = Signals() with { HealthScore = 90, LastActivityDate = AsOf.PlusDays(-15) };

        Assert.Equal(ChurnRiskLevel.Medium, ChurnLevelPolicies.RiskQuery.Decide(signals, 0, null));
        Assert.Equal(ChurnRiskLevel.Medium, Assessor.Assess(signals).Level);
        Assert.Equal(ChurnRiskLevel.Low, ByScore.Assess(signals).Level);
        Assert.Equal(ChurnRiskLevel.Low, ChurnLevelPolicies.RiskQuery.Decide(signals with { LastActivityDate = AsOf.PlusDays(-14) }, 0, null));
    }

    [Fact]
    public void RiskQuery_ActivityOutsideTheThirtyDayWindow_CountsAsNone()
    {
        // The query's last_activity is the latest event of the last 30 days; none there makes the comparison false.
        var stale = Signals() with { HealthScore = 90, LastActivityDate = AsOf.PlusDays(-31) };

        Assert.Equal(ChurnRiskLevel.Medium, ChurnLevelPolicies.RiskQuery.Decide(stale with { LastActivityDate = AsOf.PlusDays(-30) }, 0, null));
        Assert.Equal(ChurnRiskLevel.Low, ChurnLevelPolicies.RiskQuery.Decide(stale, 0, null));

        // The inactivity rule (a Medium factor) still makes the default level Medium.
        Assert.Equal(ChurnRiskLevel.Medium, Assessor.Assess(stale).Level);
    }

    [Fact]
    public void RiskQuery_MoreThanTwoHighPriorityTickets_IsMedium_AndTheFirstMatchWins()
    {
        Assert.Equal(ChurnRiskLevel.Medium, ChurnLevelPolicies.RiskQuery.Decide(Signals() with { HighPriorityTicketsLast30Days = 3 }, 0, null));
        Assert.Equal(ChurnRiskLevel.Low, ChurnLevelPolicies.RiskQuery.Decide(Signals() with { HighPriorityTicketsLast30Days = 2 }, 0, null));

        var all = Signals() with
        {
            HealthScore = 10,
            RenewalDate = AsOf.PlusDays(10),
            LastActivityDate = AsOf.PlusDays(-20),
            HighPriorityTicketsLast30Days = 9,
        };
        Assert.Equal(ChurnRiskLevel.High, ChurnLevelPolicies.RiskQuery.Decide(all, 0, null));

        // Unknown renewal or health: condition (1) does not hold.
        Assert.Equal(ChurnRiskLevel.Low, ChurnLevelPolicies.RiskQuery.Decide(Signals() with { HealthScore = 10 }, 0, null));
        Assert.Equal(ChurnRiskLevel.Low, ChurnLevelPolicies.RiskQuery.Decide(Signals() with { RenewalDate = AsOf.PlusDays(10) }, 0, null));
    }

    [Theory]
    [InlineData(0.0, ChurnRiskLevel.High)]
    [InlineData(39.9, ChurnRiskLevel.High)]
    [InlineData(40.0, ChurnRiskLevel.Medium)]
    [InlineData(59.9, ChurnRiskLevel.Medium)]
    [InlineData(60.0, ChurnRiskLevel.Low)]
    [InlineData(79.9, ChurnRiskLevel.Low)]
    [InlineData(100.0, ChurnRiskLevel.Low)]
    public void HealthBands_MapTheAgentPlaybooksBands(double health, ChurnRiskLevel level) =>
        Assert.Equal(level, ChurnLevelPolicies.HealthBands.Decide(Signals() with { HealthScore = health }, 0, null));

    [Fact]
    public void HealthBands_UnknownHealth_IsLow() =>
        Assert.Equal(ChurnRiskLevel.Low, ChurnLevelPolicies.HealthBands.Decide(Signals(), 0, null));

    [Theory]
    [InlineData(null, ChurnRiskLevel.Low)]
    [InlineData(ChurnSeverity.Low, ChurnRiskLevel.Low)]
    [InlineData(ChurnSeverity.Medium, ChurnRiskLevel.Medium)]
    [InlineData(ChurnSeverity.High, ChurnRiskLevel.High)]
    [InlineData(ChurnSeverity.Critical, ChurnRiskLevel.Critical)]
    public void MostSevereFactor_TakesTheSeverityAsTheLevel(ChurnSeverity? severity, ChurnRiskLevel level) =>
        Assert.Equal(level, ChurnLevelPolicies.MostSevereFactor.Decide(Signals(), 0, severity));

    [Fact]
    public void ChampionLeaving_IsCritical_WhereTheRiskScoreSaidHigh()
    {
        // Champion leaving the company: Critical. Its risk alone is 50, High under the cut-offs (and their floor).
        var signals = Signals() with { ChampionLeaving = true, HealthScore = 100 };

        Assert.Equal(ChurnRiskLevel.Critical, Assessor.Assess(signals).Level);
        Assert.Equal(ChurnRiskLevel.High, ByScore.Assess(signals).Level);
    }

    [Fact]
    public void RiskScore_CutOffs_AreChecked()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RiskScoreLevelPolicy(60, 50, 75));
        Assert.Equal("mediumAt", ex.ParamName);
        Assert.Contains("0 < mediumAt < highAt < criticalAt ≤ 100 but are 60, 50, 75", ex.Message);
        Assert.Equal("healthBelow", Assert.Throws<ArgumentOutOfRangeException>(() => new RiskQueryLevelPolicy(healthBelow: 101)).ParamName);
        Assert.Equal("renewalWindowDays", Assert.Throws<ArgumentOutOfRangeException>(() => new RiskQueryLevelPolicy(renewalWindowDays: -1)).ParamName);
        Assert.Equal("mediumBelow", Assert.Throws<ArgumentOutOfRangeException>(() => new HealthBandLevelPolicy(50, 40)).ParamName);
        Assert.Throws<ArgumentException>(() => new HighestLevelPolicy("none", []));
        Assert.Throws<ArgumentException>(() => new HighestLevelPolicy("null", [null!]));
    }

    [Fact]
    public void CustomPolicy_IsUsedByTheFullAndTheBriefAssessment()
    {
        var assessor = new RuleBasedChurnRiskAssessor(new ChurnRiskOptions { LevelPolicy = new AlwaysCritical() });
        var signals = Signals() with { HealthScore = 95 };

        Assert.Equal(ChurnRiskLevel.Critical, assessor.Assess(signals).Level);
        Assert.Equal(ChurnRiskLevel.Critical, assessor.AssessBrief(signals).Level);
        Assert.Equal(ChurnRiskLevel.Critical, ChurnBatch.Worklist(assessor, [signals], 1)[0].Level);
    }

    [Fact]
    public void Worklist_OrdersByLevelBeforePriority()
    {
        // A Critical customer (champion leaving, risk 50) with no ARR comes before a High one with a larger
        // priority (health 10 and a late payment: risk 1 − 0.55 × 0.7 = 61.5, with ARR and a near renewal).
        var critical = Signals() with { CustomerId = "critical", ChampionLeaving = true, HealthScore = 100 };
        var high = Signals() with
        {
            CustomerId = "high",
            HealthScore = 10,
            LatePayments = 1,
            AnnualRecurringRevenue = 500_000m,
            RenewalDate = AsOf.PlusDays(20),
        };
        var a = Assessor.Assess(critical);
        var b = Assessor.Assess(high);
        Assert.True(b.PriorityScore > a.PriorityScore);

        Assert.Equal(["critical", "high"], ChurnBatch.Worklist(Assessor, [high, critical], 2).Select(x => x.CustomerId));
        Assert.True(ChurnAssessment.PriorityComparer.Compare(a, b) < 0);
    }

    [Fact]
    public void HighProbabilityActions_AreGatedStrictlyAboveSevenTenths()
    {
        // "if churn_probability > 0.7:" — the executive business review and the success-plan reset.
        var at = new ProbabilityChurnRiskAssessor(new FixedChurnProbability(0.7)).Assess(Signals());
        var above = new ProbabilityChurnRiskAssessor(new FixedChurnProbability(0.71)).Assess(Signals());

        Assert.Equal(ChurnRiskLevel.High, at.Level);
        Assert.DoesNotContain(ChurnPlaybooks.ExecutiveBusinessReviewAction, at.RecommendedActions);
        Assert.Equal([ChurnPlaybooks.ExecutiveBusinessReviewAction, ChurnPlaybooks.SuccessPlanResetAction], above.RecommendedActions);
    }

    [Fact]
    public void HighProbabilityActions_ForRuleBasedAssessments_FollowAHighLevel()
    {
        Assert.Contains(ChurnPlaybooks.ExecutiveBusinessReviewAction, Assessor.Assess(Signals() with { HealthScore = 39 }).RecommendedActions);
        Assert.Empty(Assessor.Assess(Signals() with { HealthScore = 40 }).RecommendedActions);
    }

    [Fact]
    public void ArrAtRisk_IsTheWholeArrAtHighOrCritical_AndExpectedLossFollowsTheProbability()
    {
        var signals = Signals() with { AnnualRecurringRevenue = 80_000m, HealthScore = 30 };
        var rule = Assessor.Assess(signals);                                           // High; risk 35
        var probability = new ProbabilityChurnRiskAssessor(new FixedChurnProbability(0.25)).Assess(signals with { HealthScore = 80 }); // Low: no playbook states more

        Assert.Equal(80_000m, rule.ArrAtRisk);
        Assert.Equal(28_000m, rule.ExpectedLoss);                                      // 80 000 × 0.35, estimated
        Assert.True(rule.ExpectedLossIsEstimate);
        Assert.Equal(ChurnRiskLevel.Low, probability.Level);
        Assert.Equal(0m, probability.ArrAtRisk);
        Assert.Equal(20_000m, probability.ExpectedLoss);                               // 80 000 × 0.25
        Assert.False(probability.ExpectedLossIsEstimate);
    }

    [Fact]
    public void LogisticModel_NaNOrInfiniteSignal_IsAnArgumentErrorNamingTheSignal_NotANaNProbability()
    {
        var model = new LogisticRegressionChurnModel(0, new System.Collections.Generic.Dictionary<string, double> { ["UsageChangePercent"] = 0.1 });

        Assert.Equal("UsageChangePercent", Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictChurnProbability(Signals() with { UsageChangePercent = double.NaN })).ParamName);
        Assert.Equal("UsageChangePercent", Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictChurnProbability(Signals() with { UsageChangePercent = double.PositiveInfinity })).ParamName);
    }

    [Fact]
    public void ChurnFeatures_LoginAfterTheAsOfDate_IsAnArgumentError_NotNegativeDays() =>
        Assert.Equal("LastLoginDate", Assert.Throws<ArgumentOutOfRangeException>(
            () => ChurnFeatures.Value(Signals() with { LastLoginDate = AsOf.PlusDays(1) }, "DaysSinceLastLogin")).ParamName);

    [Fact]
    public void KpiReport_NaNFigure_IsAnArgumentErrorNamingTheMetric()
    {
        var ex = Assert.Throws<ArgumentException>(() => KpiReport.Evaluate(new PortfolioFigures { ShareGreen = double.NaN }));
        Assert.Equal("figures", ex.ParamName);
        Assert.Contains("ShareGreen is NaN", ex.Message, StringComparison.Ordinal);
    }

    private sealed class AlwaysCritical : IChurnLevelPolicy
    {
        public string Name => "always-critical";

        public ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor) => ChurnRiskLevel.Critical;
    }
}
