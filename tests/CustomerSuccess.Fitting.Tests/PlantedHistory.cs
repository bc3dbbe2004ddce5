using System;
using System.Collections.Generic;
using CustomerSuccess.Backtesting;
using NodaTime;

namespace CustomerSuccess.Fitting.Tests;

/// <summary>
/// A seeded history whose churn is planted: monthly snapshots of the five components of the 30-20-20-15-15 model for a
/// year, each account's scores drifting month to month, and a monthly churn hazard driven by usage most, support next,
/// and nothing else: logit = -3.5 + 8 (0.6 - usage/100) + 3 (0.6 - support/100).
/// </summary>
internal static class PlantedHistory
{
    public static readonly LocalDate Start = new(2025, 1, 1);

    public static readonly LocalDate End = new(2026, 1, 1);

    public static (List<ComponentSnapshot> Snapshots, List<AccountOutcome> Outcomes) Generate(int accounts, int seed)
    {
        var random = new Random(seed);
        var snapshots = new List<ComponentSnapshot>();
        var outcomes = new List<AccountOutcome>();
        for (var a = 0; a < accounts; a++)
        {
            var id = $"A{a:00000}";
            var scores = new double[5];
            for (var c = 0; c < 5; c++)
            {
                scores[c] = 30 + (60 * random.NextDouble());
            }

            AccountOutcome? outcome = null;
            for (var month = 0; month < 12 && outcome is null; month++)
            {
                var day = Start.PlusMonths(month);
                for (var c = 0; c < 5; c++)
                {
                    scores[c] = Math.Clamp(scores[c] + ((random.NextDouble() - 0.5) * 10), 0, 100);
                }

                snapshots.Add(new ComponentSnapshot(id, day, (double[])scores.Clone()));
                var logit = -3.5 + (8 * (0.6 - (scores[0] / 100))) + (3 * (0.6 - (scores[1] / 100)));
                if (random.NextDouble() < 1 / (1 + Math.Exp(-logit)))
                {
                    outcome = new AccountOutcome(id, OutcomeKind.Churned, day.PlusDays(random.Next(1, 28)));
                }
            }

            outcomes.Add(outcome ?? new AccountOutcome(id, OutcomeKind.Active, End));
        }

        return (snapshots, outcomes);
    }
}
