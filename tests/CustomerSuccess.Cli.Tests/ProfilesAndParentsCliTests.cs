using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary><c>--profiles</c> (a model per segment and stage) and a <c>parent_id</c> column (parents rolled up) in <c>score</c> and <c>summary</c>.</summary>
public sealed class ProfilesAndParentsCliTests : IDisposable
{
    /// <summary>Onboarding customers by the onboarding model, Enterprise by usage and support, the rest by 40-30-30; all banded Green, Yellow, Red.</summary>
    private const string Profiles = """
        {
          "Profiles": [
            { "Name": "onboarding", "Stage": "Onboarding", "Model": { "Preset": "onboarding" } },
            { "Name": "enterprise", "Segment": "Enterprise", "Model": { "Weights": { "usage": 0.5, "support": 0.5 }, "BandScheme": "seed-001" } }
          ],
          "Default": { "Name": "standard", "Model": { "Preset": "40-30-30", "BandScheme": "seed-001" } }
        }
        """;

    private const string ProfileHeader = "id,segment,stage,kickoff,renewal_date,usage,support,engagement,onboardingStatus,timeToFirstValue,overdueTasks";

    /// <summary>
    /// Three accounts, each a different profile's, as of 2026-11-22. A: Enterprise in adoption, usage 90 and support
    /// 80: 0.5 × 90 + 0.5 × 80 = 85, Green. B: no stage, kicked off 21 days ago, so onboarding: status 100, first
    /// value 60, overdue tasks 30: 0.4 × 100 + 0.3 × 60 + 0.3 × 30 = 67, Yellow. C: Smb in retention, by the default:
    /// 0.4 × 30 + 0.3 × 50 (engagement) + 0.3 × 60 (support) = 45, Red.
    /// </summary>
    private const string ProfileRows = """
        A,Enterprise,Adoption,,,90,80,,,,
        B,Smb,,2026-11-01,,,,,100,60,30
        C,Smb,retention,,,30,60,50,,,
        """;

    /// <summary>
    /// A group and its two subsidiaries, scored by the default model (every component the same, so the score is that
    /// value): G1 80 (ARR 10 000), S1 43 (50 000), S2 91 (20 000). G1's roll-up: (80 × 10 000 + 43 × 50 000 + 91 ×
    /// 20 000) / 80 000 = 59.625, At Risk; S1 is High (a renewal in 71 days at a score under 60, and a detractor) and
    /// holds over a tenth of the ARR, so the group is High from S1; the earliest renewal is S1's; NPS pooled from 9, 3
    /// and 10: (2 − 1) / 3 = 33.3. T1 stands alone.
    /// </summary>
    private const string Tree = """
        id,parent_id,usage,support,engagement,billing,outcomes,arr,renewal_date,nps
        S1,G1,43,43,43,43,43,50000,2027-02-01,3
        G1,,80,80,80,80,80,10000,2027-06-01,9
        S2,G1,91,91,91,91,91,20000,2027-09-01,10
        T1,,70,70,70,70,70,1000,2027-10-01,
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Score_WithProfiles_ScoresEachRowByItsProfile_AndSaysWhichAndTheStage()
    {
        var profiles = _cli.Write("profiles.json", Profiles);
        var result = await _cli.Run("score", _cli.Write("in.csv", $"{ProfileHeader}\n{ProfileRows}\n"), "--as-of", "2026-11-22", "--profiles", profiles);

        Assert.Equal(0, result.ExitCode);
        var rows = CliHarness.ParseCsv(result.Out);
        Assert.Equal(
            ["A 85 Green enterprise Adoption", "B 67 Yellow onboarding Onboarding", "C 45 Red standard Retention"],
            rows.Select(r => $"{r["id"]} {r["health_score"]} {r["band"]} {r["profile"]} {r["stage"]}"));
    }

    [Fact]
    public async Task Score_WithProfiles_AsJsonLines_HasTheProfileAndStage()
    {
        var profiles = _cli.Write("profiles.json", Profiles);
        var result = await _cli.Run("score", _cli.Write("in.csv", $"{ProfileHeader}\n{ProfileRows}\n"), "--as-of", "2026-11-22", "--profiles", profiles, "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        using var first = JsonDocument.Parse(result.Out.Split('\n')[1]);
        Assert.Equal("onboarding", first.RootElement.GetProperty("profile").GetString());
        Assert.Equal("Onboarding", first.RootElement.GetProperty("stage").GetString());
        Assert.Equal(67, first.RootElement.GetProperty("health_score").GetDouble());
    }

    [Fact]
    public async Task Score_WithProfiles_ABadStageOrNoMatchingProfile_IsABadCellOfItsRow()
    {
        var profiles = _cli.Write("strict.json", """
            { "Profiles": [ { "Name": "enterprise", "Segment": "Enterprise", "Model": { "Preset": "40-30-30" } } ] }
            """);
        var input = _cli.Write("in.csv", "id,segment,stage,usage,support,engagement\nA,Enterprise,Dormant,50,50,50\nB,Smb,,50,50,50\nC,enterprise,,50,50,50\n");

        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--profiles", profiles, "-o", _cli.PathOf("out.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["C"], CliHarness.ReadCsv(_cli.PathOf("out.csv")).Select(r => r["id"]));
        var errors = CliHarness.ReadCsv(_cli.PathOf("out.errors.csv"));
        Assert.Equal(["2 stage Dormant", "3 segment Smb"], errors.Select(e => $"{e["line"]} {e["column"]} {e["value"]}"));
        Assert.StartsWith("not a lifecycle stage; the stages are Onboarding, Adoption, Retention, Expansion, Advocacy", errors[0]["reason"], StringComparison.Ordinal);
        Assert.Equal("segment 'Smb' and stage (none) match no profile, and the profiles have no default; the profiles: enterprise (segment Enterprise): enterprise", errors[1]["reason"]);
    }

    [Fact]
    public async Task Score_WithProfiles_AProfileThatRejectsMissingData_RejectsOnlyItsRows()
    {
        var profiles = _cli.Write("strict.json", """
            { "Profiles": [ { "Name": "enterprise", "Segment": "Enterprise", "Model": { "Weights": { "usage": 1 }, "MissingData": "Reject" } } ],
              "Default": { "Name": "rest", "Model": { "Weights": { "support": 1 } } } }
            """);
        var input = _cli.Write("in.csv", "id,segment,usage,support\nA,Enterprise,,50\nB,Smb,,50\n");

        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--profiles", profiles, "-o", _cli.PathOf("out.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["B 50 rest"], CliHarness.ReadCsv(_cli.PathOf("out.csv")).Select(r => $"{r["id"]} {r["health_score"]} {r["profile"]}"));
        var error = Assert.Single(CliHarness.ReadCsv(_cli.PathOf("out.errors.csv")));
        Assert.Equal("usage: required: the profile 'enterprise' rejects missing data", $"{error["column"]}: {error["reason"]}");
    }

    [Fact]
    public async Task Profiles_ThatBandDifferently_OrBesideModel_OrBad_AreUsageErrors()
    {
        var input = _cli.Write("in.csv", "id,usage\nA,50\n");
        var mixed = _cli.Write("mixed.json", """
            { "Profiles": [ { "Name": "onboarding", "Stage": "Onboarding", "Model": { "Preset": "onboarding" } } ],
              "Default": { "Name": "standard", "Model": { "Preset": "40-30-30" } } }
            """);

        var bands = await _cli.Run("score", input, "--profiles", mixed);
        Assert.Equal(2, bands.ExitCode);
        Assert.Contains("the profiles 'onboarding' and 'standard' band their scores differently (Green 80, Yellow 60, Red 0; Healthy 80, Neutral 60, At Risk 40, Critical 0)", bands.Error, StringComparison.Ordinal);

        var both = await _cli.Run("score", input, "--profiles", mixed, "--model", "40-30-30");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--model and --profiles: give one", both.Error, StringComparison.Ordinal);

        var bad = await _cli.Run("score", input, "--profiles", _cli.Write("bad.json", """{ "Profiles": [ { "Name": "x", "Stage": "Later", "Model": { "Preset": "40-30-30" } } ] }"""));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains($"profiles file '{_cli.PathOf("bad.json")}': Profiles:0:Stage: 'Later'", bad.Error, StringComparison.Ordinal);

        var missing = await _cli.Run("score", input, "--profiles", _cli.PathOf("none.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("the profiles file", missing.Error, StringComparison.Ordinal);

        var collide = await _cli.Run("score", input, "--profiles", _cli.Write("collide.json", """{ "Default": { "Name": "x", "Model": { "Weights": { "segment": 1 } } } }"""));
        Assert.Equal(2, collide.ExitCode);
        Assert.Contains("profile 'x': the component key 'segment' is the input field 'segment'", collide.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_WithParents_GivesEachParentsRowItsRollUp()
    {
        var result = await _cli.Run("score", _cli.Write("tree.csv", Tree), "--as-of", "2026-11-22");

        Assert.Equal(0, result.ExitCode);
        var rows = CliHarness.ParseCsv(result.Out);
        Assert.Equal(["S1", "G1", "S2", "T1"], rows.Select(r => r["id"]));
        Assert.Equal(["G1", "", "G1", ""], rows.Select(r => r["parent_id"]));
        var g1 = rows[1];
        Assert.Equal("3 80000 59.63 At Risk High 2027-02-01", $"{g1["rollup_members"]} {g1["rollup_arr"]} {g1["rollup_health_score"]} {g1["rollup_band"]} {g1["rollup_churn_level"]} {g1["rollup_renewal_date"]}");
        Assert.All(rows.Where(r => r["id"] != "G1"), r => Assert.Equal(string.Empty, r["rollup_members"] + r["rollup_health_score"] + r["rollup_churn_level"]));
        Assert.Equal("High", rows[0]["churn_level"]);
    }

    [Fact]
    public async Task Score_WithParents_AsJsonLines_SortedByPriority_KeepsTheRollUp()
    {
        var result = await _cli.Run("score", _cli.Write("tree.csv", Tree), "--as-of", "2026-11-22", "--format", "jsonl", "--sort", "priority");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("S1", JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString());
        var g1 = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("id").GetString() == "G1");
        Assert.Equal(3, g1.GetProperty("rollup_members").GetInt32());
        Assert.Equal(59.63, g1.GetProperty("rollup_health_score").GetDouble());
        Assert.Equal("High", g1.GetProperty("rollup_churn_level").GetString());
        var t1 = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("id").GetString() == "T1");
        Assert.Equal(JsonValueKind.Null, t1.GetProperty("rollup_members").ValueKind);
    }

    [Fact]
    public async Task Summary_WithParents_ShowsThemWithTheirAccountsFigures()
    {
        var input = _cli.Write("tree.csv", Tree);
        var text = await _cli.Run("summary", input, "--as-of", "2026-11-22");
        var json = await _cli.Run("summary", input, "--as-of", "2026-11-22", "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Parent accounts: 1, their accounts rolled up", text.Out, StringComparison.Ordinal);
        Assert.Contains("│ G1     │     3 │ 80,000 │ 59.6 At Risk │ High (S1)    │ 2027-02-01 │", text.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var parent = Assert.Single(document.RootElement.GetProperty("parents").EnumerateArray());
        Assert.Equal("G1", parent.GetProperty("id").GetString());
        Assert.Equal(["G1", "S1", "S2"], parent.GetProperty("members").EnumerateArray().Select(m => m.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(59.63, parent.GetProperty("health_score").GetDouble());
        Assert.Equal("S1", parent.GetProperty("lowest_health_account").GetString());
        Assert.Equal("S1", parent.GetProperty("churn_level_from").GetString());
        Assert.Equal("2027-02-01", parent.GetProperty("earliest_renewal").GetString());
        Assert.Equal(33.3, parent.GetProperty("nps").GetDouble());
        Assert.Equal(3, parent.GetProperty("nps_responses").GetInt32());
    }

    [Fact]
    public async Task Parents_AMissingParentOrAChildWithoutArr_AreReported()
    {
        var input = _cli.Write("tree.csv", "id,parent_id,usage,support,engagement,billing,outcomes,arr\nA,ZZ,50,50,50,50,50,100\nB,,50,50,50,50,50,100\nC,B,50,50,50,50,50,\n");

        var summary = await _cli.Run("summary", input, "--as-of", "2026-11-22");
        var score = await _cli.Run("score", input, "--as-of", "2026-11-22", "-o", _cli.PathOf("out.csv"));

        Assert.Equal(1, summary.ExitCode);
        Assert.Contains("customer-success: the parents are not rolled up:", summary.Error, StringComparison.Ordinal);
        Assert.Contains("'ZZ'", summary.Error, StringComparison.Ordinal);
        Assert.Contains("Parent accounts: not rolled up:", summary.Out, StringComparison.Ordinal);
        Assert.Equal(1, score.ExitCode);
        Assert.Equal(["A", "B"], CliHarness.ReadCsv(_cli.PathOf("out.csv")).Select(r => r["id"]));
        var error = Assert.Single(CliHarness.ReadCsv(_cli.PathOf("out.errors.csv")));
        Assert.Equal("4 arr: required of an account with a parent_id: its parent's figures are weighted by ARR", $"{error["line"]} {error["column"]}: {error["reason"]}");
    }
}
