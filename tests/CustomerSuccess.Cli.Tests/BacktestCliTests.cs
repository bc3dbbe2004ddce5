using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The backtest command end to end: a small history worked by hand, the sample history's planted churn, bad rows, bad arguments.</summary>
public sealed class BacktestCliTests : IDisposable
{
    private static readonly string SampleHistory = Path.Combine(CliHarness.RepositoryRoot, "samples", "data", "history");
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>
    /// The default model (30-20-20-15-15: Healthy from 80, At Risk from 40, Critical below), a 90-day horizon. A is 90
    /// on 2026-01-01 and 02-01 and still active at 12-31: two retained snapshots. B is 30 (Critical) on 01-01 and churns
    /// on 02-15: churned. C is 60 on 01-01 and its history ends, active, on 02-01, before its horizon ends on 04-01:
    /// censored. D is 50 on 01-01 and churns on 06-01, after its horizon: retained. E is 85 on 01-01 and renews on 03-01:
    /// committed to a new term, retained. So 1 of 5 labelled snapshots churned: Healthy 0 of 3, At Risk 0 of 1, Critical
    /// 1 of 1 (lift 5); the health AUC is 1 (B is below all four). Renewals by the last snapshot: A and C are undecided;
    /// E renewed (Healthy 1 of 1), D churned (At Risk 0 of 1), B churned (Critical 0 of 1).
    /// </summary>
    [Fact]
    public async Task Backtest_ASmallHistory_GivesTheFiguresWorkedByHand()
    {
        var (history, outcomes) = WriteHistory(
            "id,as_of,usage,support,engagement,billing,outcomes\n"
            + "A,2026-01-01,90,90,90,90,90\nA,2026-02-01,90,90,90,90,90\nB,2026-01-01,30,30,30,30,30\nC,2026-01-01,60,60,60,60,60\nD,2026-01-01,50,50,50,50,50\n"
            + "E,2026-01-01,85,85,85,85,85\n",
            "account,outcome,date\nA,active,2026-12-31\nB,churned,2026-02-15\nC,active,2026-02-01\nD,Churned,2026-06-01\nE,Renewed,2026-03-01\n");

        var result = await _cli.Run("backtest", history, outcomes, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal((6, 1, 5, 90), (root.GetProperty("snapshots").GetInt32(), root.GetProperty("censored").GetInt32(), root.GetProperty("accounts").GetInt32(), root.GetProperty("horizon_days").GetInt32()));
        Assert.Equal(["Healthy 0/3", "At Risk 0/1", "Critical 1/1 lift 5"],
            root.GetProperty("by_band").EnumerateArray().Select(b => $"{b.GetProperty("band").GetString()} {b.GetProperty("events").GetInt32()}/{b.GetProperty("count").GetInt32()}"
                + (b.GetProperty("events").GetInt32() > 0 ? $" lift {b.GetProperty("lift").GetDouble()}" : string.Empty)));
        Assert.Equal(1, root.GetProperty("auc").GetProperty("health").GetProperty("value").GetDouble());
        Assert.Equal("Hanley-McNeil", root.GetProperty("auc").GetProperty("method").GetString());
        var renewals = root.GetProperty("renewals");
        Assert.Equal((3, 2), (renewals.GetProperty("decided").GetInt32(), renewals.GetProperty("undecided").GetInt32()));
        Assert.Equal(["Healthy 1/1", "At Risk 0/1", "Critical 0/1"],
            renewals.GetProperty("bands").EnumerateArray().Select(b => $"{b.GetProperty("band").GetString()} {b.GetProperty("events").GetInt32()}/{b.GetProperty("count").GetInt32()}"));
        Assert.False(root.TryGetProperty("fit", out _));
        Assert.Contains("history.csv: 6 rows read, 6 used, 0 rejected.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_BadRows_AreReportedCellByCell_AndTheRestIsBacktested()
    {
        var (history, outcomes) = WriteHistory(
            "id,as_of,usage,support,engagement,billing,outcomes,last_login\n"
            + "A,2026-01-01,90,90,90,90,90,2025-12-30\n"     // good
            + "A,2026-01-01,80,80,80,80,80,\n"               // a second snapshot of the day
            + "B,2026-03-01,30,30,30,30,30,\n"               // on or after B churned
            + "C,2026-01-01,60,60,60,60,60,\n"               // C's outcome row is rejected
            + "D,2026-01-01,50,50,50,50,50,\n"               // no outcome
            + "E,,50,50,50,50,50,\n"                         // no date
            + "F,2026-01-01,50,50,50,50,50,2026-01-05\n"     // a login after the snapshot's date
            + "B,2026-01-01,30,30,30,30,30,\n",              // good
            "account,outcome,date\nA,active,2026-12-31\nB,churned,2026-02-15\nC,lapsed,2026-03-01\nB,renewed,2026-09-01\nE,active,2026-12-31\nF,active,2026-12-31\n");

        var result = await _cli.Run("backtest", history, outcomes, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var errors = CliHarness.ReadCsv(_cli.PathOf("history.errors.csv"));
        var reasons = errors.Select(e => $"{Path.GetFileName(e["file"])}:{e["line"]} {e["column"]}: {e["reason"]}").ToArray();
        Assert.Contains("outcomes.csv:4 outcome: not an outcome; give churned, renewed or active", reasons);
        Assert.Contains("outcomes.csv:5 account: a second outcome for this account: the row on line 3 has one; one row per account", reasons);
        Assert.Contains("history.csv:3 as_of: a second snapshot of this account on this day: the row on line 2 has one; one row per account and day", reasons);
        Assert.Contains("history.csv:4 as_of: account 'B' has a snapshot on 2026-03-01, on or after it churned (2026-02-15).", reasons);
        Assert.Contains("history.csv:5 id: the account's row in outcomes.csv is rejected (see its errors); this snapshot cannot be labelled", reasons);
        Assert.Contains("history.csv:6 id: no outcome for this account in outcomes.csv; every account of the history needs one", reasons);
        Assert.Contains("history.csv:7 as_of: the snapshot's date is required in a history", reasons);
        Assert.Contains("history.csv:8 last_login: after the snapshot's date 2026-01-01 (as_of): a past event cannot be dated later", reasons);
        Assert.Equal(8, reasons.Length);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(2, json.RootElement.GetProperty("snapshots").GetInt32());
        Assert.Contains("history.csv: 8 rows read, 2 used, 6 rejected.", result.Error, StringComparison.Ordinal);
        Assert.Contains("outcomes.csv: 6 rows read, 4 used, 2 rejected.", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 outcomes have no snapshot in the history", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_BadArguments_AreUsageErrors()
    {
        var (history, outcomes) = WriteHistory("id,as_of,usage\n", "account,outcome,date\n");

        var zero = await _cli.Run("backtest", history, outcomes, "--horizon", "0");
        var stdin = await _cli.Run("backtest", "-", outcomes);
        var same = await _cli.Run("backtest", history, history);
        var missing = await _cli.Run("backtest", history, _cli.PathOf("none.csv"));

        Assert.Equal([2, 2, 2, 2], new[] { zero.ExitCode, stdin.ExitCode, same.ExitCode, missing.ExitCode });
        Assert.Contains("--horizon must be 1 to 3660 days but was 0.", zero.Error, StringComparison.Ordinal);
        Assert.Contains("a back-test reads two files", stdin.Error, StringComparison.Ordinal);
        Assert.Contains("HISTORY and OUTCOMES are the same file", same.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sample history's churn is planted: driven by usage most, support next, nothing else. The back-test finds it:
    /// the fit ranks usage first and support second, Critical churns most, and the fitted weights order the held-out
    /// accounts' churn at least as well as the playbook's (statistical, with a fixed seed and stated margins).
    /// </summary>
    [Fact]
    public async Task Backtest_TheSampleHistory_FindsWhatWasPlanted()
    {
        var result = await _cli.Run("backtest", Path.Combine(SampleHistory, "history.csv"), Path.Combine(SampleHistory, "outcomes.csv"), "--fit", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var fit = root.GetProperty("fit");
        var byWeight = fit.GetProperty("components").EnumerateArray().OrderByDescending(c => c.GetProperty("fitted_weight").GetDouble()).Select(c => c.GetProperty("key").GetString()!).ToArray();
        Assert.Equal(["usage", "support"], byWeight[..2]);
        Assert.True(fit.GetProperty("held_out_fitted_auc").GetProperty("value").GetDouble() >= fit.GetProperty("held_out_auc").GetProperty("value").GetDouble() - 0.005);
        var lifts = root.GetProperty("by_band").EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!, b => b.GetProperty("lift").GetDouble());
        Assert.True(lifts["Critical"] > 3 && lifts["Healthy"] < 0.5, string.Join(", ", lifts));
        Assert.True(root.GetProperty("auc").GetProperty("health").GetProperty("value").GetDouble() > 0.75);
        Assert.All(root.GetProperty("survival").EnumerateArray(), band =>
        {
            var survival = band.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("survival").GetDouble()).ToArray();
            Assert.True(survival.Zip(survival.Skip(1)).All(p => p.Second <= p.First));
        });
    }

    [Fact]
    public async Task Generate_TheCommittedSampleHistory_IsWhatSeed1Makes()
    {
        var folder = _cli.PathOf("history");

        var generated = await _cli.Run("generate", "--history", folder, "--count", "2000", "--seed", "1", "--as-of", "2026-11-22");
        var both = await _cli.Run("generate", "--history", folder, "--book", folder);

        Assert.Equal(0, generated.ExitCode);
        foreach (var file in new[] { "history.csv", "outcomes.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(SampleHistory, file)), File.ReadAllText(Path.Combine(folder, file)));
        }

        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public async Task Docs_TheBacktestingPage_ShowsTheSampleBacktestAsPrinted()
    {
        var page = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot, "docs", "backtesting.md")).ReplaceLineEndings("\n");
        var result = await _cli.Run("backtest", Path.Combine(SampleHistory, "history.csv"), Path.Combine(SampleHistory, "outcomes.csv"), "--fit");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dotnet run --project src/CustomerSuccess.Cli -- backtest samples/data/history/history.csv samples/data/history/outcomes.csv --fit", page, StringComparison.Ordinal);
        Assert.Contains("```text\n" + result.Out.ReplaceLineEndings("\n") + "```", page, StringComparison.Ordinal);
    }

    private (string History, string Outcomes) WriteHistory(string history, string outcomes) =>
        (_cli.Write("history.csv", history), _cli.Write("outcomes.csv", outcomes));
}
