using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerSuccess.Engagement;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// Writes a synthetic book of business for the agenda, deterministic for a seed and an as-of date: the accounts file
/// and its touchpoints, stakeholders, QBRs and milestones, with accounts on cadence and off it, a few never contacted,
/// strategic accounts with late QBR steps, stakeholders not touched in months, a role outside the matrix, and success
/// plans missing or with milestones late.
/// </summary>
internal sealed class BookGenerator(int seed, LocalDate asOf)
{
    public const string AccountsFile = "accounts.csv";
    public const string TouchpointsFile = "touchpoints.csv";
    public const string StakeholdersFile = "stakeholders.csv";
    public const string QbrsFile = "qbrs.csv";
    public const string MilestonesFile = "milestones.csv";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Tyrell", "Soylent", "Hooli", "Vandelay", "Wonka", "Acme"];
    private static readonly string[] Kinds = ["Labs", "Group", "Systems", "Holdings", "Analytics", "Foods", "Logistics", "Health", "Bank", "Retail"];
    private static readonly string[] Owners = ["Dana Lee", "Sam Ortiz", "Priya Shah"];
    private static readonly string[] First = ["Ava", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Isla", "Jonas", "Kemi", "Luca", "Maya", "Noah", "Olga", "Pavel"];
    private static readonly string[] Last = ["Adams", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Novak"];

    /// <summary>Writes the five files of <paramref name="count"/> accounts into <paramref name="folder"/>, each whole or not at all.</summary>
    public void Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        using var accounts = new AtomicFile(Path.Combine(folder, AccountsFile));
        using var touchpoints = new AtomicFile(Path.Combine(folder, TouchpointsFile));
        using var stakeholders = new AtomicFile(Path.Combine(folder, StakeholdersFile));
        using var qbrs = new AtomicFile(Path.Combine(folder, QbrsFile));
        using var milestones = new AtomicFile(Path.Combine(folder, MilestonesFile));
        accounts.Writer.WriteLine("id,name,owner,kickoff,strategic,renewal_date,last_nps_survey,success_plan");
        touchpoints.Writer.WriteLine("account,date");
        stakeholders.Writer.WriteLine("account,name,role,last_touch");
        qbrs.Writer.WriteLine("account,meeting,scheduled_on,pre_read_sent_on,summary_sent_on");
        milestones.Writer.WriteLine("account,milestone,due,done,owner");
        for (var i = 1; i <= count; i++)
        {
            var id = string.Create(C, $"A{i:000}");
            var kickoff = asOf.PlusDays(-random.Next(5, 700));
            var strategic = random.NextDouble() < 0.35;
            var renewal = kickoff.PlusYears(1);
            while (renewal < asOf)
            {
                renewal = renewal.PlusYears(1);
            }

            var surveyed = Period.DaysBetween(kickoff, asOf) < 30 || random.NextDouble() < 0.1 ? null : (LocalDate?)Max(kickoff, asOf.PlusDays(-random.Next(0, 100)));
            var plan = random.NextDouble() < 0.9;
            var owner = Owners[random.Next(Owners.Length)];
            accounts.Writer.Write($"{id},");
            CsvText.WriteText(accounts.Writer, $"{Companies[random.Next(Companies.Length)]} {Kinds[random.Next(Kinds.Length)]}");
            accounts.Writer.WriteLine($",{owner},{D(kickoff)},{(strategic ? "true" : "false")},{D(renewal)},{D(surveyed)},{(plan ? "true" : "false")}");
            WriteTouchpoints(touchpoints.Writer, random, id, kickoff);
            WriteStakeholders(stakeholders.Writer, random, id, kickoff);
            if (strategic)
            {
                WriteQbrs(qbrs.Writer, random, id, kickoff);
            }

            WriteMilestones(milestones.Writer, random, id, kickoff);
        }

        accounts.Commit();
        touchpoints.Commit();
        stakeholders.Commit();
        qbrs.Commit();
        milestones.Commit();
    }

    /// <summary>Touchpoints over the last four months: most accounts about every two to five weeks, some gone quiet, a few never contacted.</summary>
    private void WriteTouchpoints(TextWriter writer, Random random, string id, LocalDate kickoff)
    {
        var u = random.NextDouble();
        if (u < 0.06)
        {
            return;
        }

        var quietFrom = u < 0.25 ? asOf.PlusDays(-random.Next(30, 90)) : asOf;
        for (var day = Max(kickoff, asOf.PlusDays(-120)).PlusDays(random.Next(0, 10)); day <= quietFrom; day = day.PlusDays(random.Next(5, 36)))
        {
            writer.WriteLine($"{id},{D(day)}");
        }
    }

    private void WriteStakeholders(TextWriter writer, Random random, string id, LocalDate kickoff)
    {
        var people = new List<string>
        {
            StakeholderMatrix.ExecutiveSponsorRole, StakeholderMatrix.ChampionRole,
        };
        if (random.NextDouble() < 0.8)
        {
            people.Add(StakeholderMatrix.PowerUserRole);
        }

        if (random.NextDouble() < 0.6)
        {
            people.Add(StakeholderMatrix.BudgetHolderRole);
        }

        if (random.NextDouble() < 0.1)
        {
            people.Add("Legal");
        }

        foreach (var role in people)
        {
            // Most are touched about as often as their role needs (the matrix's frequency), some a good deal less, a few never.
            var every = role switch { StakeholderMatrix.ChampionRole => 14, StakeholderMatrix.PowerUserRole => 30, _ => 90 };
            var touched = random.NextDouble() < 0.06 ? null : (LocalDate?)Max(kickoff, asOf.PlusDays(-random.Next(0, (int)(every * (random.NextDouble() < 0.8 ? 1.0 : 2.5)))));
            writer.WriteLine($"{id},{First[random.Next(First.Length)]} {Last[random.Next(Last.Length)]},{role},{D(touched)}");
        }
    }

    /// <summary>A QBR every three months from the kickoff, steps sometimes late or missing; the next one sometimes planned.</summary>
    private void WriteQbrs(TextWriter writer, Random random, string id, LocalDate kickoff)
    {
        for (var meeting = kickoff.PlusMonths(3).PlusDays(random.Next(-5, 10)); ; meeting = meeting.PlusMonths(3).PlusDays(random.Next(-5, 15)))
        {
            if (meeting > asOf)
            {
                if (meeting.PlusDays(-14) <= asOf && random.NextDouble() < 0.6)
                {
                    writer.WriteLine($"{id},{D(meeting)},{D(meeting.PlusDays(-random.Next(14, 20)))},,");
                }

                return;
            }

            var scheduled = meeting.PlusDays(-(random.NextDouble() < 0.2 ? random.Next(4, 13) : random.Next(14, 21)));
            var preRead = random.NextDouble() < 0.15 ? null : (LocalDate?)meeting.PlusDays(-random.Next(1, 6));
            var summary = random.NextDouble() < 0.15 ? null : (LocalDate?)Min(asOf, meeting.PlusDays(random.Next(0, 3)));
            writer.WriteLine($"{id},{D(meeting)},{D(Min(asOf, scheduled))},{D(preRead is { } p ? Min(asOf, p) : null)},{D(summary)}");
        }
    }

    private void WriteMilestones(TextWriter writer, Random random, string id, LocalDate kickoff)
    {
        foreach (var (name, day) in new[] { ("Kickoff call held", 7), ("First value reached", 30), ("Half the seats active", 90) })
        {
            var due = kickoff.PlusDays(day);
            var done = due.PlusDays(random.Next(-5, 20));
            var reached = done <= asOf && random.NextDouble() < (due < asOf.PlusDays(-60) ? 0.97 : 0.75);
            writer.WriteLine($"{id},{name},{D(due)},{(reached ? D(done) : string.Empty)},");
        }
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static string D(LocalDate? date) => date is { } d ? d.ToString("uuuu-MM-dd", C) : string.Empty;
}
