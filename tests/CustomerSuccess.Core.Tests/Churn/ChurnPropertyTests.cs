using System;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Tests.Churn;

/// <summary>Seeded properties of the rule-based assessor.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class ChurnPropertyTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 1);
    private static readonly RuleBasedChurnRiskAssessor Assessor = new();
    private static readonly ChurnRiskOptions Defaults = new();
    private static readonly RuleBasedChurnRiskAssessor ByScore = new(new ChurnRiskOptions { LevelPolicy = ChurnLevelPolicies.RiskScore });

    private static readonly Gen<CustomerSignals> Signals = ChurnGen.Signals(AsOf);

    /// <summary>Ways to make one more signal fire (or fire harder).</summary>
    private static readonly Func<CustomerSignals, CustomerSignals>[] Worsen =
    [
        s => s with { ChampionLeaving = true },
        s => s with { LatePayments = (s.LatePayments ?? 0) + 1 },
        s => s with { UsageChangePercent = Math.Min(s.UsageChangePercent ?? 0, -55) },
        s => s with { FeatureAdoptionRate = Math.Min(s.FeatureAdoptionRate ?? 1, 0.1) },
        s => s with { OpenEscalations = (s.OpenEscalations ?? 0) + 1 },
        s => s with { LastLoginDate = AsOf.PlusDays(-20) },
        s => s with { LatestNpsResponse = 2 },
        s => s with { UnresolvedHighPriorityTickets = (s.UnresolvedHighPriorityTickets ?? 0) + 3 },
    ];

    [Property]
    public Property Assess_ExtraFactor_NeverLowersScoreOrLevel() =>
        Prop.ForAll(
            (from s in Signals
            from i in Gen.Choose(0, Worsen.Length - 1)
            select (s, i)).ToArbitrary(),
            t =>
            {
                var before = Assessor.Assess(t.s);
                var after = Assessor.Assess(Worsen[t.i](t.s));
                return after.RiskScore >= before.RiskScore && after.Level >= before.Level && after.Factors.Count >= before.Factors.Count;
            });

    [Property]
    public Property Assess_LowerHealth_NeverLowersScoreOrLevel() =>
        Prop.ForAll(
            (from s in Signals
            from drop in Gen.Choose(0, 1000).Select(i => i / 10.0)
            select (s, drop)).ToArbitrary(),
            t =>
            {
                var health = t.s.HealthScore ?? 100;
                var before = Assessor.Assess(t.s with { HealthScore = health });
                var after = Assessor.Assess(t.s with { HealthScore = Math.Max(0, health - t.drop) });
                return after.RiskScore >= before.RiskScore && after.Level >= before.Level;
            });

    [Property]
    public Property Assess_Level_IsTheHighestOfTheFactorTheRiskQueryAndTheHealthBand() =>
        Prop.ForAll(Arbitraries.Signals(AsOf), s =>
        {
            var a = Assessor.Assess(s);
            var factor = ChurnLevelPolicies.MostSevereFactor.Decide(s, a.RiskScore, a.Factors.Count > 0 ? a.Factors[0].Severity : null);
            var query = ChurnLevelPolicies.RiskQuery.Decide(s, a.RiskScore, null);
            var band = ChurnLevelPolicies.HealthBands.Decide(s, a.RiskScore, null);
            var expected = (ChurnRiskLevel)Math.Max((int)factor, Math.Max((int)query, (int)band));
            return a.Level == expected && a.Level >= factor && a.Level >= query && a.Level >= band
                && a.RiskScore >= 0 && a.RiskScore <= 100;
        });

    [Property]
    public Property Assess_WithTheRiskScorePolicy_LevelAgreesWithTheScoreCutOffs() =>
        Prop.ForAll(Arbitraries.Signals(AsOf), s =>
        {
            var a = ByScore.Assess(s);
            var byScore = a.RiskScore >= 75 ? ChurnRiskLevel.Critical
                : a.RiskScore >= 50 ? ChurnRiskLevel.High
                : a.RiskScore >= 25 ? ChurnRiskLevel.Medium
                : ChurnRiskLevel.Low;
            var critical = a.Factors.Any(f => f.Severity == ChurnSeverity.Critical);
            var expected = critical && byScore < ChurnRiskLevel.High ? ChurnRiskLevel.High : byScore;
            return a.Level == expected;
        });

    [Property]
    public Property Assess_IsDeterministic() =>
        Prop.ForAll(Arbitraries.Signals(AsOf), s =>
        {
            var a = Assessor.Assess(s);
            var b = new RuleBasedChurnRiskAssessor().Assess(s);
            return a.RiskScore.Equals(b.RiskScore) && a.Level == b.Level && a.PriorityScore.Equals(b.PriorityScore)
                && a.Factors.Select(f => f.Detail).SequenceEqual(b.Factors.Select(f => f.Detail))
                && a.RecommendedActions.SequenceEqual(b.RecommendedActions) && a.ArrAtRisk == b.ArrAtRisk && a.ExpectedLoss == b.ExpectedLoss;
        });

    [Property]
    public Property PriorityComparer_IsATotalOrderByLevelThenPriorityScore() =>
        Prop.ForAll(Gen.ArrayOf(Signals, 30).ToArbitrary(), list =>
        {
            var assessments = list.Select(Assessor.Assess).ToArray();
            var sorted = assessments.OrderBy(a => a, ChurnAssessment.PriorityComparer).ToArray();
            var comparer = ChurnAssessment.PriorityComparer;
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Level > sorted[i - 1].Level
                    || (sorted[i].Level == sorted[i - 1].Level && sorted[i].PriorityScore > sorted[i - 1].PriorityScore))
                {
                    return false;
                }
            }

            foreach (var x in assessments)
            {
                foreach (var y in assessments)
                {
                    if (Math.Sign(comparer.Compare(x, y)) != -Math.Sign(comparer.Compare(y, x)))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Property]
    public Property CompareForWorklist_OrdersBriefsAsThePriorityComparerOrdersTheirAssessments() =>
        Prop.ForAll(Gen.ArrayOf(Signals, 12).ToArbitrary(), list =>
        {
            var pairs = list.Select(s => (Full: Assessor.Assess(s), Brief: Assessor.AssessBrief(s))).ToArray();
            foreach (var x in pairs)
            {
                foreach (var y in pairs)
                {
                    var full = Math.Sign(ChurnAssessment.PriorityComparer.Compare(x.Full, y.Full));
                    var brief = Math.Sign(ChurnRiskBrief.CompareForWorklist(x.Brief, x.Full.CustomerId, y.Brief, y.Full.CustomerId));
                    if (full != brief)
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Property]
    public Property Priority_RisesWithRiskRevenueAndANearerRenewal() =>
        Prop.ForAll(Arbitraries.Signals(AsOf), s =>
        {
            var baseline = s with { RenewalDate = AsOf.PlusDays(200), AnnualRecurringRevenue = 50_000m };
            var a = Assessor.Assess(baseline);
            var moreRevenue = Assessor.Assess(baseline with { AnnualRecurringRevenue = 80_000m });
            var nearer = Assessor.Assess(baseline with { RenewalDate = AsOf.PlusDays(100) });
            var riskier = Assessor.Assess(baseline with { ChampionLeaving = true });
            return moreRevenue.PriorityScore >= a.PriorityScore && nearer.PriorityScore >= a.PriorityScore && riskier.PriorityScore >= a.PriorityScore;
        });

    [Property]
    public Property DayCounts_AgreeWithNodaTime_AcrossYearsAndCalendars() =>
        // The rules count days from the year, month and day of ISO dates; NodaTime's count is the reference, over
        // dates from year -9000 to 9000, renewals up to a century away on either side, and the Julian calendar (which
        // takes NodaTime's own path).
        Prop.ForAll(
            (from epochDay in Gen.Choose(-4_000_000, 2_500_000)
            from sinceContact in Gen.Choose(0, 400)
            from toRenewal in Gen.Choose(-36_600, 36_600)
            from julian in Gen.Elements(false, true)
            select (epochDay, sinceContact, toRenewal, julian)).ToArbitrary(),
            t =>
            {
                var asOf = new LocalDate(1970, 1, 1).PlusDays(t.epochDay);
                if (t.julian)
                {
                    asOf = asOf.WithCalendar(CalendarSystem.Julian);
                }

                var contact = asOf.PlusDays(-t.sinceContact);
                var renewal = asOf.PlusDays(t.toRenewal);
                var a = Assessor.Assess(new CustomerSignals(asOf) { LastContactDate = contact, RenewalDate = renewal, HealthScore = 10 });
                var noContact = a.Factors.SingleOrDefault(f => f.RuleId == ChurnRuleIds.NoRecentContact);
                var renewalAtRisk = a.Factors.Any(f => f.RuleId == ChurnRuleIds.RenewalAtRisk);
                var sinceContact = Period.DaysBetween(contact, asOf);
                var toRenewal = Period.DaysBetween(asOf, renewal);
                return a.DaysToRenewal == toRenewal
                    && (noContact is not null) == (sinceContact > Defaults.MaxDaysWithoutContact)
                    && (noContact is null || noContact.Detail == $"no contact for {sinceContact} days")
                    && renewalAtRisk == (toRenewal < Defaults.RenewalWindowDays);
            });

    [Property]
    public Property AssessBrief_EqualsAssess_ToTheLastBit() =>
        Prop.ForAll(Arbitraries.Signals(AsOf), s => SameFigures(Assessor, s));

    [Property]
    public Property AssessBrief_WithAdditionalAndDisabledRules_EqualsAssess()
    {
        // A user rule of each severity, two of them sharing a severity with built-in rules, and one built-in rule off:
        // the brief's factor order must follow the full assessment's (severity, then rule order).
        var options = new ChurnRiskOptions();
        options.DisabledRules.Add(ChurnRuleIds.LatePayment);
        options.AdditionalRules.Add(new NpsRule("nps-critical", ChurnSeverity.Critical, 2));
        options.AdditionalRules.Add(new NpsRule("nps-high", ChurnSeverity.High, 4));
        options.AdditionalRules.Add(new NpsRule("nps-medium", ChurnSeverity.Medium, 6));
        options.AdditionalRules.Add(new NpsRule("nps-low", ChurnSeverity.Low, 8));
        var assessor = new RuleBasedChurnRiskAssessor(options);

        return Prop.ForAll(Arbitraries.Signals(AsOf), s => SameFigures(assessor, s));
    }

    private static bool SameFigures(RuleBasedChurnRiskAssessor assessor, CustomerSignals s)
    {
        var full = assessor.Assess(s);
        var brief = assessor.AssessBrief(s);
        var ids = Enumerable.Range(0, brief.FactorIdCount).Select(brief.FactorId);
        return brief.Level == full.Level
            && BitConverter.DoubleToInt64Bits(brief.RiskScore) == BitConverter.DoubleToInt64Bits(full.RiskScore)
            && BitConverter.DoubleToInt64Bits(brief.PriorityScore) == BitConverter.DoubleToInt64Bits(full.PriorityScore)
            && brief.DaysToRenewal == full.DaysToRenewal
            && brief.ArrAtRisk == full.ArrAtRisk
            && brief.ExpectedLoss == full.ExpectedLoss
            && brief.AnnualRecurringRevenue == full.AnnualRecurringRevenue
            && brief.FactorCount == full.Factors.Count
            && ids.SequenceEqual(full.Factors.Take(ChurnRiskBrief.MaxFactorIds).Select(f => f.RuleId));
    }

    /// <summary>Fires at or below an NPS response, with a fixed severity.</summary>
    private sealed class NpsRule(string id, ChurnSeverity severity, int atOrBelow) : IChurnRiskRule
    {
        public string Id { get; } = id;

        public ChurnSeverity Severity { get; } = severity;

        public ChurnRiskFactor? Evaluate(CustomerSignals signals) =>
            signals.LatestNpsResponse <= atOrBelow ? new ChurnRiskFactor(Id, Severity, $"NPS {signals.LatestNpsResponse}") : null;
    }
}
