using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Tests.TestSupport;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Churn;

public sealed class ChurnProbabilityAndPlaybookTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);

    [Theory]
    [InlineData(0.70, ChurnRiskLevel.High)]
    [InlineData(0.69, ChurnRiskLevel.Medium)]
    [InlineData(0.40, ChurnRiskLevel.Medium)]
    [InlineData(0.39, ChurnRiskLevel.Low)]
    public void ProbabilityAssessor_Seed003Thresholds_MapToLevels(double p, ChurnRiskLevel level)
    {
        // A customer for whom no playbook states a level (health 80, nothing fired): the probability alone decides.
        var assessment = new ProbabilityChurnRiskAssessor(new FixedChurnProbability(p)).Assess(new CustomerSignals(AsOf) { HealthScore = 80 });

        Assert.Equal(level, assessment.Level);
        Assert.Equal(100 * p, assessment.RiskScore, 1e-12);
        Assert.Equal(p, assessment.Probability);
        Assert.Empty(assessment.Factors);
    }

    [Theory]
    [InlineData(0.1, 30, false, false, ChurnRiskLevel.High)]      // the CS Agent playbook: health 0–39 is High risk
    [InlineData(0.1, 80, true, false, ChurnRiskLevel.High)]       // a late payment is a High factor
    [InlineData(0.1, 80, false, true, ChurnRiskLevel.Critical)]   // the champion leaving is a Critical factor
    [InlineData(0.8, 80, false, false, ChurnRiskLevel.High)]      // and the probability still raises it
    public void ProbabilityAssessor_NeverGivesALevelBelowTheOneAPlaybookStates(double p, double health, bool latePayment, bool championLeaving, ChurnRiskLevel level)
    {
        var assessment = new ProbabilityChurnRiskAssessor(new FixedChurnProbability(p))
            .Assess(new CustomerSignals(AsOf) { HealthScore = health, LatePayments = latePayment ? 1 : 0, ChampionLeaving = championLeaving });

        Assert.Equal(level, assessment.Level);
        Assert.Equal(100 * p, assessment.RiskScore, 1e-12); // the probability still orders customers
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void ProbabilityAssessor_ModelOutOfRange_Throws(double p)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ProbabilityChurnRiskAssessor(new FixedChurnProbability(p)).Assess(new CustomerSignals(AsOf)));

        Assert.Contains("a probability must be in [0, 1]", ex.Message);
    }

    [Fact]
    public void LogisticModel_Example_FollowsTheFormula()
    {
        // z = −2 + 0.05 × 40 (days since login) + 1.5 × 1 (champion leaving) − 0.02 × 50 (health) = −2 + 2 + 1.5 − 1 = 0.5;
        // p = 1 / (1 + e^−0.5) = 0.6224593…; the missing usage change contributes nothing.
        var model = new LogisticRegressionChurnModel(-2, new Dictionary<string, double>
        {
            [ChurnFeatures.DaysSinceLastLogin] = 0.05,
            ["CHAMPIONLEAVING"] = 1.5,
            [ChurnFeatures.HealthScore] = -0.02,
            [ChurnFeatures.UsageChangePercent] = -0.1,
        });

        var p = model.PredictChurnProbability(new CustomerSignals(AsOf) { LastLoginDate = AsOf.PlusDays(-40), ChampionLeaving = true, HealthScore = 50 });

        Assert.Equal(1 / (1 + Math.Exp(-0.5)), p, 1e-12);

        // Without the champion leaving, z = −1 and p = 0.2689…: below 0.4, Low by probability; but health 50 is in the
        // CS Agent playbook's Medium band (40–59) and no login for 40 days is a Medium factor, so the level is Medium.
        var calm = new ProbabilityChurnRiskAssessor(model).Assess(new CustomerSignals(AsOf) { HealthScore = 50, LastLoginDate = AsOf.PlusDays(-40), ChampionLeaving = false });
        Assert.Equal(1 / (1 + Math.Exp(1)), calm.Probability!.Value, 1e-12);
        Assert.Equal(ChurnRiskLevel.Medium, calm.Level);
    }

    [Fact]
    public void LogisticModel_UnknownFeatureAndNaN_ListEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LogisticRegressionChurnModel(double.NaN, new Dictionary<string, double>
        {
            ["seats"] = 1,
            [ChurnFeatures.LatePayments] = double.PositiveInfinity,
        }));

        Assert.Contains("(3 problems)", ex.Message);
        Assert.Contains("'seats' is not a churn feature; valid names: usageChangePercent,", ex.Message);
        Assert.Contains("the coefficient of 'latePayments' is Infinity", ex.Message);
        Assert.Contains("the intercept is NaN", ex.Message);
    }

    [Fact]
    public void Signals_WithHealth_TakesTheScoreOrLeavesItMissing()
    {
        var scored = HealthScoreModels.UsageEngagementSupport.Score([80, 70, 50]);
        var unscored = HealthScoreModels.UsageEngagementSupport.Score([double.NaN, double.NaN, 50]);

        Assert.Equal(68.0, new CustomerSignals(AsOf).WithHealth(scored).HealthScore!.Value, 1e-9);
        Assert.Null(new CustomerSignals(AsOf).WithHealth(unscored).HealthScore);
    }

    [Fact]
    public void Planner_HighRiskWithDecliningUsageAndHealth55_DatesEveryStep()
    {
        var assessment = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf)
        {
            HealthScore = 55,
            UsageChangePercent = -34,
            LastLoginDate = AsOf.PlusDays(-12),
        });

        var plan = new ChurnActionPlanner().Plan(assessment, AsOf);

        Assert.Equal(
            [ChurnPlaybooks.HighProbability, ChurnPlaybooks.UsageRecovery, ChurnPlaybooks.HealthBand40To59],
            plan.Select(a => a.Playbook).Distinct().OrderBy(p => p.Name == "High churn probability" ? 0 : p.Name == "Declining usage" ? 1 : 2));
        Assert.Equal(AsOf, plan[0].Due);
        Assert.Contains(plan, a => a.Due == AsOf.PlusDays(7) && a.Step.Action == ChurnPlaybooks.ExecutiveBusinessReviewAction);
        Assert.Contains(plan, a => a.Due == AsOf.PlusDays(3) && a.Step.Action == ChurnPlaybooks.SuccessPlanResetAction);
        Assert.True(plan.Zip(plan.Skip(1)).All(p => p.First.Due <= p.Second.Due));
    }

    [Fact]
    public void Planner_Seed000AtRiskPlaybook_IsDays1_3_7_14()
    {
        var planner = new ChurnActionPlanner(a => a.HealthScore < 60 ? [ChurnPlaybooks.AtRisk] : []);
        var assessment = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf) { HealthScore = 45 });

        var plan = planner.Plan(assessment, AsOf);

        Assert.Equal([1, 3, 7, 14], plan.Select(a => Period.DaysBetween(AsOf, a.Due)));
        Assert.Empty(planner.Plan(new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf) { HealthScore = 85 }), AsOf));
    }

    [Fact]
    public void Playbook_BadSteps_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlaybookStep(-1, "Call", "CSM", "phone"));
        Assert.Throws<ArgumentException>(() => new Playbook("empty", "ours", []));
    }
}
