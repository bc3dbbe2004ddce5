using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary><c>score --open-items</c> across nights: the change set as CSV and JSON Lines, tomorrow's items, bad items and arguments.</summary>
public sealed class WorkItemCliTests : IDisposable
{
    private const string Header = "id,usage,support,engagement,billing,outcomes,late_payments,champion_leaving";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<CliHarness.Result> Night(string asOf, string rows, params string[] more) =>
        _cli.Run(["score", _cli.Write("in.csv", $"{Header}\n{rows}\n"), "--as-of", asOf, "-o", _cli.PathOf("scores.csv"),
            "--open-items", _cli.PathOf("items.jsonl"), "--items-out", _cli.PathOf("items.jsonl"), .. more]);

    private string[] Changes(string file) =>
        [.. CliHarness.ReadCsv(_cli.PathOf(file)).Select(r => $"{r["change"]} {r["changes"]} {r["key"]} {r["priority"]} {r["close_reason"]} {r["superseded_by"]}".Replace("  ", " ", StringComparison.Ordinal).Trim())];

    /// <summary>
    /// A1 healthy (80 in every component). 11-20: one late payment, a High factor and so a High level: two items open.
    /// 11-21: the champion leaves as well: a Critical factor and level; the High level is superseded by the Critical
    /// one, the late payment kept. 11-22: all clear: the three open items close as cleared. B2 never has a finding.
    /// </summary>
    [Fact]
    public async Task ThreeNights_OpenSupersedeAndClear_AsCsvAndJsonLines()
    {
        File.WriteAllText(_cli.PathOf("items.jsonl"), string.Empty);
        var night1 = await Night("2026-11-20", "A1,80,80,80,80,80,1,false\nB2,80,80,80,80,80,0,false", "--changes", _cli.PathOf("n1.csv"), "--changes", _cli.PathOf("n1.jsonl"));
        Assert.Equal(0, night1.ExitCode);
        Assert.Contains("work items: 2 opened, 0 kept, 0 closed, 0 escalated, 0 suppressed.", night1.Error, StringComparison.Ordinal);
        Assert.Equal(["opened churn-factor|A1|churn-level-high|2026-11-20 High", "opened churn-factor|A1|late-payment|2026-11-20 High"], Changes("n1.csv"));
        var lines = File.ReadAllLines(_cli.PathOf("n1.jsonl"));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"change\":\"opened\",\"item\":{", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"key\":\"churn-factor|A1|late-payment|2026-11-20\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(_cli.PathOf("items.jsonl")).Length);

        var night2 = await Night("2026-11-21", "A1,80,80,80,80,80,1,true\nB2,80,80,80,80,80,0,false", "--changes", _cli.PathOf("n2.csv"));
        Assert.Equal(0, night2.ExitCode);
        Assert.Equal(
        [
            "opened churn-factor|A1|champion-leaving|2026-11-21 Critical",
            "opened churn-factor|A1|churn-level-critical|2026-11-21 Critical",
            "kept Evidence churn-factor|A1|late-payment|2026-11-20 High",
            "closed churn-factor|A1|churn-level-high|2026-11-20 High Superseded churn-factor|A1|churn-level-critical|2026-11-21",
        ], Changes("n2.csv"));

        var night3 = await Night("2026-11-22", "A1,80,80,80,80,80,0,false\nB2,80,80,80,80,80,0,false", "--changes", _cli.PathOf("n3.csv"));
        Assert.Equal(0, night3.ExitCode);
        Assert.Equal(
        [
            "closed churn-factor|A1|champion-leaving|2026-11-21 Critical ConditionCleared",
            "closed churn-factor|A1|churn-level-critical|2026-11-21 Critical ConditionCleared",
            "closed churn-factor|A1|late-payment|2026-11-20 High ConditionCleared",
        ], Changes("n3.csv"));
        Assert.All(File.ReadAllLines(_cli.PathOf("items.jsonl")), l => Assert.Contains("\"status\":\"Closed\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameNightTwice_ChangesNothingTheSecondTime()
    {
        File.WriteAllText(_cli.PathOf("items.jsonl"), string.Empty);
        await Night("2026-11-20", "A1,80,80,80,80,80,2,false");
        var first = File.ReadAllText(_cli.PathOf("items.jsonl"));

        var again = await Night("2026-11-20", "A1,80,80,80,80,80,2,false", "--changes", _cli.PathOf("again.csv"));

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first, File.ReadAllText(_cli.PathOf("items.jsonl")));
        Assert.All(Changes("again.csv"), c => Assert.StartsWith("kept None ", c, StringComparison.Ordinal));
    }

    /// <summary>A row rejected tonight (a bad usage cell) is not evidence that its causes cleared: its items are held as they were.</summary>
    [Fact]
    public async Task TheItemsOfARejectedRow_AreHeldAsTheyWere()
    {
        File.WriteAllText(_cli.PathOf("items.jsonl"), string.Empty);
        await Night("2026-11-20", "A1,80,80,80,80,80,1,false");
        var held = File.ReadAllText(_cli.PathOf("items.jsonl"));

        var night2 = await Night("2026-11-21", "A1,lots,80,80,80,80,0,false", "--changes", _cli.PathOf("n2.csv"));

        Assert.Equal(1, night2.ExitCode);
        Assert.Contains("0 opened, 0 kept, 0 closed, 0 escalated, 0 suppressed; 2 held as they were (accounts not scored tonight).", night2.Error, StringComparison.Ordinal);
        Assert.Empty(Changes("n2.csv"));
        Assert.Equal(held, File.ReadAllText(_cli.PathOf("items.jsonl")));
    }

    [Fact]
    public async Task BadHeldItems_AreUsageErrors_NamingTheLineOrTheItem_AndWriteNothing()
    {
        File.WriteAllText(_cli.PathOf("items.jsonl"), string.Empty);
        await Night("2026-11-20", "A1,80,80,80,80,80,1,false");
        var good = File.ReadAllLines(_cli.PathOf("items.jsonl"));

        File.WriteAllText(_cli.PathOf("items.jsonl"), good[0] + "\n\n{\"key\": 3}\n");
        var badLine = await Night("2026-11-21", "A1,80,80,80,80,80,1,false", "--changes", _cli.PathOf("bad.csv"));
        Assert.Equal(2, badLine.ExitCode);
        Assert.Contains("--open-items items.jsonl, line 3:", badLine.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("bad.csv")));

        File.WriteAllText(_cli.PathOf("items.jsonl"), good[0] + "\n" + good[0] + "\n");
        var twice = await Night("2026-11-21", "A1,80,80,80,80,80,1,false");
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("the Key is held twice", twice.Error, StringComparison.Ordinal);

        File.WriteAllText(_cli.PathOf("items.jsonl"), good[0].Replace("\"kind\":\"ChurnFactor\"", "\"kind\":\"Hunch\"", StringComparison.Ordinal) + "\n");
        var kind = await Night("2026-11-21", "A1,80,80,80,80,80,1,false");
        Assert.Equal(2, kind.ExitCode);
        Assert.Contains("line 1", kind.Error, StringComparison.Ordinal);

        File.WriteAllText(_cli.PathOf("items.jsonl"), string.Join('\n', good) + "\n");
        var early = await Night("2026-11-19", "A1,80,80,80,80,80,1,false");
        Assert.Equal(2, early.ExitCode);
        Assert.Contains("is after the as-of date 2026-11-19", early.Error, StringComparison.Ordinal);

        // An item of an account not in tonight's input is checked all the same.
        File.WriteAllText(_cli.PathOf("items.jsonl"), good[0] + "\n" + good[0] + "\n");
        var other = await Night("2026-11-21", "B2,80,80,80,80,80,0,false");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("--open-items items.jsonl: work item 'churn-factor|A1|", other.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--changes", "out.txt", "name a .jsonl or a .csv file")]
    [InlineData("--items-out", "in.csv", "the input and --items-out are the same file")]
    [InlineData("--changes", "items.jsonl", "--open-items and --changes items.jsonl are the same file")]
    public async Task BadOutputs_AreUsageErrors(string option, string file, string message)
    {
        File.WriteAllText(_cli.PathOf("items.jsonl"), string.Empty);
        var input = _cli.Write("in.csv", $"{Header}\nA1,80,80,80,80,80,1,false\n");

        var result = await _cli.Run("score", input, "--as-of", "2026-11-20", "--open-items", _cli.PathOf("items.jsonl"), option, _cli.PathOf(file));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputsWithoutHeldItems_OrAMissingItemsFile_AreUsageErrors()
    {
        var input = _cli.Write("in.csv", $"{Header}\nA1,80,80,80,80,80,1,false\n");

        var alone = await _cli.Run("score", input, "--as-of", "2026-11-20", "--changes", _cli.PathOf("c.csv"));
        var missing = await _cli.Run("score", input, "--as-of", "2026-11-20", "--open-items", _cli.PathOf("nope.jsonl"), "--changes", _cli.PathOf("c.csv"));
        var nothing = await _cli.Run("score", input, "--as-of", "2026-11-20", "--open-items", _cli.Write("e.jsonl", string.Empty));

        Assert.Equal((2, 2, 2), (alone.ExitCode, missing.ExitCode, nothing.ExitCode));
        Assert.Contains("need --open-items", alone.Error, StringComparison.Ordinal);
        Assert.Contains("no such file; the first night, pass an empty file", missing.Error, StringComparison.Ordinal);
        Assert.Contains("give --changes FILE", nothing.Error, StringComparison.Ordinal);
    }
}
