using System;
using System.Collections.Generic;
using System.Data.Common;
using CustomerSuccess.Churn;
using NodaTime;

namespace CustomerSuccess.Sql.Tests;

/// <summary>
/// Seeded customers' churn signals: each signal unknown about one time in seven, values around every rule's threshold
/// (so each rule fires for some and not for others), and one customer in a hundred with a signal out of its range
/// (which the library refuses).
/// </summary>
internal static class SeededSignals
{
    public static readonly LocalDate AsOf = new(2026, 11, 22);

    public static List<CustomerSignals> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<CustomerSignals>(count);
        for (var i = 0; i < count; i++)
        {
            T? Maybe<T>(Func<T> value)
                where T : struct => random.Next(7) == 0 ? null : value();

            var signals = new CustomerSignals(AsOf)
            {
                CustomerId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                HealthScore = Maybe(() => Math.Round(random.NextDouble() * 100, 2)),
                UsageChangePercent = Maybe(() => Math.Round((random.NextDouble() * 140) - 80, 1)),
                FeatureAdoptionRate = Maybe(() => Math.Round(random.NextDouble(), 3)),
                UnresolvedHighPriorityTickets = Maybe(() => random.Next(0, 5)),
                HighPriorityTicketsLast30Days = Maybe(() => random.Next(0, 5)),
                OpenEscalations = Maybe(() => random.Next(0, 3)),
                LastContactDate = Maybe(() => AsOf.PlusDays(-random.Next(0, 60))),
                LastLoginDate = Maybe(() => AsOf.PlusDays(-random.Next(0, 20))),
                LastActivityDate = Maybe(() => AsOf.PlusDays(-random.Next(0, 40))),
                LatePayments = Maybe(() => random.Next(0, 3)),
                ChampionLeaving = Maybe(() => random.Next(10) == 0),
                LatestNpsResponse = Maybe(() => random.Next(0, 11)),
                RenewalDate = Maybe(() => AsOf.PlusDays(random.Next(-30, 400))),
            };
            if (random.Next(100) == 0)
            {
                signals = random.Next(6) switch
                {
                    0 => signals with { LastLoginDate = AsOf.PlusDays(1) },
                    1 => signals with { UnresolvedHighPriorityTickets = -1 },
                    2 => signals with { FeatureAdoptionRate = 1.5 },
                    3 => signals with { LatestNpsResponse = 11 },
                    4 => signals with { UsageChangePercent = -100.5 },
                    _ => signals with { HealthScore = 100.25 },
                };
            }

            list.Add(signals);
        }

        return list;
    }

    /// <summary>
    /// The rows of a compiled query (id, score, level, level rank, factors, top factor, ordered by id) that differ from
    /// the library's brief of the same customer: the score beyond 1e-9, any other figure at all, or an assessment where
    /// the library refuses the signals.
    /// </summary>
    public static List<string> Mismatches(DbDataReader reader, RuleBasedChurnRiskAssessor assessor, List<CustomerSignals> customers, out (int Compared, int Refused) counts)
    {
        var compared = 0;
        var refused = 0;
        var mismatches = new List<string>();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            var expected = Brief(assessor, customers[id]);
            double? score = reader.IsDBNull(1) ? null : reader.GetDouble(1);
            string? level = reader.IsDBNull(2) ? null : reader.GetString(2);
            int? rank = reader.IsDBNull(3) ? null : reader.GetInt32(3);
            int? factors = reader.IsDBNull(4) ? null : reader.GetInt32(4);
            string? top = reader.IsDBNull(5) ? null : reader.GetString(5);
            compared++;
            if (expected is null)
            {
                refused++;
                if (score is not null || level is not null || rank is not null || factors is not null || top is not null)
                {
                    mismatches.Add($"#{id}: refused by the library, assessed by SQL ({score}, {level})");
                }

                continue;
            }

            var e = expected.Value;
            var expectedTop = e.FactorCount > 0 ? e.FactorId(0) : null;
            if (score is not { } s || Math.Abs(s - e.RiskScore) > 1e-9 || level != e.Level.ToString() || rank != (int)e.Level || factors != e.FactorCount || top != expectedTop)
            {
                mismatches.Add($"#{id}: library {e.RiskScore} {e.Level} {e.FactorCount} {expectedTop}; SQL {score} {level} {rank} {factors} {top}");
            }
        }

        counts = (compared, refused);
        return mismatches;
    }

    /// <summary>The library's brief of a customer, or null where it refuses the signals.</summary>
    public static ChurnRiskBrief? Brief(RuleBasedChurnRiskAssessor assessor, CustomerSignals signals)
    {
        try
        {
            return assessor.AssessBrief(signals);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
