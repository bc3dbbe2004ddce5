using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The agenda command end to end: a hand-made book worked by hand, the sample book, bad rows, bad arguments.</summary>
public sealed class AgendaCliTests : IDisposable
{
    private static readonly string SampleBook = Path.Combine(CliHarness.RepositoryRoot, "samples", "data", "book");
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>
    /// Two accounts as of 2026-11-22, every area given. A1 (kicked off 2026-11-01, strategic, no success plan, owner
    /// Dana): touched 11-10 on day 10, weekly, so the check-in is due 11-17; its champion last touched 11-01, due every
    /// 14 days, 11-15; its kickoff milestone was due 11-08; the renewal 2027-02-10 puts the 90-day checkpoint on 11-12
    /// (in force, none before it); "create the success plan" is due on the kickoff; its first NPS survey (30 days in)
    /// and first QBR (3 months in, scheduled 14 days ahead: 2027-01-18) are not due. B2 (kicked off 2025-01-15, owner
    /// blank, so CSM): touched 10-01, past day 60, monthly, due 11-01; its sponsor touched 06-01, every 3 months, due
    /// 09-01; its renewal 2026-12-20 puts the 30-day checkpoint (11-20, Sales) in force, the 90- and 60-day ones taken
    /// as done; the next-term plan is due 30 days before it, 11-20; surveyed 10-01, its next survey is the quarterly
    /// one of 10-15 (30 and 90 days after the start, then every 3 months: 2025-07-15, 10-15, …); the Legal contact
    /// needs no touch; the milestone reached puts nothing on the agenda.
    /// </summary>
    [Fact]
    public async Task Agenda_AHandMadeBook_GivesTheItemsWorkedByHand()
    {
        var book = WriteBook();

        var result = await _cli.Run("agenda", book, "--as-of", "2026-11-22", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var items = CliHarness.ParseCsv(result.Out)
            .Select(r => $"{r["due_date"]} {r["days_overdue"]} {r["priority"]} {r["account"]} {r["kind"]} {r["what"]} / {r["owner"]}").ToArray();
        Assert.Equal(
        [
            "2026-09-01 82 Medium B2 stakeholder_touch Touch base with Bob Stone (Executive sponsor) / CSM",
            "2026-10-15 38 Low B2 nps_survey Send the NPS survey / CSM",
            "2026-11-01 21 High A1 success_plan Create the success plan / CSM",
            "2026-11-01 21 Low B2 check_in Check-in / CSM",
            "2026-11-08 14 Medium A1 success_plan Milestone: Kickoff call held / Dana",
            "2026-11-12 10 High A1 renewal_checkpoint Renewal analysis + strategy / CSM",
            "2026-11-15 7 Medium A1 stakeholder_touch Touch base with Eve Park (Champion) / Dana",
            "2026-11-17 5 Low A1 check_in Check-in / Dana",
            "2026-11-20 2 High B2 renewal_checkpoint Proposal sent / Sales",
            "2026-11-20 2 Medium B2 success_plan Success plan for next term / CSM",
        ], items);
        Assert.Contains("roles outside the stakeholder matrix (counted as contacts; no touch due): Legal (1)", result.Error, StringComparison.Ordinal);
        Assert.Contains("accounts.csv: 2 rows read, 2 used, 0 rejected.", result.Error, StringComparison.Ordinal);
        Assert.Contains("qbrs.csv: 0 rows read, 0 used, 0 rejected.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_WithALookahead_AddsWhatFallsDueWithinIt()
    {
        var book = WriteBook();

        var result = await _cli.Run("agenda", book, "--as-of", "2026-11-22", "--format", "json", "--lookahead", "10");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(11, items.Length);
        Assert.Equal(10, json.RootElement.GetProperty("overdue").GetInt32());
        var ahead = Assert.Single(items, i => i.GetProperty("days_overdue").GetInt32() == 0);
        Assert.Equal("2026-12-01", ahead.GetProperty("due_date").GetString());
        Assert.Equal("nps_survey", ahead.GetProperty("kind").GetString());
        Assert.Equal("Acme", ahead.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Agenda_AnAreaWithoutItsFile_IsLeftOff()
    {
        var book = WriteBook();
        File.Delete(Path.Combine(book, "touchpoints.csv"));
        File.Delete(Path.Combine(book, "stakeholders.csv"));

        var result = await _cli.Run("agenda", book, "--as-of", "2026-11-22", "--format", "csv");

        var kinds = CliHarness.ParseCsv(result.Out).Select(r => r["kind"]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("check_in", kinds);
        Assert.DoesNotContain("stakeholder_touch", kinds);
        Assert.Contains("renewal_checkpoint", kinds);
        Assert.DoesNotContain("touchpoints.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_BadRows_EveryBadCellIsReportedWithItsFile_AndTheGoodRowsMakeTheAgenda()
    {
        var book = WriteBook();
        File.AppendAllText(Path.Combine(book, "accounts.csv"), "A1,Dup,,2026-01-01,,,,\nC3,Gamma,,2026-12-01,maybe,,,\n");
        File.AppendAllText(Path.Combine(book, "touchpoints.csv"), "A1,2026-11-23\nZZ,2026-11-01\nC3,2026-11-01\n");
        File.AppendAllText(Path.Combine(book, "qbrs.csv"), "A1,2026-11-05,2026-10-20,2026-11-06,2026-11-04\n");
        File.AppendAllText(Path.Combine(book, "stakeholders.csv"), "B2,Ann Lee,,\nA1,eve park,champion,2026-11-20\n");
        File.AppendAllText(Path.Combine(book, "milestones.csv"), "A1,Go-live,,,\n");

        var result = await _cli.Run("agenda", book, "--as-of", "2026-11-22", "--format", "csv");

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        var errors = CliHarness.ReadCsv(Path.Combine(book, "accounts.errors.csv"))
            .Select(e => $"{Path.GetFileName(e["file"])}:{e["line"]} {e["column"]}={e["value"]}: {e["reason"]}").ToArray();
        Assert.Collection(errors,
            e => Assert.StartsWith("accounts.csv:4 id=A1: duplicate id: the row on line 2 has it", e, StringComparison.Ordinal),
            e => Assert.StartsWith("accounts.csv:5 kickoff=2026-12-01: after the as-of date 2026-11-22", e, StringComparison.Ordinal),
            e => Assert.StartsWith("accounts.csv:5 strategic=maybe: not true or false", e, StringComparison.Ordinal),
            e => Assert.StartsWith("touchpoints.csv:4 date=2026-11-23: after the as-of date 2026-11-22", e, StringComparison.Ordinal),
            e => Assert.StartsWith("touchpoints.csv:5 account=ZZ: no account of this id in accounts.csv", e, StringComparison.Ordinal),
            e => Assert.StartsWith("touchpoints.csv:6 account=C3: the account's own row is rejected", e, StringComparison.Ordinal),
            e => Assert.StartsWith("stakeholders.csv:5 role=: the role is required", e, StringComparison.Ordinal),
            e => Assert.StartsWith("stakeholders.csv:6 name=eve park: duplicate: eve park is listed as champion on line 2 already", e, StringComparison.Ordinal),
            e => Assert.StartsWith("qbrs.csv:2 pre_read_sent_on=2026-11-06: after the meeting on 2026-11-05", e, StringComparison.Ordinal),
            e => Assert.StartsWith("qbrs.csv:2 summary_sent_on=2026-11-04: before the meeting on 2026-11-05", e, StringComparison.Ordinal),
            e => Assert.StartsWith("milestones.csv:4 due=: the due date is required", e, StringComparison.Ordinal));
        Assert.Equal(10, CliHarness.ParseCsv(result.Out).Count);
        Assert.Contains("accounts.csv: 4 rows read, 2 used, 2 rejected.", result.Error, StringComparison.Ordinal);
        Assert.Contains("touchpoints.csv: 5 rows read, 2 used, 3 rejected.", result.Error, StringComparison.Ordinal);
        Assert.Contains("the rejected rows are in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_OnErrorFail_StopsAtTheFirstBadRow_WithNoOutput()
    {
        var book = WriteBook();
        File.AppendAllText(Path.Combine(book, "touchpoints.csv"), "A1,2026-11-23\n");
        var output = _cli.PathOf("agenda.txt");

        var result = await _cli.Run("agenda", book, "--as-of", "2026-11-22", "--on-error", "fail", "--output", output);

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Matches(new Regex("bad row in .*touchpoints.csv at line 4, column 'date', value '2026-11-23': after the as-of date"), result.Error);
    }

    [Fact]
    public async Task Agenda_ARecentChampionTouch_TakesTheTouchOffTheAgenda()
    {
        var book = WriteBook();
        var path = Path.Combine(book, "stakeholders.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Eve Park,Champion,2026-11-01", "Eve Park,Champion,2026-11-21", StringComparison.Ordinal));

        var result = await _cli.Run("agenda", book, "--as-of", "2026-11-22", "--format", "csv");

        Assert.DoesNotContain(CliHarness.ParseCsv(result.Out), r => r["what"].Contains("Eve Park", StringComparison.Ordinal));
        Assert.Equal(9, CliHarness.ParseCsv(result.Out).Count);
    }

    [Theory]
    [InlineData("touchpoints.csv", "when,date\nA1,2026-11-01\n", "touchpoints.csv: the input has no 'account' column (it has when, date); add one.")]
    [InlineData("accounts.csv", "name,kickoff\nAcme,2026-11-01\n", "accounts.csv: the input has no 'id' column (it has name, kickoff); add one.")]
    public async Task Agenda_AFileWithoutItsKeyColumn_ExitsWithTwo_NamingTheFile(string file, string content, string message)
    {
        var book = WriteBook();
        File.WriteAllText(Path.Combine(book, file), content);

        var result = await _cli.Run("agenda", book, "--as-of", "2026-11-22");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Agenda_BadArguments_ExitWithTwo()
    {
        var empty = Directory.CreateDirectory(_cli.PathOf("empty")).FullName;
        var book = WriteBook();

        var noAccounts = await _cli.Run("agenda", empty, "--as-of", "2026-11-22");
        var negative = await _cli.Run("agenda", book, "--lookahead", "-1");
        var stdin = await _cli.Run("agenda", "-");
        var same = await _cli.Run("agenda", Path.Combine(book, "accounts.csv"), "--touchpoints", Path.Combine(book, "accounts.csv"));

        Assert.All([noAccounts, negative, stdin, same], r => Assert.Equal(ExitCodes.InvalidInput, r.ExitCode));
        Assert.Contains("holds no accounts.csv", noAccounts.Error, StringComparison.Ordinal);
        Assert.Contains("--lookahead must be 0 to 3660 days (ten years) but was -1.", negative.Error, StringComparison.Ordinal);
        Assert.Contains("the agenda reads several files", stdin.Error, StringComparison.Ordinal);
        Assert.Contains("BOOK and --touchpoints are the same file", same.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_TheCommittedSampleBook_IsWhatSeed1Makes_AndReadsWithoutABadRow()
    {
        var folder = _cli.PathOf("book");
        var generated = await _cli.Run("generate", "--book", folder, "--count", "15", "--seed", "1", "--as-of", "2026-11-22");
        var agenda = await _cli.Run("agenda", SampleBook, "--as-of", "2026-11-22", "--format", "json");

        Assert.Equal(0, generated.ExitCode);
        foreach (var file in new[] { "accounts.csv", "touchpoints.csv", "stakeholders.csv", "qbrs.csv", "milestones.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(SampleBook, file)), File.ReadAllText(Path.Combine(folder, file)));
        }

        Assert.Equal(0, agenda.ExitCode);
        Assert.DoesNotContain("rejected rows", agenda.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(agenda.Out);
        var kinds = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new[] { "check_in", "qbr", "stakeholder_touch", "success_plan", "renewal_checkpoint", "nps_survey" }.ToHashSet(StringComparer.Ordinal), kinds!);
    }

    [Fact]
    public async Task Docs_TheEngagementPage_ShowsTheSampleBooksAgendaAsPrinted()
    {
        var page = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot, "docs", "engagement.md")).ReplaceLineEndings("\n");
        var result = await _cli.Run("agenda", SampleBook, "--as-of", "2026-11-22");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dotnet run --project src/CustomerSuccess.Cli -- agenda samples/data/book --as-of 2026-11-22", page, StringComparison.Ordinal);
        Assert.Contains("```text\n" + result.Out.ReplaceLineEndings("\n") + "```", page, StringComparison.Ordinal);
    }

    /// <summary>The hand-made book of the worked example, as a folder.</summary>
    private string WriteBook()
    {
        var folder = Directory.CreateDirectory(_cli.PathOf("hand-book-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllText(Path.Combine(folder, "accounts.csv"),
            "id,name,owner,kickoff,strategic,renewal_date,last_nps_survey,success_plan\n"
            + "A1,Acme,Dana,2026-11-01,true,2027-02-10,,false\n"
            + "B2,Beta,,2025-01-15,false,2026-12-20,2026-10-01,true\n");
        File.WriteAllText(Path.Combine(folder, "touchpoints.csv"), "account,date\nA1,2026-11-10\nB2,2026-10-01\n");
        File.WriteAllText(Path.Combine(folder, "stakeholders.csv"),
            "account,name,role,last_touch\nA1,Eve Park,Champion,2026-11-01\nB2,Bob Stone,Executive sponsor,2026-06-01\nB2,Lee Ray,Legal,\n");
        File.WriteAllText(Path.Combine(folder, "qbrs.csv"), "account,meeting,scheduled_on,pre_read_sent_on,summary_sent_on\n");
        File.WriteAllText(Path.Combine(folder, "milestones.csv"), "account,milestone,due,done,owner\nA1,Kickoff call held,2026-11-08,,\nB2,First value,2025-02-15,2025-02-10,\n");
        return folder;
    }
}
