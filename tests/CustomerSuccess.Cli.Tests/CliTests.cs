using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The tool end to end, in process: the sample file, hand-made files, bad rows, exit codes.</summary>
public sealed class CliTests : IDisposable
{
    private const string Header = "id,usage,support,engagement,billing,outcomes,nps,renewal_date,arr,late_payments";
    private static readonly WeightedHealthScoreModel Model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private static readonly LocalDate AsOf = new(2026, 11, 22);
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Score_SampleFile_ScoresEqualTheLibrarys()
    {
        var output = _cli.PathOf("scores.csv");
        var result = await _cli.Run("score", CliHarness.SampleFile, "--as-of", "2026-11-22", "--output", output);

        Assert.Equal(0, result.ExitCode);
        var input = ReadCsv(CliHarness.SampleFile);
        var scored = ReadCsv(output);
        Assert.Equal(input.Count, scored.Count);
        Assert.Contains($"{input.Count} rows read, {input.Count} scored, 0 rejected", result.Error, StringComparison.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var expected = Model.Score([.. Model.Components.Select(c => Number(input[i][c.Key]))]);
            Assert.Equal(input[i]["id"], scored[i]["id"]);
            AssertSameHealth(expected, scored[i]);
        }

        Assert.True(scored.Select(r => r["band"]).Distinct().Count() >= 4, "the sample covers every band");
        Assert.Contains(scored, r => r["health_score"].Length == 0);
    }

    [Fact]
    public async Task Score_HandMadeRows_EqualTheLibraryForHealthAndChurn()
    {
        var input = _cli.Write("in.csv", $"""
            {Header}
            A1,80,70,60,90,50,9,2027-01-10,12000,0
            A2,30,20,,40,10,3,2026-12-01,50000,2
            """);
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22");

        Assert.Equal(0, result.ExitCode);
        var rows = ParseCsv(result.Out);
        // A1: 0.30*80 + 0.20*70 + 0.20*60 + 0.15*90 + 0.15*50 = 71 -> At Risk (40-79, the CS Specialist playbook's categories).
        Assert.Equal("71", rows[0]["health_score"]);
        Assert.Equal("At Risk", rows[0]["band"]);
        // A2: engagement missing, 0.8 of the weight present: (9 + 4 + 6 + 1.5) / 0.8 = 25.625 -> Critical.
        Assert.Equal("25.63", rows[1]["health_score"]); // two decimals, half away from zero
        Assert.Equal("Critical", rows[1]["band"]);
        Assert.Equal("0.8", rows[1]["coverage"]);
        var assessor = new RuleBasedChurnRiskAssessor();
        var a2 = assessor.Assess(new CustomerSignals(AsOf)
        {
            CustomerId = "A2",
            LatestNpsResponse = 3,
            RenewalDate = new LocalDate(2026, 12, 1),
            AnnualRecurringRevenue = 50000m,
            LatePayments = 2,
            HealthScore = Model.Score([30, 20, double.NaN, 40, 10]).Value,
        });
        Assert.Equal(a2.Level.ToString(), rows[1]["churn_level"]);
        Assert.Equal(((double)Math.Round((decimal)a2.RiskScore, 1, MidpointRounding.AwayFromZero)).ToString("0.#", CultureInfo.InvariantCulture), rows[1]["risk_score"]);
        Assert.Equal(string.Join("; ", a2.Factors.Take(3).Select(f => f.RuleId)), rows[1]["top_factors"]);
        Assert.Equal("9", rows[1]["days_to_renewal"]);
    }

    [Fact]
    public async Task Score_MapWithRenamedHeaders_GivesTheSameScores()
    {
        var canonical = _cli.Write("canonical.csv", $"""
            {Header}
            A1,80,70,60,90,50,9,2027-01-10,12000,0
            A2,30,20,,40,10,3,2026-12-01,50000,2
            """);
        var crm = _cli.Write("crm.csv", """
            Account ID,Usage Score,Support Score,Engagement,Billing,Outcomes,NPS,Renews On,ARR (USD),Late
            A1,80,70,60,90,50,9,2027-01-10,12000,0
            A2,30,20,,40,10,3,2026-12-01,50000,2
            """);
        var expected = await _cli.Run("score", canonical, "--as-of", "2026-11-22");
        var mapped = await _cli.Run(
            "score", crm, "--as-of", "2026-11-22",
            "--map", "Account ID=id", "--map", "Usage Score=usage", "--map", "Support Score=support",
            "--map", "NPS=nps", "--map", "Renews On=renewal_date", "--map", "ARR (USD)=arr", "--map", "Late=late_payments");

        Assert.Equal(0, mapped.ExitCode);
        Assert.Equal(expected.Out, mapped.Out);
    }

    [Fact]
    public async Task Score_JsonLinesInAndOut_MatchesCsv()
    {
        var csv = _cli.Write("in.csv", $"""
            {Header}
            A1,80,70,60,90,50,9,2027-01-10,12000,0
            """);
        var jsonl = _cli.Write("in.jsonl", """
            {"id": "A1", "usage": 80, "support": 70, "engagement": 60, "billing": 90, "outcomes": 50, "nps": 9, "renewal_date": "2027-01-10", "arr": 12000, "late_payments": 0}

            """);
        var fromCsv = ParseCsv((await _cli.Run("score", csv, "--as-of", "2026-11-22")).Out)[0];
        var result = await _cli.Run("score", jsonl, "--as-of", "2026-11-22", "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("A1", root.GetProperty("id").GetString());
        Assert.Equal(double.Parse(fromCsv["health_score"], CultureInfo.InvariantCulture), root.GetProperty("health_score").GetDouble());
        Assert.Equal(fromCsv["band"], root.GetProperty("band").GetString());
        Assert.Equal(fromCsv["churn_level"], root.GetProperty("churn_level").GetString());
        Assert.Equal(49, root.GetProperty("days_to_renewal").GetInt32());
    }

    [Fact]
    public async Task Score_DateAfterTheAsOfDate_IsABadCellOfItsRow_NotACrash()
    {
        // The reproduction: id,usage,last_login with B's login a day after --as-of aborted the run with exit 3.
        var input = _cli.Write("future.csv", """
            id,usage,last_login
            A,50,2026-01-01
            B,60,2026-11-23
            """);
        var error = await ScoreWithOneBadRow(input, "future-out", "2 rows read, 1 scored, 1 rejected");

        Assert.Equal(["A"], ReadCsv(_cli.PathOf("future-out.csv")).Select(r => r["id"]));
        Assert.Equal(("3", "last_login", "2026-11-23"), (error["line"], error["column"], error["value"]));
        Assert.Contains("after the as-of date 2026-11-22", error["reason"], StringComparison.Ordinal);

        // An --as-of earlier than the data: every such row is reported, none crashes the run.
        var early = await _cli.Run("summary", input, "--as-of", "2025-12-31");
        Assert.Equal(ExitCodes.BadRows, early.ExitCode);
        Assert.Contains("2 rows read, 0 scored, 2 rejected", early.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in.csv", "--errors", "in.csv")]                      // the errors file would replace the input
    [InlineData("out.errors.csv", "--output", "out.csv")]             // the default errors file is the input
    [InlineData("in.csv", "--output", "in.csv")]                      // the output would replace the input
    [InlineData("in.csv", "--output", "")]                            // an empty path
    public async Task Score_PathsThatCollide_AreRefusedAndTouchNothing(string inputName, string option, string value)
    {
        var input = _cli.Write(inputName, "id,usage\nA,50\nB,,\n");
        var before = File.ReadAllText(input);
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", option, value == string.Empty ? value : _cli.PathOf(value));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal(before, File.ReadAllText(input));
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(line.Length < 200, line);
    }

    [Fact]
    public async Task Score_ErrorsEqualToOutputOrALinkToTheInput_AreRefused()
    {
        var input = _cli.Write("linked.csv", "id,usage\nA,50\n");
        var same = _cli.PathOf("same.csv");
        var both = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", same, "--errors", same);
        Assert.Equal(ExitCodes.InvalidInput, both.ExitCode);
        Assert.Contains("are the same file", both.Error, StringComparison.Ordinal);

        var link = _cli.PathOf("link.csv");
        File.CreateSymbolicLink(link, input);
        var linked = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", link);
        Assert.Equal(ExitCodes.InvalidInput, linked.ExitCode);
        Assert.Equal("id,usage\nA,50\n", File.ReadAllText(input));
    }

    [Fact]
    public async Task Score_CarriageReturnsAlone_EndLines()
    {
        var input = _cli.Write("old-mac.csv", "id,usage\rA,50\rB,60\r");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("2 rows read, 2 scored", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,usage\u0085A,50\u0085", "NEL (U+0085)")]
    [InlineData("id,usage\u2028A,50\n", "U+2028")]
    public async Task Score_LineEndingsTheReaderDoesNotTake_AreAnError_NotAHeaderOnlyFile(string content, string named)
    {
        // These made the whole file its header: exit 0 and "0 rows read", every row lost.
        var input = _cli.Write("endings.csv", content);
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Contains("convert it to LF or CRLF", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadValue_IsEchoedCappedAndWithoutControlCharacters()
    {
        // A bad cell of 300 characters starting with ESC ] 0 ; (which sets a terminal's title) and a BEL.
        var bad = "\u001b]0;title\u0007" + new string('x', 300);
        var input = _cli.Write("echo.csv", $"id,usage\nA,{bad}\n");
        var output = _cli.PathOf("echo-out.csv");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", output, "--on-error", "fail");

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.DoesNotContain('\u0007', result.Error);
        Assert.Contains("\\u001b]0;title\\u0007xxx", result.Error, StringComparison.Ordinal);
        Assert.Contains("…", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Length < 400, result.Error);
    }

    [Theory]
    [InlineData("12,5", false)]
    [InlineData("1,2,3", false)]
    [InlineData("1,,,0", false)]
    [InlineData("1,234.5,0", false)]
    [InlineData(",123", false)]
    [InlineData("1234,567", false)]
    [InlineData("1,234", true)]
    [InlineData("12,345,678.90", true)]
    [InlineData("-1,000", true)]
    [InlineData("45500.00", true)]
    public async Task Score_AmountWithCommas_IsReadOnlyWhenTheyGroupThousands(string arr, bool read)
    {
        var input = _cli.Write("amounts.csv", $"id,usage,arr\nA,50,\"{arr}\"\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", _cli.PathOf("amounts-out.csv"));

        if (read && !arr.StartsWith('-'))
        {
            Assert.Equal(ExitCodes.Success, result.ExitCode);
        }
        else if (!read)
        {
            Assert.Equal(ExitCodes.BadRows, result.ExitCode);
            var error = Assert.Single(ReadCsv(_cli.PathOf("amounts-out.errors.csv")));
            Assert.Equal(("arr", arr), (error["column"], error["value"]));
            Assert.StartsWith("not an amount", error["reason"], StringComparison.Ordinal);
        }
        else
        {
            // "-1,000" is well formed but below the ARR's range: rejected for its range, not its form.
            var error = Assert.Single(ReadCsv(_cli.PathOf("amounts-out.errors.csv")));
            Assert.StartsWith("must be", error["reason"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Summary_AnArrBeyondTheRange_IsABadCell_NotAnOverflow()
    {
        // An ARR of 1e28 passed validation and then overflowed the summary's decimal sums (exit 3).
        var input = _cli.Write("huge.csv", "id,usage,arr\nA,50,10000000000000000000000000000\nB,60,79228162514264337593543950335\nC,70,1000000000000000\n");
        var result = await _cli.Run("summary", input, "--as-of", "2026-11-22", "--format", "json");

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Contains("3 rows read, 1 scored, 2 rejected", result.Error, StringComparison.Ordinal);
        var errors = ReadCsv(_cli.PathOf("huge.errors.csv"));
        Assert.All(errors, e => Assert.Equal("must be in [0, 1,000,000,000,000,000]", e["reason"]));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("NPS")]
    public async Task Score_ModelComponentNamedLikeAnInputField_IsRefused(string key)
    {
        // A component 'id' crashed the run; one named 'nps' silently hid the NPS field.
        var model = _cli.Write("collide.json", "{\"weights\": {\"usage\": 0.5, \"" + key + "\": 0.5}}");
        var input = _cli.Write("collide.csv", "id,usage,nps\nA,50,9\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--model", model);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"the component key '{key}' is the input field '{key.ToLowerInvariant()}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_ModelFileOverOneMebibyte_IsRefusedWithoutReadingItAll()
    {
        var model = _cli.Write("huge.json", "{\"Weights\": {\"usage\": 1}, \"BandScheme\": \"" + new string('x', 2 << 20) + "\"}");
        var input = _cli.Write("m.csv", "id,usage\nA,50\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--model", model);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("larger than 1024 KiB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_JsonLinesWithInvalidUtf8InAString_IsABadRow()
    {
        var input = _cli.PathOf("bad-utf8.jsonl");
        File.WriteAllBytes(input, [.. "{\"id\":\"A\",\"usage\":50}\n{\"id\":\"B"u8, 0xFF, 0xFE, .. "\",\"usage\":60}\n"u8]);
        var error = await ScoreWithOneBadRow(input, "bad-utf8-out", "2 rows read, 1 scored, 1 rejected");
        Assert.Equal("the row holds bytes that are not valid UTF-8", error["reason"]);
    }

    [Fact]
    public async Task Score_OutputThroughALink_WritesTheTargetAndKeepsTheLink()
    {
        var input = _cli.Write("via-link.csv", "id,usage\nA,50\n");
        var target = _cli.Write("target.csv", "old");
        var link = _cli.PathOf("out-link.csv");
        File.CreateSymbolicLink(link, target);

        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", link);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.StartsWith("id,health_score", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_LeftoversOfAKilledRun_AreRemovedByTheNext()
    {
        // A run killed with SIGKILL leaves its temporary file; its name carries the process id, gone now.
        var input = _cli.Write("leftover-in.csv", "id,usage\nA,50\n");
        var output = _cli.PathOf("leftover.csv");
        var leftover = _cli.Write(".leftover.csv.2147483646.0123456789abcdef.customer-success.tmp", "half a file");

        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(output)!, ".leftover.csv.*"));
    }

    [Fact]
    public async Task Score_ErrorsFileThatCannotBeCreated_StopsBeforeAnyOutput()
    {
        // The errors file used to be created at the first bad row, after the header and good rows had gone to stdout.
        var input = _cli.Write("no-errors-dir.csv", "id,usage\nA,50\nB,500\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--errors", _cli.PathOf("missing/e.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsFile_IsCreatedOnlyWhenNeeded_WhenNoOutputHasGoneYet()
    {
        // Summary writes its report at the end, and score -o writes its output under a temporary name: neither needs its
        // errors file before the first bad row, so an input in a folder it cannot write is still read.
        var good = _cli.Write("lazy-good.csv", "id,usage\nA,50\n");
        var missing = _cli.PathOf("missing/e.csv");
        Assert.Equal(ExitCodes.Success, (await _cli.Run("summary", good, "--as-of", "2026-11-22", "--errors", missing)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await _cli.Run("score", good, "--as-of", "2026-11-22", "--errors", missing, "-o", _cli.PathOf("lazy.csv"))).ExitCode);

        var bad = _cli.Write("lazy-bad.csv", "id,usage\nA,500\n");
        var result = await _cli.Run("score", bad, "--as-of", "2026-11-22", "--errors", missing, "-o", _cli.PathOf("lazy2.csv"));
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.False(File.Exists(_cli.PathOf("lazy2.csv")));
        Assert.Empty(Directory.EnumerateFiles(_cli.Folder, ".lazy*"));
    }

    [Fact]
    public async Task Score_OutputIntoAFolderItCannotWrite_NamesTheUsersPath_NotTheTemporaryFile()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Permissions do not bind the superuser; the path-naming itself is covered by the folder test below.
            var folderOut = _cli.PathOf("a-folder");
            Directory.CreateDirectory(folderOut);
            var asFolder = await _cli.Run("score", _cli.Write("into-folder.csv", "id,usage\nA,50\n"), "--as-of", "2026-11-22", "--output", folderOut);
            Assert.Equal(ExitCodes.InvalidInput, asFolder.ExitCode);
            Assert.Contains("a-folder': it is a folder", asFolder.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp", asFolder.Error, StringComparison.Ordinal);
            return;
        }

        var locked = Directory.CreateDirectory(_cli.PathOf("locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var result = await _cli.Run("score", _cli.Write("into-locked.csv", "id,usage\nA,50\n"), "--as-of", "2026-11-22", "--output", Path.Combine(locked, "out.csv"));
            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            Assert.Contains("cannot write '" + Path.Combine(locked, "out.csv") + "': permission denied", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Score_ErrorsToDevNullWithoutBadRows_LeavesTheDeviceAlone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var result = await _cli.Run("score", _cli.Write("dev-null-errors.csv", "id,usage\nA,50\n"), "--as-of", "2026-11-22", "--errors", "/dev/null");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(File.Exists("/dev/null"));
        Assert.True((File.GetUnixFileMode("/dev/null") & UnixFileMode.OtherWrite) != 0);
    }

    [Fact]
    public async Task Score_ControlCharactersInAnId_AreEscapedOnATerminal_AndKeptInAFile()
    {
        // ESC ] 0 ; title BEL sets a terminal's title; a carriage return hides what came before it on the line.
        var input = _cli.Write("esc.csv", "id,usage\n\u001b]0;title\u0007A,50\n\"B\rC\",60\n");

        var terminal = await _cli.Run(outIsTerminal: true, "score", input, "--as-of", "2026-11-22");
        Assert.Equal(ExitCodes.Success, terminal.ExitCode);
        Assert.DoesNotContain('\u001b', terminal.Out);
        Assert.DoesNotContain('\u0007', terminal.Out);
        Assert.DoesNotContain('\r', terminal.Out);
        Assert.Contains("\\u001b]0;title\\u0007A,", terminal.Out, StringComparison.Ordinal);
        Assert.Contains("\"B\\u000dC\",", terminal.Out, StringComparison.Ordinal);

        var piped = await _cli.Run("score", input, "--as-of", "2026-11-22");
        Assert.Equal(["\u001b]0;title\u0007A", "B\rC"], ParseCsv(piped.Out).Select(r => r["id"]));
    }

    [Fact]
    public async Task Score_CleanRerun_RemovesTheEarlierRunsErrorsFile()
    {
        var output = _cli.PathOf("rerun.csv");
        var bad = _cli.Write("rerun-in.csv", "id,usage\nA,500\n");
        Assert.Equal(ExitCodes.BadRows, (await _cli.Run("score", bad, "--as-of", "2026-11-22", "--output", output)).ExitCode);
        Assert.True(File.Exists(_cli.PathOf("rerun.errors.csv")));

        File.WriteAllText(bad, "id,usage\nA,50\n");
        Assert.Equal(ExitCodes.Success, (await _cli.Run("score", bad, "--as-of", "2026-11-22", "--output", output)).ExitCode);
        Assert.False(File.Exists(_cli.PathOf("rerun.errors.csv")));
    }

    [Fact]
    public async Task Score_OneStrayQuote_IsOneBadRow_AndTheRowsAfterItAreScored()
    {
        // A quote opening a field of row 4 swallowed the rest of the file into one record ("3 rows read").
        var rows = Enumerable.Range(0, 2000).Select(i => $"C{i},{i % 100}").ToArray();
        rows[3] = "\"C3,50";
        var input = _cli.Write("stray.csv", "id,usage\n" + string.Join("\n", rows) + "\n");
        var error = await ScoreWithOneBadRow(input, "stray-out", "2000 rows read, 1999 scored, 1 rejected");

        Assert.Equal(("5", "(row)"), (error["line"], error["column"]));
        Assert.Equal("C4", ReadCsv(_cli.PathOf("stray-out.csv"))[3]["id"]);
    }

    [Fact]
    public async Task Score_ARecordOverTheLimit_IsOneBadRow_AndMemoryStaysBounded()
    {
        var input = _cli.Write("long.csv", "id,usage\nA,1\nB," + new string('x', 3 << 20) + "\nC,3\n");
        var error = await ScoreWithOneBadRow(input, "long-out", "3 rows read, 2 scored, 1 rejected");

        Assert.Equal("3", error["line"]);
        Assert.StartsWith("the record is longer than 1024 Ki characters", error["reason"], StringComparison.Ordinal);
        Assert.Equal(["A", "C"], ReadCsv(_cli.PathOf("long-out.csv")).Select(r => r["id"]));
    }

    [Fact]
    public async Task Score_AnInputWithoutLineBreaks_IsRefusedAtItsHeader()
    {
        var input = _cli.Write("one-line.csv", new string('0', 2 << 20));
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("first line is longer than 1024 Ki characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_ABlankId_IsABadRow_NotAnInternalError()
    {
        // Found by the fuzzer: an id of white space (here NEL) passed the reader and failed in the expansion scorer.
        var input = _cli.Write("blank-id.csv", "id,usage,plan\nA,50,Starter\n\u0085,60,Starter\n");
        var error = await ScoreWithOneBadRow(input, "blank-id-out", "2 rows read, 1 scored, 1 rejected");

        Assert.Equal(("3", "id"), (error["line"], error["column"]));
        Assert.Equal("the id is required", error["reason"]);
    }

    [Fact]
    public async Task Score_AFullDisk_IsExit3WithOneLine_AsDocumented()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // only Linux has a device that is always full
        }

        var input = _cli.Write("full.csv", "id,usage\nA,50\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", "/dev/full");

        Assert.Equal(ExitCodes.InternalError, result.ExitCode);
        Assert.StartsWith("customer-success: the disk is full", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_HeaderOnly_SaysItHasNoRows()
    {
        var input = _cli.Write("header-only.csv", "id,usage\r\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("0 rows read, 0 scored, 0 rejected: the input has a header but no rows", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadRowsReported_ScoresTheGoodOnesAndAccountsForEveryRow()
    {
        var input = _cli.Write("bad.csv", $"""
            {Header}
            G1,80,70,60,90,50,9,2027-01-10,12000,0
            B1,80,70,60,90
            B2,80,seventy,60,90,50,9,2027-01-10,12000,0
            B3,80,70,60,90,50,9,2027-13-45,12000,0
            B4,80,70,60,140,50,9,2027-01-10,12000,0
            G2,50,50,50,50,50,,,,
            B5,80,70,60,90,50,11,2027-01-10,12000,0
            """);
        var output = _cli.PathOf("out.csv");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", output);

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Equal(["G1", "G2"], ReadCsv(output).Select(r => r["id"]));
        Assert.Contains("7 rows read, 2 scored, 5 rejected", result.Error, StringComparison.Ordinal);
        var errors = ReadCsv(_cli.PathOf("out.errors.csv"));
        Assert.Equal(5, errors.Count);
        Assert.Equal(("3", "(row)"), (errors[0]["line"], errors[0]["column"]));
        Assert.Contains("5 columns but the header has 10", errors[0]["reason"], StringComparison.Ordinal);
        Assert.Equal(("4", "support", "seventy", "not a number (digits, with ',' between thousands and '.' before the fraction; pass --culture for another format)"), (errors[1]["line"], errors[1]["column"], errors[1]["value"], errors[1]["reason"]));
        Assert.Equal(("5", "renewal_date", "2027-13-45"), (errors[2]["line"], errors[2]["column"], errors[2]["value"]));
        Assert.Contains("not a date", errors[2]["reason"], StringComparison.Ordinal);
        Assert.Equal(("6", "billing", "140", "must be in [0, 100]"), (errors[3]["line"], errors[3]["column"], errors[3]["value"], errors[3]["reason"]));
        Assert.Equal(("8", "nps", "11", "must be in [0, 10]"), (errors[4]["line"], errors[4]["column"], errors[4]["value"], errors[4]["reason"]));
    }

    [Fact]
    public async Task Score_OnErrorFail_StopsAtTheFirstBadRowAndWritesNoOutput()
    {
        var input = _cli.Write("bad.csv", $"""
            {Header}
            G1,80,70,60,90,50,9,2027-01-10,12000,0
            B2,80,seventy,60,90,50,9,2027-01-10,12000,0
            G2,50,50,50,50,50,,,,
            """);
        var output = _cli.PathOf("out.csv");
        File.WriteAllText(output, "the previous output");
        var result = await _cli.Run("score", input, "--output", output, "--on-error", "fail");

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Equal("the previous output", File.ReadAllText(output));
        Assert.Contains("line 3, column 'support', value 'seventy': not a number", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 rows read, 1 scored, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("out.errors.csv")));
        Assert.Equal(["bad.csv", "out.csv"], Directory.GetFiles(_cli.Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Score_BadJsonLine_IsReportedWithItsLine()
    {
        var input = _cli.Write("in.jsonl", "{\"id\": \"A\", \"usage\": 50}\n{not json\n[1, 2]\n{\"id\": \"B\", \"usage\": \"high\"}\n");
        var result = await _cli.Run("score", input, "--format", "jsonl", "--errors", _cli.PathOf("errors.csv"));

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Contains("4 rows read, 1 scored, 3 rejected", result.Error, StringComparison.Ordinal);
        var errors = ReadCsv(_cli.PathOf("errors.csv"));
        Assert.Equal(["2", "3", "4"], errors.Select(e => e["line"]));
        Assert.Contains("not valid JSON", errors[0]["reason"], StringComparison.Ordinal);
        Assert.Equal(("usage", "high", "not a number (digits, with ',' between thousands and '.' before the fraction; pass --culture for another format)"), (errors[2]["column"], errors[2]["value"], errors[2]["reason"]));
    }

    [Fact]
    public async Task Score_FormulaInCells_IsEscapedForSpreadsheets()
    {
        var input = _cli.Write("in.csv", """
            id,usage,support,engagement,billing,outcomes
            "=HYPERLINK(""http://x"")",80,70,60,90,50
            +1,80,70,60,90,50
            -2,80,70,60,90,50
            @3,80,70,60,90,50
            """);
        var result = await _cli.Run("score", input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "+1", "-2", "'@3"], ParseCsv(result.Out).Select(r => r["id"])); // plain signed numbers are no formulas
    }

    [Fact]
    public async Task Summary_SampleFileAsJson_ReportsEveryRow()
    {
        var result = await _cli.Run("summary", CliHarness.SampleFile, "--format", "json", "--as-of", "2026-11-22");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("2026-11-22", root.GetProperty("as_of").GetString());
        var customers = root.GetProperty("portfolio").GetProperty("customers");
        var total = customers.GetProperty("total_managed").GetInt64();
        Assert.Equal(10_000, total);
        Assert.Equal(total, customers.GetProperty("healthy").GetInt64() + customers.GetProperty("at_risk").GetInt64()
            + customers.GetProperty("critical").GetInt64() + customers.GetProperty("not_scored").GetInt64());
        Assert.Equal(10_000, root.GetProperty("rows").GetProperty("scored").GetInt64());
        Assert.True(root.GetProperty("renewals").GetProperty("due").GetInt64() > 0);
        Assert.True(root.GetProperty("nps_confidence_interval").GetProperty("lower").GetDouble() < root.GetProperty("nps_confidence_interval").GetProperty("upper").GetDouble());
        Assert.Contains(root.GetProperty("kpis").EnumerateArray(), k => k.GetProperty("metric").GetString() == "ShareGreen" && k.GetProperty("figure").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Summary_Text_LeadsWithTheAccountsToCall_ThenChartsAndOneKpiRowPerMetric_In80Columns()
    {
        var result = await _cli.Run("summary", CliHarness.SampleFile, "--as-of", "2026-11-22");

        Assert.Equal(0, result.ExitCode);
        var text = result.Out;
        Assert.StartsWith("── Portfolio: 10,000 customers as of 2026-11-22", text, StringComparison.Ordinal);
        Assert.Contains("Model 30-20-20-15-15 · dates in UTC · no currency named (--currency)", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Call first: 10 of 3,573 accounts at Medium risk or above", StringComparison.Ordinal) < text.IndexOf("Customers per health band", StringComparison.Ordinal));
        Assert.Contains("Customers per churn risk level", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));

        // NPS > 50 is a target of two playbooks: one row names both; QBR completion has no column here and goes last.
        Assert.Single(Regex.Matches(text, "Net Promoter Score"));
        Assert.Matches(@"Net Promoter Score\s+│ > 50.0\s+│ CS Manager, Petra\s+│\s+29.7 │ not met", text);
        Assert.Matches(@"Share of customers\s+│ > 80.0 %\s+│ CS Manager playbook\s+│ 43.3 % │ not met", text);
        Assert.True(text.IndexOf("Not measured from this input", StringComparison.Ordinal) < text.IndexOf("QBR completion", StringComparison.Ordinal));
        Assert.Matches(@"Annual churn rate\s+│ < 10.0 % \(CS\s+│ CS Manager,", text);
    }

    [Fact]
    public async Task Summary_CallFirst_IsTheTopOfScoreSortedByPriority_WithTheNextPlaybookStep()
    {
        var summary = await _cli.Run("summary", CliHarness.SampleFile, "--as-of", "2026-11-22", "--format", "json");
        var sorted = await _cli.Run("score", CliHarness.SampleFile, "--as-of", "2026-11-22", "--sort", "priority");

        using var json = JsonDocument.Parse(summary.Out);
        var callFirst = json.RootElement.GetProperty("call_first").EnumerateArray().ToList();
        Assert.Equal(10, callFirst.Count);
        Assert.Equal(ParseCsv(sorted.Out).Take(10).Select(r => r["id"]), callFirst.Select(e => e.GetProperty("id").GetString()));
        Assert.All(callFirst, e => Assert.Equal("2026-11-22", e.GetProperty("next_step").GetProperty("due").GetString()));
        var first = callFirst[0];
        Assert.Equal(("Critical", "Usage recovery campaign: re-engagement with training and best practices", "CSM"),
            (first.GetProperty("level").GetString(), first.GetProperty("next_step").GetProperty("action").GetString(), first.GetProperty("next_step").GetProperty("owner").GetString()));
        Assert.Contains("1. Acme Health 8644 (C008644)", (await _cli.Run("summary", CliHarness.SampleFile, "--as-of", "2026-11-22")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_SortedByPriority_IsTheWorklistOrder_AndCarriesNameArrPriorityAndArrAtRisk()
    {
        var input = _cli.Write("sort.csv", """
            id,name,usage,arr,late_payments,champion_leaving
            A,Alpha,90,1000,0,false
            B,Beta,30,5000,2,true
            C,Gamma,50,,1,false
            """);
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--sort", "priority", "--currency", "USD");

        Assert.Equal(0, result.ExitCode);
        var rows = ParseCsv(result.Out);
        Assert.Equal("id,name,health_score,band,coverage,churn_level,risk_score,priority,top_factors,days_to_renewal,arr,arr_at_risk,currency,best_expansion", result.Out.Split('\n')[0]);
        var levels = rows.Select(r => Enum.Parse<ChurnRiskLevel>(r["churn_level"])).ToList();
        Assert.Equal(levels.OrderDescending(), levels);
        Assert.Equal(("Beta", "5000", "5000", "USD"), (rows[0]["name"], rows[0]["arr"], rows[0]["arr_at_risk"], rows[0]["currency"]));
        Assert.Equal((string.Empty, string.Empty), (rows.Single(r => r["id"] == "C")["arr"], rows.Single(r => r["id"] == "C")["arr_at_risk"]));
        Assert.Equal("0", rows.Single(r => r["id"] == "A")["arr_at_risk"]);
    }

    [Fact]
    public async Task Models_ListsEveryPresetWithItsSource()
    {
        var result = await _cli.Run("models");

        Assert.Equal(0, result.ExitCode);
        foreach (var model in HealthScoreModels.All)
        {
            Assert.Contains(model.Name, result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Source playbook", result.Out, StringComparison.Ordinal);
        Assert.Contains("CS Agent", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_SameSeed_GivesTheSameFile()
    {
        var a = await _cli.Run("generate", "--count", "500", "--seed", "7", "--as-of", "2026-11-22");
        var b = await _cli.Run("generate", "--count", "500", "--seed", "7", "--as-of", "2026-11-22");
        var c = await _cli.Run("generate", "--count", "500", "--seed", "8", "--as-of", "2026-11-22");

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        Assert.NotEqual(a.Out, c.Out);
        Assert.Equal(501, a.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Generate_TheCommittedSample_IsWhatSeed1Makes()
    {
        var output = _cli.PathOf("sample.csv");
        var result = await _cli.Run("generate", "--count", "10000", "--seed", "1", "--as-of", "2026-11-22", "--output", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(CliHarness.SampleFile), File.ReadAllText(output));
    }

    [Fact]
    public async Task Generate_ItsOutput_ScoresWithoutABadRow()
    {
        var input = _cli.PathOf("g.csv");
        await _cli.Run("generate", "--count", "2000", "--seed", "3", "--output", input);
        var result = await _cli.Run("summary", input, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var bands = json.RootElement.GetProperty("portfolio").GetProperty("health").GetProperty("bands");
        Assert.All(bands.EnumerateObject(), b => Assert.True(b.Value.GetInt64() > 0, $"band {b.Name} is empty"));
    }

    [Theory]
    [InlineData(new[] { "score", "missing.csv" }, "the input file 'missing.csv' does not exist.")]
    [InlineData(new[] { "summary", "SAMPLE", "--model", "nope" }, "unknown model 'nope'; the presets are 40-30-30,")]
    [InlineData(new[] { "score", "SAMPLE", "--map", "x=unknown_field" }, "there is no field 'unknown_field'; the fields are usage, support,")]
    [InlineData(new[] { "score", "SAMPLE", "--as-of", "22/11/2026" }, "--as-of 22/11/2026: not a date")]
    [InlineData(new[] { "score", "SAMPLE", "--format", "xlsx" }, "xlsx")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public async Task InvalidArguments_ExitWithTwoAndOneLine(string[] args, string message)
    {
        var result = await _cli.Run([.. args.Select(a => a == "SAMPLE" ? CliHarness.SampleFile : a)]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Score_ModelFile_IsUsed()
    {
        var model = _cli.Write("ours.json", """
            { "Weights": { "usage": 0.5, "support": 0.5 },
              "Bands": [ { "Label": "Low", "LowerBound": 0, "Color": "Red" }, { "Label": "High", "LowerBound": 50, "Color": "Green" } ] }
            """);
        var input = _cli.Write("in.csv", "id,usage,support\nA,40,80\nB,10,20\n");
        var result = await _cli.Run("score", input, "--model", model);

        Assert.Equal(0, result.ExitCode);
        var rows = ParseCsv(result.Out);
        Assert.Equal(("60", "High"), (rows[0]["health_score"], rows[0]["band"])); // 0.5*40 + 0.5*80
        Assert.Equal(("15", "Low"), (rows[1]["health_score"], rows[1]["band"]));
        var bad = _cli.Write("bad-model.json", """{ "weights": { "usage": 0.5, "support": 0.4, "billing": "0,1" }, "bands": [ { "label": "Low", "lowerBound": 0, "color": "Amber" } ], "name": "x" }""");
        var failed = await _cli.Run("score", input, "--model", bad);
        Assert.Equal(ExitCodes.InvalidInput, failed.ExitCode);
        Assert.Equal(
            $"customer-success: model file '{bad}': bands:0:color: 'Amber' is not a HealthBandColor; the values are Red, Yellow, Green; "
            + "name: no such setting; the settings here are BandScheme, Bands, MinimumCoverage, MissingData, Preset, Weights; "
            + "weights:billing: '0,1' is not a number (write numbers with a point, as in 0.5).",
            failed.Error.Trim());
        var sum = _cli.Write("sum-model.json", """{ "Weights": { "usage": 0.5, "support": 0.2, "billing": 0.1 } }""");
        Assert.Contains("Weights sum to 0.8, must sum to 1.", (await _cli.Run("score", input, "--model", sum)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_MissingComponentUnderARejectingModel_IsABadRow()
    {
        var model = _cli.Write("strict.json", """
            { "weights": { "usage": 0.5, "support": 0.5 }, "missingData": "Reject" }
            """);
        var input = _cli.Write("in.csv", "id,usage,support\nA,40,80\nB,10,\n");
        var output = _cli.PathOf("strict-out.csv");
        var result = await _cli.Run("score", input, "--model", model, "--output", output);

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Contains("2 rows read, 1 scored, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Equal(["A"], ReadCsv(output).Select(r => r["id"]));
        var one = _cli.Write("one.csv", "id,usage,support\nA,40,80\n");
        Assert.Contains("customer-success: 1 row read, 1 scored, 0 rejected.", (await _cli.Run("score", one, "--model", model)).Error, StringComparison.Ordinal);
        var error = Assert.Single(ReadCsv(_cli.PathOf("strict-out.errors.csv")));
        Assert.Equal(("3", "support", ""), (error["line"], error["column"], error["value"]));
        Assert.Contains("the model 'strict' rejects missing data", error["reason"], StringComparison.Ordinal);
    }

    private static void AssertSameHealth(HealthScore expected, IReadOnlyDictionary<string, string> row)
    {
        if (!expected.HasScore)
        {
            Assert.Equal(string.Empty, row["health_score"]);
            Assert.Equal(string.Empty, row["band"]);
            return;
        }

        Assert.Equal((double)Math.Round((decimal)expected.Value, 2, MidpointRounding.AwayFromZero), double.Parse(row["health_score"], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(expected.Band.Label, row["band"]);
    }

    private static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Scores an input to OUTPUT.csv, checks the bad-rows exit and the accounting line, and gives the one errors row.</summary>
    private async Task<Dictionary<string, string>> ScoreWithOneBadRow(string input, string output, string accounting)
    {
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", _cli.PathOf(output + ".csv"));

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Contains(accounting, result.Error, StringComparison.Ordinal);
        return Assert.Single(ReadCsv(_cli.PathOf(output + ".errors.csv")));
    }

    private static List<Dictionary<string, string>> ReadCsv(string path) => CliHarness.ReadCsv(path);

    private static List<Dictionary<string, string>> ParseCsv(string text) => CliHarness.ParseCsv(text);
}
