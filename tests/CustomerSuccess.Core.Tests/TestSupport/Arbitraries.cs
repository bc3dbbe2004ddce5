using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Tests.TestSupport;

/// <summary>
/// The shared generators as FsCheck arbitraries, with shrinkers that make a counter-example simpler: a customer with
/// fewer signals, scores that are round numbers.
/// </summary>
internal static class Arbitraries
{
    /// <summary>Customers as <see cref="ChurnGen.Signals"/> makes them; a failing one shrinks by dropping one signal at a time.</summary>
    public static Arbitrary<CustomerSignals> Signals(LocalDate asOf) => Arb.From(ChurnGen.Signals(asOf), FewerSignals);

    /// <summary>A model with positional scores (<see cref="HealthGen.ModelWithScores"/>); a failing case shrinks its scores to whole numbers.</summary>
    public static Arbitrary<(WeightedHealthScoreModel Model, double[] Scores)> ModelWithScores(Gen<double> score) =>
        Arb.From(HealthGen.ModelWithScores(score), RoundScores);

    private static IEnumerable<CustomerSignals> FewerSignals(CustomerSignals s)
    {
        if (s.UsageChangePercent is not null) { yield return s with { UsageChangePercent = null }; }
        if (s.FeatureAdoptionRate is not null) { yield return s with { FeatureAdoptionRate = null }; }
        if (s.UnresolvedHighPriorityTickets is not null) { yield return s with { UnresolvedHighPriorityTickets = null }; }
        if (s.HighPriorityTicketsLast30Days is not null) { yield return s with { HighPriorityTicketsLast30Days = null }; }
        if (s.OpenEscalations is not null) { yield return s with { OpenEscalations = null }; }
        if (s.LastContactDate is not null) { yield return s with { LastContactDate = null }; }
        if (s.LastLoginDate is not null) { yield return s with { LastLoginDate = null }; }
        if (s.LastActivityDate is not null) { yield return s with { LastActivityDate = null }; }
        if (s.LatePayments is not null) { yield return s with { LatePayments = null }; }
        if (s.ChampionLeaving is not null) { yield return s with { ChampionLeaving = null }; }
        if (s.LatestNpsResponse is not null) { yield return s with { LatestNpsResponse = null }; }
        if (s.RenewalDate is not null) { yield return s with { RenewalDate = null }; }
        if (s.AnnualRecurringRevenue is not null) { yield return s with { AnnualRecurringRevenue = null }; }
        if (s.HealthScore is not null) { yield return s with { HealthScore = null }; }
    }

    private static IEnumerable<(WeightedHealthScoreModel Model, double[] Scores)> RoundScores((WeightedHealthScoreModel Model, double[] Scores) c)
    {
        for (var i = 0; i < c.Scores.Length; i++)
        {
            var whole = System.Math.Round(c.Scores[i]);
            if (!double.IsNaN(c.Scores[i]) && whole != c.Scores[i])
            {
                var scores = c.Scores.ToArray();
                scores[i] = whole;
                yield return (c.Model, scores);
            }
        }
    }
}
