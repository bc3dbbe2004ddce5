using System;
using System.Linq;
using CustomerSuccess.Churn;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Churn;

public sealed class RuleBasedChurnRiskAssessorTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);
    private static readonly RuleBasedChurnRiskAssessor Assessor = new();

    private static CustomerSignals Signals() => new(AsOf);

    public static TheoryData<string, CustomerSignals, CustomerSignals, string> RuleCases => new()
    {
        // rule id, signals that just fire, signals that just do not, expected detail
        { ChurnRuleIds.UsageDecline, Signals() with { UsageChangePercent = -20.5 }, Signals() with { UsageChangePercent = -20 }, "usage down 20.5 % in the last 30 days" },
        { ChurnRuleIds.SevereUsageDecline, Signals() with { UsageChangePercent = -51 }, Signals() with { UsageChangePercent = -50 }, "usage down 51 %, more than 50 %" },
        { ChurnRuleIds.LowAdoption, Signals() with { FeatureAdoptionRate = 0.29 }, Signals() with { FeatureAdoptionRate = 0.30 }, "feature adoption at 29%, below 30%" },
        { ChurnRuleIds.UnresolvedHighPriorityTickets, Signals() with { UnresolvedHighPriorityTickets = 3 }, Signals() with { UnresolvedHighPriorityTickets = 2 }, "3 unresolved high-priority tickets" },
        { ChurnRuleIds.HighPriorityTicketSpike, Signals() with { HighPriorityTicketsLast30Days = 3 }, Signals() with { HighPriorityTicketsLast30Days = 2 }, "3 high-priority tickets in the last 30 days" },
        { ChurnRuleIds.NoRecentContact, Signals() with { LastContactDate = AsOf.PlusDays(-31) }, Signals() with { LastContactDate = AsOf.PlusDays(-30) }, "no contact for 31 days" },
        { ChurnRuleIds.LatePayment, Signals() with { LatePayments = 1 }, Signals() with { LatePayments = 0 }, "1 late payment" },
        { ChurnRuleIds.NoRecentLogin, Signals() with { LastLoginDate = AsOf.PlusDays(-7) }, Signals() with { LastLoginDate = AsOf.PlusDays(-6) }, "no login for 7 days" },
        { ChurnRuleIds.Inactivity, Signals() with { LastActivityDate = AsOf.PlusDays(-15) }, Signals() with { LastActivityDate = AsOf.PlusDays(-14) }, "no activity for 15 days" },
        { ChurnRuleIds.SupportEscalation, Signals() with { OpenEscalations = 1 }, Signals() with { OpenEscalations = 0 }, "1 open support escalation" },
        { ChurnRuleIds.ChampionLeaving, Signals() with { ChampionLeaving = true }, Signals() with { ChampionLeaving = false }, "the champion is leaving the company" },
        { ChurnRuleIds.NegativeFeedback, Signals() with { LatestNpsResponse = 6 }, Signals() with { LatestNpsResponse = 7 }, "negative feedback: NPS response 6" },
        { ChurnRuleIds.RenewalAtRisk, Signals() with { RenewalDate = AsOf.PlusDays(89), HealthScore = 59.9 }, Signals() with { RenewalDate = AsOf.PlusDays(90), HealthScore = 59.9 }, "renewal in 89 days with health 59.9" },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Rule_AtItsThreshold_FiresJustPastIt(string ruleId, CustomerSignals fires, CustomerSignals quiet, string detail)
    {
        var fired = Assessor.Assess(fires).Factors.Single(f => f.RuleId == ruleId);
        Assert.Equal(detail, fired.Detail);
        Assert.NotNull(fired.RecommendedAction);
        Assert.DoesNotContain(Assessor.Assess(quiet).Factors, f => f.RuleId == ruleId);
    }

    [Fact]
    public void Rule_RenewalAtRisk_NeedsBothTheWindowAndLowHealth()
    {
        Assert.DoesNotContain(Assessor.Assess(Signals() with { RenewalDate = AsOf.PlusDays(30), HealthScore = 60 }).Factors, f => f.RuleId == ChurnRuleIds.RenewalAtRisk);
        Assert.DoesNotContain(Assessor.Assess(Signals() with { RenewalDate = AsOf.PlusDays(30) }).Factors, f => f.RuleId == ChurnRuleIds.RenewalAtRisk);
    }

    [Fact]
    public void Assess_NoSignals_IsLowWithNothingFired()
    {
        var assessment = Assessor.Assess(Signals());

        Assert.Equal(ChurnRiskLevel.Low, assessment.Level);
        Assert.Equal(0.0, assessment.RiskScore);
        Assert.Empty(assessment.Factors);
        Assert.Empty(assessment.RecommendedActions);
        Assert.Null(assessment.DaysToRenewal);
        Assert.Null(assessment.ArrAtRisk);
        Assert.Null(assessment.ExpectedLoss);
        Assert.Equal(0.0, assessment.PriorityScore);
    }

    [Fact]
    public void Assess_Health40Alone_IsMedium()
    {
        // h = 0.5 × (100 − 40) / 100 = 0.3 → risk score 30. Level: the health band 40–59 is "Medium Risk (Score 40-59)".
        var assessment = Assessor.Assess(Signals() with { HealthScore = 40 });

        Assert.Equal(30.0, assessment.RiskScore, 1e-9);
        Assert.Equal(ChurnRiskLevel.Medium, assessment.Level);
    }

    [Fact]
    public void Assess_WorkedExample_IsHighWithScoreRevenueAndPriorityByHand()
    {
        // Health 55: h = 0.5 × 0.45 = 0.225. Usage −34 % fires usage-decline (High, 0.30); no login for 12 days fires
        // no-recent-login (Medium, 0.15). risk = 1 − 0.775 × 0.70 × 0.85 = 1 − 0.461125 = 0.538875 → 53.8875 → High.
        // The renewal is 100 days out, outside the 90-day window, so renewal-at-risk stays quiet.
        // Level: usage-decline is a High factor, and health 55 is in the 40–59 Medium band → High.
        // ARR at risk: the whole 120 000 (High). Expected loss, estimated: 120 000 × 0.538875 = 64 665. Priority: revenue weight 120 000 / 220 000 = 0.545454…,
        // urgency 1 − 100 / 365 = 0.726027…: 53.8875 × (0.5 + 0.272727…) × (0.5 + 0.363013…) = 35.935…
        var assessment = Assessor.Assess(Signals() with
        {
            CustomerId = "C0042",
            HealthScore = 55,
            UsageChangePercent = -34,
            LastLoginDate = AsOf.PlusDays(-12),
            RenewalDate = AsOf.PlusDays(100),
            AnnualRecurringRevenue = 120_000m,
        });

        Assert.Equal(53.8875, assessment.RiskScore, 1e-9);
        Assert.Equal(ChurnRiskLevel.High, assessment.Level);
        Assert.Equal(["usage down 34 % in the last 30 days", "no login for 12 days"], assessment.Factors.Select(f => f.Detail));
        Assert.Equal(100, assessment.DaysToRenewal);
        Assert.Equal(120_000m, assessment.ArrAtRisk);
        Assert.Equal(64_665.00m, assessment.ExpectedLoss);
        Assert.True(assessment.ExpectedLossIsEstimate);
        Assert.Equal(53.8875 * (0.5 + (0.5 * 120_000.0 / 220_000.0)) * (0.5 + (0.5 * (1 - (100.0 / 365)))), assessment.PriorityScore, 1e-9);
        Assert.Equal(
            ["Usage recovery campaign, immediately (CSM)", "Check-in email", ChurnPlaybooks.ExecutiveBusinessReviewAction, ChurnPlaybooks.SuccessPlanResetAction],
            assessment.RecommendedActions);
        Assert.Equal("C0042", assessment.CustomerId);
    }

    [Fact]
    public void Assess_ManyHighFactorsAndLowHealth_IsHighByDefaultAndCriticalByScore()
    {
        // h = 0.5 × 0.8 = 0.4; usage −60 % fires usage-decline and severe-usage-decline (High, High); 1 late payment (High):
        // risk = 1 − 0.6 × 0.7³ = 1 − 0.2058 = 0.7942 → 79.42. The playbooks state High for each of these factors and
        // for health 0–39, and Critical only for a champion leaving: High. The risk-score cut-offs say Critical (≥ 75).
        var signals = Signals() with { HealthScore = 20, UsageChangePercent = -60, LatePayments = 1 };
        var assessment = Assessor.Assess(signals);
        var byScore = new RuleBasedChurnRiskAssessor(new ChurnRiskOptions { LevelPolicy = ChurnLevelPolicies.RiskScore }).Assess(signals);

        Assert.Equal(79.42, assessment.RiskScore, 1e-9);
        Assert.Equal(ChurnRiskLevel.High, assessment.Level);
        Assert.Equal(79.42, byScore.RiskScore, 1e-9);
        Assert.Equal(ChurnRiskLevel.Critical, byScore.Level);
    }

    [Fact]
    public void Assess_ChampionLeaving_IsAtLeastHighEvenWhenTheScoreSaysOtherwise()
    {
        var strict = new RuleBasedChurnRiskAssessor(new ChurnRiskOptions { LevelPolicy = new RiskScoreLevelPolicy(25, 60, 90) });

        // Champion leaving alone: risk 0.5 → 50, below the High threshold of 60, but a Critical factor floors the level at High.
        var assessment = strict.Assess(Signals() with { ChampionLeaving = true, HealthScore = 100 });

        Assert.Equal(50.0, assessment.RiskScore, 1e-9);
        Assert.Equal(ChurnRiskLevel.High, assessment.Level);
        Assert.Equal(ChurnSeverity.Critical, assessment.Factors[0].Severity);
    }

    [Fact]
    public void Assess_Factors_AreMostSevereFirst()
    {
        var assessment = Assessor.Assess(Signals() with
        {
            FeatureAdoptionRate = 0.1,          // Medium
            LatePayments = 2,                   // High
            ChampionLeaving = true,             // Critical
            LastLoginDate = AsOf.PlusDays(-9),  // Medium
        });

        Assert.Equal(
            [ChurnRuleIds.ChampionLeaving, ChurnRuleIds.LatePayment, ChurnRuleIds.LowAdoption, ChurnRuleIds.NoRecentLogin],
            assessment.Factors.Select(f => f.RuleId));
    }

    [Fact]
    public void Options_DisabledRulesAndAdditionalRules_AreHonoured()
    {
        var options = new ChurnRiskOptions();
        options.DisabledRules.Add("LATE-PAYMENT");
        options.AdditionalRules.Add(new SeatShrinkRule());
        var assessor = new RuleBasedChurnRiskAssessor(options);

        var assessment = assessor.Assess(Signals() with { LatePayments = 3, CustomerId = "shrinking" });

        Assert.Equal(["seats-shrinking"], assessment.Factors.Select(f => f.RuleId));
        Assert.DoesNotContain(assessor.Rules, r => r.Id == ChurnRuleIds.LatePayment);
    }

    [Fact]
    public void Options_ChangedAfterConstruction_DoNotChangeTheAssessor()
    {
        var options = new ChurnRiskOptions();
        var assessor = new RuleBasedChurnRiskAssessor(options);
        options.DaysWithoutLogin = 30;

        Assert.Contains(assessor.Assess(Signals() with { LastLoginDate = AsOf.PlusDays(-8) }).Factors, f => f.RuleId == ChurnRuleIds.NoRecentLogin);
    }

    [Fact]
    public void Options_NegativeThresholdsAndInvertedLevels_ListEveryProblem()
    {
        var options = new ChurnRiskOptions
        {
            MaxDaysWithoutContact = -1,
            MinimumAdoptionRate = 1.5,
            UsageDeclinePercent = -20,
            LevelPolicy = null!,
            ProbabilityMediumAt = 0.8,
        };

        var ex = Assert.Throws<ArgumentException>(() => new RuleBasedChurnRiskAssessor(options));

        Assert.Contains("Churn risk options is invalid (5 problems)", ex.Message);
        Assert.Contains("MaxDaysWithoutContact is -1; it must be 0 or more", ex.Message);
        Assert.Contains("MinimumAdoptionRate is 1.5; it must be in [0, 1]", ex.Message);
        Assert.Contains("UsageDeclinePercent is -20; it must be in (0, 100]", ex.Message);
        Assert.Contains("LevelPolicy is null; use one of ChurnLevelPolicies.", ex.Message);
        Assert.Contains("0 < ProbabilityMediumAt < ProbabilityHighAt ≤ 1 but are 0.8, 0.7", ex.Message);
    }

    [Fact]
    public void Options_AdditionalRuleReusingABuiltInId_IsRejected()
    {
        var options = new ChurnRiskOptions();
        options.AdditionalRules.Add(new SeatShrinkRule("late-payment"));

        var ex = Assert.Throws<ArgumentException>(() => new RuleBasedChurnRiskAssessor(options));

        Assert.Contains("the rule id 'late-payment' is used by 2 rules", ex.Message);
    }

    public static TheoryData<CustomerSignals, string> BadSignals => new()
    {
        { Signals() with { UnresolvedHighPriorityTickets = -1 }, "UnresolvedHighPriorityTickets must be 0 or more but was -1" },
        { Signals() with { HighPriorityTicketsLast30Days = -2 }, "HighPriorityTicketsLast30Days must be 0 or more but was -2" },
        { Signals() with { OpenEscalations = -1 }, "OpenEscalations must be 0 or more but was -1" },
        { Signals() with { LatePayments = -1 }, "LatePayments must be 0 or more but was -1" },
        { Signals() with { FeatureAdoptionRate = 1.2 }, "FeatureAdoptionRate must be in [0, 1] but was 1.2" },
        { Signals() with { FeatureAdoptionRate = double.NaN }, "FeatureAdoptionRate must be in [0, 1] but was NaN" },
        { Signals() with { LatestNpsResponse = 11 }, "LatestNpsResponse must be a whole number in [0, 10] but was 11" },
        { Signals() with { LastLoginDate = AsOf.PlusDays(1) }, "LastLoginDate 2026-06-02 is after the as-of date 2026-06-01" },
        { Signals() with { LastContactDate = AsOf.PlusDays(3) }, "LastContactDate 2026-06-04 is after the as-of date 2026-06-01" },
        { Signals() with { LastActivityDate = AsOf.PlusDays(2) }, "LastActivityDate 2026-06-03 is after the as-of date 2026-06-01" },
        { Signals() with { UsageChangePercent = double.PositiveInfinity }, "UsageChangePercent must be a finite number of at least -100 but was Infinity" },
        { Signals() with { UsageChangePercent = double.NaN }, "UsageChangePercent must be a finite number of at least -100 but was NaN" },
        { Signals() with { UsageChangePercent = -120 }, "UsageChangePercent must be a finite number of at least -100 but was -120" },
        { Signals() with { HealthScore = 101 }, "HealthScore must be in [0, 100] but was 101" },
        { Signals() with { AnnualRecurringRevenue = -1m }, "AnnualRecurringRevenue must be 0 or more but was -1" },
    };

    [Theory]
    [MemberData(nameof(BadSignals))]
    public void AssessBrief_BadSignal_ThrowsLikeAssess(CustomerSignals signals, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Assessor.AssessBrief(signals));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void AssessBrief_NullSignals_Throws() =>
        Assert.Throws<ArgumentNullException>("signals", () => Assessor.AssessBrief(null!));

    [Fact]
    public void AssessBrief_KeepsTheThreeMostSevereFactorIds_AndRejectsOtherRanks()
    {
        // Champion leaving (critical), late payment (high), low adoption (medium), no recent login (medium): four fire.
        var brief = Assessor.AssessBrief(Signals() with
        {
            ChampionLeaving = true,
            LatePayments = 1,
            FeatureAdoptionRate = 0.1,
            LastLoginDate = AsOf.PlusDays(-20),
        });

        Assert.Equal(4, brief.FactorCount);
        Assert.Equal(3, brief.FactorIdCount);
        Assert.Equal([ChurnRuleIds.ChampionLeaving, ChurnRuleIds.LatePayment, ChurnRuleIds.LowAdoption], [brief.FactorId(0), brief.FactorId(1), brief.FactorId(2)]);
        Assert.Throws<ArgumentOutOfRangeException>("rank", () => brief.FactorId(3));
        Assert.Throws<ArgumentOutOfRangeException>("rank", () => brief.FactorId(-1));
        Assert.Equal(0, default(ChurnRiskBrief).FactorIdCount);
    }

    [Theory]
    [MemberData(nameof(BadSignals))]
    public void Assess_BadSignal_ThrowsNamingFieldAndValue(CustomerSignals signals, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Assessor.Assess(signals));

        Assert.Contains(message, ex.Message);
    }

    private sealed class SeatShrinkRule(string id = "seats-shrinking") : IChurnRiskRule
    {
        public string Id { get; } = id;

        public ChurnSeverity Severity => ChurnSeverity.Medium;

        public ChurnRiskFactor? Evaluate(CustomerSignals signals) =>
            signals.CustomerId == "shrinking" ? new ChurnRiskFactor(Id, Severity, "seat count fell") : null;
    }
}
