using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// Writes realistic synthetic customers for the default model, deterministic for a seed and an "as of" date: every
/// band, missing values, renewals spread over the next year, NPS responses from about 60 % of customers, a few late
/// payments and champions leaving; a segment by plan, a lifecycle stage by the dates, and about one customer in twelve
/// a subsidiary of an earlier top-level customer (so parents roll up, with no deeper chains and no cycles). The
/// segment, stage and parent are drawn from a generator of their own, so the other columns are what they were before
/// those were added.
/// </summary>
internal sealed class SampleGenerator(int seed, LocalDate asOf)
{
    public const string Header =
        "id,name,usage,support,engagement,billing,outcomes,usage_change,feature_adoption,unresolved_tickets,tickets_30d,open_escalations,"
        + "last_contact,last_login,last_activity,late_payments,champion_leaving,nps,renewal_date,arr,plan,seats_licensed,seats_used,new_team_members,onboarding_completed,parent_id,segment,stage";

    private static readonly string[] Names = ["Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Tyrell", "Soylent", "Hooli", "Vandelay", "Wonka", "Acme"];
    private static readonly string[] Kinds = ["Labs", "Group", "Systems", "Holdings", "Analytics", "Foods", "Logistics", "Health", "Bank", "Retail"];

    public void Write(TextWriter writer, int count)
    {
        var random = new Random(seed);
        var tree = new Random(unchecked((seed * 7919) + 104_729));
        var topLevel = new List<int>();
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(Header);
        for (var i = 1; i <= count; i++)
        {
            // A latent health that puts customers in every band: 45 % healthy, 25 % neutral, 18 % at risk, 12 % critical.
            var u = random.NextDouble();
            var health = u < 0.45 ? Uniform(random, 80, 98) : u < 0.70 ? Uniform(random, 60, 80) : u < 0.88 ? Uniform(random, 40, 60) : Uniform(random, 8, 40);
            var sparse = random.NextDouble() < 0.01; // a few customers with too little data for a score
            string Component() => sparse && random.NextDouble() < 0.8 || random.NextDouble() < 0.04
                ? string.Empty
                : Math.Round(Math.Clamp(health + (Gaussian(random) * 8), 0, 100), 1).ToString(c);

            var plan = random.NextDouble() switch { < 0.5 => "Starter", < 0.85 => "Business", _ => "Enterprise" };
            var (seatsLow, seatsHigh, arrLow, arrHigh) = plan switch
            {
                "Starter" => (5, 20, 5_000, 20_000),
                "Business" => (20, 100, 20_000, 80_000),
                _ => (100, 500, 80_000, 400_000),
            };
            var licensed = random.Next(seatsLow, seatsHigh + 1);
            var used = (int)Math.Round(licensed * Math.Clamp((health / 100) + (Gaussian(random) * 0.15), 0.1, 1.0));
            var weak = health < 50;
            var nps = random.NextDouble() < 0.6 ? ((int)Math.Round(Math.Clamp((health / 10) + 1.5 + (Gaussian(random) * 1.5), 0, 10))).ToString(c) : string.Empty;
            var late = random.NextDouble() < (weak ? 0.15 : 0.03) ? random.Next(1, 3).ToString(c) : "0";
            var champion = random.NextDouble() < 0.02 ? "true" : "false";

            writer.Write(string.Create(c, $"C{i:000000},"));
            CsvText.WriteText(writer, $"{Names[random.Next(Names.Length)]} {Kinds[random.Next(Kinds.Length)]} {i}");
            writer.Write(',');
            writer.Write(string.Join(',', Component(), Component(), Component(), Component(), Component()));
            // The draws in the order they were made before the segment, stage and parent were added.
            writer.Write(string.Create(c,
                $",{Math.Round(Math.Max(-100, ((health - 65) / 1.5) + (Gaussian(random) * 10)), 1)}"
                + $",{Math.Round(Math.Clamp((health / 100) + (Gaussian(random) * 0.1), 0, 1), 2)}"
                + $",{random.Next(0, weak ? 5 : 2)},{random.Next(0, weak ? 8 : 3)},{(health < 40 && random.NextDouble() < 0.3 ? 1 : 0)}"
                + $",{Date(asOf.PlusDays(-random.Next(0, weak ? 60 : 30)))},{Date(asOf.PlusDays(-random.Next(0, health < 40 ? 30 : 5)))},{Date(asOf.PlusDays(-random.Next(0, health < 40 ? 40 : 7)))}"
                + $",{late},{champion},{nps}"));
            var renewal = asOf.PlusDays(random.Next(1, 366));
            var arr = random.Next(arrLow / 100, (arrHigh / 100) + 1) * 100;
            var newMembers = random.Next(0, 6);
            var onboarded = random.NextDouble() < 0.85;
            writer.Write(string.Create(c, $",{Date(renewal)},{arr},{plan},{licensed},{used},{newMembers},{(onboarded ? "true" : "false")}"));
            var renewalDays = Period.DaysBetween(asOf, renewal);
            var parent = topLevel.Count > 0 && tree.NextDouble() < 0.08 ? topLevel[tree.Next(topLevel.Count)] : 0;
            if (parent == 0)
            {
                topLevel.Add(i);
            }

            var segment = plan switch { "Starter" => "Smb", "Business" => "MidMarket", _ => "Enterprise" };
            var stage = onboarded ? renewalDays < 90 ? "Retention" : "Adoption" : "Onboarding";
            writer.Write(string.Create(c, $",{(parent == 0 ? string.Empty : $"C{parent:000000}")},{segment},{stage}"));
            writer.WriteLine();
        }
    }

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
