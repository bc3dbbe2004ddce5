using System;
using System.Globalization;
using System.IO;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// Writes a synthetic history for <c>backtest</c>, deterministic for a seed and an end date: a year of monthly snapshots
/// of each account (the default model's five components, drifting month to month, and the churn signals they imply),
/// and how each account's history ends, drawn from a known hazard. Churn is planted: its log-odds in a month are
/// -3.6 + 7 (0.6 - usage/100) + 3.5 (0.6 - support/100), so usage drives it most, support next, and the engagement,
/// billing and outcomes scores not at all; at its renewal an account churns with the log-odds 1.5 higher, else renews.
/// A back-test of the file should find exactly that.
/// </summary>
internal sealed class HistoryGenerator(int seed, LocalDate end)
{
    public const string HistoryFile = "history.csv";

    public const string OutcomesFile = "outcomes.csv";

    public const string Header = "id,as_of,usage,support,engagement,billing,outcomes,usage_change,unresolved_tickets,last_login,late_payments,nps,renewal_date,arr";

    /// <summary>The planted monthly log-odds of churn.</summary>
    public static double ChurnLogOdds(double usage, double support) => -3.6 + (7 * (0.6 - (usage / 100))) + (3.5 * (0.6 - (support / 100)));

    /// <summary>Writes <see cref="HistoryFile"/> and <see cref="OutcomesFile"/> of <paramref name="count"/> accounts into <paramref name="folder"/>, each whole or not at all.</summary>
    public void Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        using var history = new AtomicFile(Path.Combine(folder, HistoryFile));
        using var outcomes = new AtomicFile(Path.Combine(folder, OutcomesFile));
        Write(history.Writer, outcomes.Writer, count);
        history.Commit();
        outcomes.Commit();
    }

    public void Write(TextWriter history, TextWriter outcomes, int count)
    {
        var random = new Random(seed);
        var c = CultureInfo.InvariantCulture;
        var start = end.PlusYears(-1);
        history.WriteLine(Header);
        outcomes.WriteLine("account,outcome,date");
        var scores = new double[5];
        for (var i = 1; i <= count; i++)
        {
            var id = string.Create(c, $"H{i:00000}");
            // A latent health that puts accounts in every band, each component scattered about it.
            var u = random.NextDouble();
            var health = u < 0.40 ? Uniform(random, 75, 95) : u < 0.75 ? Uniform(random, 55, 75) : u < 0.92 ? Uniform(random, 35, 55) : Uniform(random, 10, 35);
            for (var k = 0; k < scores.Length; k++)
            {
                scores[k] = Math.Clamp(health + ((random.NextDouble() - 0.5) * 40), 0, 100);
            }

            // The contract renews once within the history's year or after it; the account is followed until then.
            var renewal = start.PlusDays(random.Next(60, 366 + 180));
            var arr = random.Next(50, 2_000) * 100;
            string? ending = null;
            var previousUsage = scores[0];
            for (var month = 0; month < 12 && ending is null; month++)
            {
                var day = start.PlusMonths(month);
                if (day >= renewal)
                {
                    break;
                }

                for (var k = 0; k < scores.Length; k++)
                {
                    scores[k] = Math.Round(Math.Clamp(scores[k] + ((random.NextDouble() - 0.5) * 10), 0, 100), 1);
                }

                var usage = scores[0];
                var support = scores[1];
                var usageChange = Math.Round(Math.Max(-100, ((usage - previousUsage) * 2) + ((random.NextDouble() - 0.5) * 10)), 1);
                previousUsage = usage;
                var tickets = support < 40 ? random.Next(1, 4) : random.Next(0, 2);
                var lastLogin = day.PlusDays(-random.Next(0, usage < 40 ? 30 : 6));
                var late = scores[3] < 35 ? random.Next(1, 3) : 0;
                var nps = (int)Math.Round(Math.Clamp((scores[2] / 10) + ((random.NextDouble() - 0.5) * 3), 0, 10));
                history.WriteLine(string.Create(c,
                    $"{id},{Date(day)},{scores[0]},{scores[1]},{scores[2]},{scores[3]},{scores[4]},{usageChange},{tickets},{Date(lastLogin)},{late},{nps},{Date(renewal)},{arr}"));

                var odds = ChurnLogOdds(usage, support);
                if (random.NextDouble() < Logistic(odds))
                {
                    var churned = day.PlusDays(random.Next(1, 28));
                    ending = $"churned,{Date(churned < renewal ? churned : renewal)}";
                }
                else if (day.PlusMonths(1) >= renewal && renewal <= end)
                {
                    ending = random.NextDouble() < Logistic(odds + 1.5) ? $"churned,{Date(renewal)}" : $"renewed,{Date(renewal)}";
                }
            }

            outcomes.WriteLine($"{id},{ending ?? (renewal <= end ? $"renewed,{Date(renewal)}" : $"active,{Date(end)}")}");
        }
    }

    private static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    private static double Logistic(double logOdds) => 1 / (1 + Math.Exp(-logOdds));

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
