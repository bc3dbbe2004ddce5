using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Engagement;
using CustomerSuccess.Nps;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Renewals;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>The playbooks an agenda is built with: the check-in cadence and QBR policy the options name, and the library's presets for the rest.</summary>
internal sealed record AgendaPlaybooks(CheckInCadence Cadence, QbrPolicy Qbr)
{
    public StakeholderMatrix Stakeholders { get; } = StakeholderMatrix.Seed003;

    public RenewalPlaybook Renewal { get; } = RenewalPlaybook.Seed004;

    public NpsSurveyCadence Surveys { get; } = NpsSurveyCadence.Seed004;

    public SuccessPlanPolicy SuccessPlans { get; } = new();
}

/// <summary>
/// The agenda of a book of business read by <see cref="BookReader"/>: every area whose data the files give (an area
/// whose file or column is absent is left off), through the library's statuses and <see cref="Agenda.Build"/>.
/// </summary>
internal static class BookAgenda
{
    public static Agenda Build(BookReader book, BookFiles files, AgendaPlaybooks playbooks, LocalDate asOf, int lookaheadDays) =>
        Agenda.Build(Items(book, files, playbooks, asOf, asOf.PlusDays(lookaheadDays)), asOf, lookaheadDays);

    /// <summary>The roles stakeholders hold that the matrix does not name, with how many hold each: contacts with no touch due.</summary>
    public static IReadOnlyList<(string Role, int People)> OtherRoles(BookReader book, AgendaPlaybooks playbooks) =>
        [.. book.Accounts.SelectMany(a => a.Stakeholders).Where(s => playbooks.Stakeholders.Find(s.Role) is null)
            .GroupBy(s => s.Role, StringComparer.OrdinalIgnoreCase).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The accounts that have QBR rows but are not marked strategic: their QBRs put nothing on the agenda.</summary>
    public static int QbrsNotStrategic(BookReader book) => book.Accounts.Count(a => !a.Strategic && a.Qbrs.Count > 0);

    // Streamed: only the items the agenda keeps are held, not every candidate of every account.
    private static IEnumerable<AgendaItem> Items(BookReader book, BookFiles files, AgendaPlaybooks playbooks, LocalDate asOf, LocalDate horizon)
    {
        var surveys = book.AccountColumns.Contains("last_nps_survey");
        var plans = book.AccountColumns.Contains("success_plan");
        foreach (var a in book.Accounts)
        {
            if (files.Touchpoints is not null)
            {
                yield return playbooks.Cadence.Status(a.Kickoff, a.Touchpoints, asOf).ToAgendaItem(a.Id, a.Owner);
            }

            var groups = new List<IEnumerable<AgendaItem>>();
            if (files.Qbrs is not null && a.Strategic)
            {
                groups.Add(playbooks.Qbr.Status(a.Kickoff, a.Qbrs, asOf).ToAgendaItems(a.Id, a.Owner, horizon));
            }

            if (files.Stakeholders is not null)
            {
                groups.Add(playbooks.Stakeholders.Assess(a.Stakeholders, asOf).ToAgendaItems(a.Id, a.Owner, horizon));
            }

            groups.Add(a.Milestones.Where(m => m.Done is null).Select(m => m.ToAgendaItem(a.Id)));
            var renewal = a.RenewalDate >= asOf ? a.RenewalDate : null;
            if (renewal is { } r)
            {
                groups.Add(RenewalItems(a.Id, r, playbooks.Renewal, asOf, horizon));
            }

            if (surveys)
            {
                groups.Add([playbooks.Surveys.NextDue(a.Kickoff, asOf, a.LastNpsSurvey).ToAgendaItem(a.Id)]);
            }

            if (plans)
            {
                groups.Add(a.HasSuccessPlan == false ? playbooks.SuccessPlans.ToAgendaItems(a.Id, null, a.Kickoff, renewal)
                    : renewal is { } next ? [playbooks.SuccessPlans.NextTermItem(a.Id, next)]
                    : []);
            }

            foreach (var item in groups.SelectMany(g => g))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// The renewal checkpoints of a renewal on <paramref name="renewal"/> (on or after the as-of date): the accounts file
    /// does not say which are done, so those before the one in force (the latest due on or before the as-of date) are
    /// taken as done, and the one in force and those ahead are on the agenda.
    /// </summary>
    private static IReadOnlyList<AgendaItem> RenewalItems(string id, LocalDate renewal, RenewalPlaybook playbook, LocalDate asOf, LocalDate horizon)
    {
        var start = asOf.PlusYears(-1);
        var contract = new Contract(id, start, Period.FromDays(Period.DaysBetween(start, renewal)), autoRenews: false, 0m);
        var inForce = playbook.Checkpoints.Where(c => renewal.PlusDays(-c.DaysBefore) <= asOf).MinBy(c => c.DaysBefore);
        var done = inForce is null ? [] : playbook.Checkpoints.Where(c => c.DaysBefore > inForce.DaysBefore);
        return RenewalTimeline.For(contract, playbook, asOf, done).ToAgendaItems(id, horizon);
    }
}

/// <summary>Writes an agenda as text (a table, each item with its reason below it), CSV or JSON.</summary>
internal static class AgendaWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(string format, TextWriter output, Agenda agenda, IReadOnlyDictionary<string, BookAccount> accounts, bool toTerminal)
    {
        switch (format)
        {
            case "csv":
                WriteCsv(output, agenda, accounts);
                break;
            case "json":
                WriteJson(output, agenda, accounts);
                break;
            default:
                WriteText(output, agenda, accounts, toTerminal);
                break;
        }
    }

    private static void WriteText(TextWriter output, Agenda agenda, IReadOnlyDictionary<string, BookAccount> accounts, bool toTerminal)
    {
        var asOf = agenda.AsOf;
        var window = agenda.LookaheadDays == 0 ? "due or overdue" : $"due or overdue, and due in the next {agenda.LookaheadDays} {(agenda.LookaheadDays == 1 ? "day" : "days")}";
        var overdue = agenda.Items.Count(i => i.IsOverdueOn(asOf));
        var count = agenda.Items.Select(i => i.Account).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine(string.Create(C, $"Agenda as of {asOf:uuuu-MM-dd} ({window}): {agenda.Items.Count} {(agenda.Items.Count == 1 ? "item" : "items")}, {overdue} overdue, for {count} of {accounts.Count} accounts."));
        if (agenda.Items.Count == 0)
        {
            return;
        }

        var rows = agenda.Items.Select(i => (
            Due: i.DueDate.ToString("uuuu-MM-dd", C),
            Late: i.IsOverdueOn(asOf) ? string.Create(C, $"{i.DaysOverdueOn(asOf)} d") : i.DueDate == asOf ? "today" : string.Empty,
            Priority: i.Priority.ToString(),
            Account: accounts.TryGetValue(i.Account, out var a) ? a.Display : i.Account,
            i.What,
            i.Owner,
            Why: $"{i.Rule} ({i.Source})")).ToArray();
        var widths = new[]
        {
            10,
            Math.Max("Overdue".Length, rows.Max(r => r.Late.Length)),
            Math.Max("Priority".Length, rows.Max(r => r.Priority.Length)),
            Math.Max("Account".Length, rows.Max(r => r.Account.Length)),
            Math.Max("What".Length, rows.Max(r => r.What.Length)),
        };
        var indent = widths.Sum() + (2 * widths.Length);
        output.WriteLine();
        Line(output, toTerminal, widths, "Due", "Overdue", "Priority", "Account", "What", "Owner");
        foreach (var r in rows)
        {
            Line(output, toTerminal, widths, r.Due, r.Late, r.Priority, r.Account, r.What, r.Owner);
            Text(output, toTerminal, new string(' ', indent - widths[4] - 2) + r.Why);
            output.WriteLine();
        }
    }

    private static void Line(TextWriter output, bool toTerminal, int[] widths, params string[] cells)
    {
        var line = string.Join("  ", cells.Select((c, i) => i < widths.Length ? (i == 1 ? c.PadLeft(widths[i]) : c.PadRight(widths[i])) : c));
        Text(output, toTerminal, line.TrimEnd());
        output.WriteLine();
    }

    private static void Text(TextWriter output, bool toTerminal, string text)
    {
        if (toTerminal)
        {
            Echo.WriteToTerminal(output, text);
        }
        else
        {
            output.Write(text);
        }
    }

    private static void WriteCsv(TextWriter output, Agenda agenda, IReadOnlyDictionary<string, BookAccount> accounts)
    {
        output.WriteLine("due_date,days_overdue,priority,account,name,kind,what,owner,rule,source");
        foreach (var i in agenda.Items)
        {
            output.Write(string.Create(C, $"{i.DueDate:uuuu-MM-dd},{i.DaysOverdueOn(agenda.AsOf)},{i.Priority},"));
            CsvText.WriteText(output, i.Account);
            output.Write(',');
            CsvText.WriteText(output, accounts.TryGetValue(i.Account, out var a) ? a.Name : null);
            output.Write(',');
            output.Write(Kind(i.Kind));
            foreach (var text in new[] { i.What, i.Owner, i.Rule, i.Source })
            {
                output.Write(',');
                CsvText.WriteText(output, text);
            }

            output.WriteLine();
        }
    }

    private static void WriteJson(TextWriter output, Agenda agenda, IReadOnlyDictionary<string, BookAccount> accounts)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("as_of", agenda.AsOf.ToString("uuuu-MM-dd", C));
            json.WriteNumber("lookahead_days", agenda.LookaheadDays);
            json.WriteNumber("accounts", accounts.Count);
            json.WriteNumber("overdue", agenda.Items.Count(i => i.IsOverdueOn(agenda.AsOf)));
            json.WriteStartArray("items");
            foreach (var i in agenda.Items)
            {
                json.WriteStartObject();
                json.WriteString("due_date", i.DueDate.ToString("uuuu-MM-dd", C));
                json.WriteNumber("days_overdue", i.DaysOverdueOn(agenda.AsOf));
                json.WriteString("priority", i.Priority.ToString());
                json.WriteString("account", i.Account);
                if (accounts.TryGetValue(i.Account, out var a) && a.Name is { } name)
                {
                    json.WriteString("name", name);
                }
                else
                {
                    json.WriteNull("name");
                }

                json.WriteString("kind", Kind(i.Kind));
                json.WriteString("what", i.What);
                json.WriteString("owner", i.Owner);
                json.WriteString("rule", i.Rule);
                json.WriteString("source", i.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    /// <summary>The kind as the output names it: <c>check_in</c>, <c>qbr</c>, <c>stakeholder_touch</c>, and so on.</summary>
    private static string Kind(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.CheckIn => "check_in",
        AgendaItemKind.Qbr => "qbr",
        AgendaItemKind.StakeholderTouch => "stakeholder_touch",
        AgendaItemKind.SuccessPlan => "success_plan",
        AgendaItemKind.RenewalCheckpoint => "renewal_checkpoint",
        AgendaItemKind.OnboardingTask => "onboarding_task",
        AgendaItemKind.NpsFollowUp => "nps_follow_up",
        AgendaItemKind.NpsSurvey => "nps_survey",
        _ => "other",
    };
}
