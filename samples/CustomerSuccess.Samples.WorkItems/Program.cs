using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.WorkItems;
using NodaTime;

namespace CustomerSuccess.Samples.WorkItems;

/// <summary>
/// Three nights of a CRM integration on two customers of the sample data, printing each night's change set. Contoso
/// Labs 3 (C000003) is healthy on 2026-11-22, gets worse on 11-23 (usage down a third, a late payment, no login for 9
/// days, its champion leaving) and is back to its sample values on 11-24. Hooli Bank 5 (C000005) stays as the sample
/// has it; after the first night its CSM dismisses the ticket-spike item. Usage: <c>[CSV file]</c>, by default
/// <c>samples/data/customers.csv</c>.
/// </summary>
public static class Program
{
    private static readonly LocalDate FirstNight = new(2026, 11, 22);

    public static int Main(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine("samples", "data", "customers.csv");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"No such file: {path}. Run from the repository root or pass the CSV path.");
            return 2;
        }

        Run(File.ReadAllLines(path), Console.Out);
        return 0;
    }

    /// <summary>Plays the three nights on the sample file's lines and writes each change set to <paramref name="output"/>.</summary>
    public static void Run(IReadOnlyList<string> lines, TextWriter output)
    {
        var header = lines[0].Split(',');
        var contoso = Row(lines, header, "C000003");
        var hooli = Row(lines, header, "C000005");
        var model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
        var trends = new Dictionary<string, List<DatedHealthScore>>(StringComparer.Ordinal);
        IReadOnlyList<WorkItem> store = [];   // what the integration keeps between nights: its CRM, a table, a file

        for (var night = 0; night < 3; night++)
        {
            var asOf = FirstNight.PlusDays(night);
            var worse = night == 1
                ? new Dictionary<string, string>(contoso, StringComparer.Ordinal)
                {
                    ["usage"] = "30", ["engagement"] = "40", ["usage_change"] = "-34", ["last_login"] = "2026-11-14",
                    ["late_payments"] = "1", ["champion_leaving"] = "true",
                }
                : contoso;

            var findings = new List<WorkItemFinding>();
            foreach (var row in new[] { worse, hooli })
            {
                var id = row["id"];
                var health = model.Evaluate(model.Components.ToDictionary(c => c.Key, c => Number(row[c.Key]), StringComparer.Ordinal)).Score;
                var scores = trends.TryGetValue(id, out var list) ? list : trends[id] = [];
                scores.Add(new DatedHealthScore(asOf, health.Value));
                var assessment = new RuleBasedChurnRiskAssessor().Assess(Signals(row, asOf, health.Value));

                findings.AddRange(WorkItemFindings.FromChurn(assessment));
                if (WorkItemFindings.FromHealthTrend(new HealthTrendAnalyzer().Analyze(scores, model.Bands), id) is { } drop)
                {
                    findings.Add(drop);
                }
            }

            var changes = WorkItemReconciler.Default.Reconcile(store, findings, asOf);
            Print(output, changes);
            store = changes.Apply(store);
            if (night == 0)
            {
                // The CSM looks into Hooli Bank's ticket spike and dismisses the item: it does not come back for that spike.
                store = [.. store.Select(i => i.Account == "C000005" && i.Rule == ChurnRuleIds.HighPriorityTicketSpike ? i with { Status = WorkItemStatus.Dismissed } : i)];
            }
        }
    }

    private static void Print(TextWriter output, WorkItemChanges changes)
    {
        output.WriteLine($"Night of {changes.AsOf:uuuu-MM-dd}");
        foreach (var i in changes.Opened)
        {
            output.WriteLine($"  opened     {i.Key}  {i.Priority}  {i.What}");
        }

        foreach (var k in changes.Kept)
        {
            output.WriteLine($"  kept       {k.Item.Key}  {k.Item.Priority}  ({k.Changes})");
        }

        foreach (var i in changes.Escalated)
        {
            output.WriteLine($"  escalated  {i.Key}  to {i.Owner}");
        }

        foreach (var i in changes.Closed)
        {
            output.WriteLine($"  closed     {i.Key}  {i.CloseReason}{(i.SupersededBy is { } by ? $" by {by}" : string.Empty)}");
        }

        foreach (var i in changes.Suppressed)
        {
            output.WriteLine($"  suppressed {i.Key}  ({i.Status} by the CSM)");
        }

        output.WriteLine();
    }

    private static Dictionary<string, string> Row(IReadOnlyList<string> lines, string[] header, string id)
    {
        var cells = lines.First(l => l.StartsWith(id + ",", StringComparison.Ordinal)).Split(',');
        return header.Select((h, i) => (h, cells[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
    }

    private static CustomerSignals Signals(Dictionary<string, string> row, LocalDate asOf, double? health) => new(asOf)
    {
        CustomerId = row["id"],
        UsageChangePercent = Number(row["usage_change"]),
        FeatureAdoptionRate = Number(row["feature_adoption"]),
        UnresolvedHighPriorityTickets = Whole(row["unresolved_tickets"]),
        HighPriorityTicketsLast30Days = Whole(row["tickets_30d"]),
        OpenEscalations = Whole(row["open_escalations"]),
        LastContactDate = Date(row["last_contact"]),
        LastLoginDate = Date(row["last_login"]),
        LastActivityDate = Date(row["last_activity"]),
        LatePayments = Whole(row["late_payments"]),
        ChampionLeaving = row["champion_leaving"] == "true",
        LatestNpsResponse = Whole(row["nps"]),
        RenewalDate = Date(row["renewal_date"]),
        HealthScore = health,
    };

    private static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    private static int? Whole(string text) => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);

    private static LocalDate? Date(string text) => text.Length == 0 ? null : LocalDate.FromDateTime(DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
