using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The tool on exports as CRMs write them: their headers, dates, timestamps, amounts, separators and mistakes.</summary>
public sealed class CrmExportTests : IDisposable
{
    /// <summary>The command docs/cli.md gives for the CRM export that ships in samples/data.</summary>
    public static readonly string[] DocumentedCommand =
    [
        "--as-of", "2026-11-22", "--culture", "en-US", "--date-format", "MM/dd/yyyy", "--ignore", "Plan",
        "--map", "Record ID=id", "--map", "Company name=name", "--map", "Annual Recurring Revenue=arr", "--map", "Currency=currency",
        "--map", "Last Activity Date=last_activity", "--map", "Last Login=last_login", "--map", "Renewal Date=renewal_date",
        "--map", "Product Usage Score=usage", "--map", "Support Score=support", "--map", "Engagement Score=engagement",
        "--map", "Billing Score=billing", "--map", "Outcomes Score=outcomes", "--map", "Open Tickets=unresolved_tickets",
        "--map", "NPS=nps", "--map", "Seats=seats_licensed", "--map", "Active Users=seats_used",
    ];

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string CrmExport => Path.Combine(CliHarness.RepositoryRoot, "samples", "data", "crm-export.csv");

    [Fact]
    public async Task TheShippedCrmExport_WithTheDocumentedCommand_ScoresEveryRow_AndReadsItsAmounts()
    {
        var result = await _cli.Run(["summary", CrmExport, "--format", "json", .. DocumentedCommand]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("10 rows read, 10 scored, 0 rejected", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        // 45,500 + 128,000 + 12,750.50 + 9,900 + 67,200 + 240,000 + 31,000 + 5,400 + 18,300 + 76,850 = 634,900.50
        Assert.Equal(634_900.50m, json.RootElement.GetProperty("portfolio").GetProperty("churn").GetProperty("total_arr").GetDecimal());
        Assert.Equal("USD", json.RootElement.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task TheShippedCrmExport_WithoutItsOptions_ReportsEveryBadCellOfEachRowInOnePass()
    {
        var output = _cli.PathOf("out.csv");
        var result = await _cli.Run(["score", CrmExport, "--output", output, .. DocumentedCommand.Take(2), .. DocumentedCommand.Skip(8)]);

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        var errors = ReadCsv(_cli.PathOf("out.errors.csv"));
        var firstRow = errors.Where(e => e["line"] == "2").Select(e => e["column"]).ToArray();
        Assert.Equal(["Last Login", "Renewal Date", "Annual Recurring Revenue", "Plan"], firstRow);
        var amount = errors.First(e => e["column"] == "Annual Recurring Revenue");
        Assert.Equal("$45,500.00", amount["value"]);
        Assert.Contains("pass --culture", amount["reason"], StringComparison.Ordinal);
        Assert.Contains("pass --date-format MM/dd/yyyy", errors.First(e => e["column"] == "Renewal Date")["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimestampAfterTheAsOfDate_IsABadCellOfItsRow_NeverACrash_AndTheTimeZoneDecidesItsDay()
    {
        // 2026-11-23T01:00+01:00 is 2026-11-23 00:00 in UTC: a day after the as-of date; in New York it is still the 22nd.
        var input = _cli.Write("future.csv", "id,usage,last_activity\nA,50,2026-11-22\nB,60,2026-11-23T01:00:00+01:00\n");
        var utc = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", _cli.PathOf("utc.csv"));
        Assert.Equal(ExitCodes.BadRows, utc.ExitCode);
        var error = Assert.Single(ReadCsv(_cli.PathOf("utc.errors.csv")));
        Assert.Equal(("3", "last_activity"), (error["line"], error["column"]));
        Assert.StartsWith("after the as-of date 2026-11-22", error["reason"], StringComparison.Ordinal);

        var newYork = await _cli.Run("score", input, "--as-of", "2026-11-22", "--time-zone", "America/New_York", "--output", _cli.PathOf("ny.csv"));
        Assert.Equal(ExitCodes.Success, newYork.ExitCode);
    }

    [Fact]
    public async Task DuplicateIds_AreReported_AndTheFirstRowIsTheOneScored()
    {
        var input = _cli.Write("dup.csv", "id,usage\nA,50\nB,60\nA,70\n");
        var output = _cli.PathOf("dup-out.csv");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", output);

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Contains("3 rows read, 2 scored, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Equal(["A", "B"], ReadCsv(output).Select(r => r["id"]));
        var error = Assert.Single(ReadCsv(_cli.PathOf("dup-out.errors.csv")));
        Assert.Equal(("4", "id", "A"), (error["line"], error["column"], error["value"]));
        Assert.Equal("duplicate id: the row on line 2 has it, and was scored; one row per customer", error["reason"]);
    }

    [Fact]
    public async Task ARowInAnotherCurrency_IsReported_SumsNeverMixCurrencies()
    {
        var input = _cli.Write("cur.csv", "id,usage,arr,currency\nA,50,100,USD\nB,60,200,eur\nC,70,300,\n");
        var result = await _cli.Run("summary", input, "--as-of", "2026-11-22", "--format", "json", "--errors", _cli.PathOf("cur.errors.csv"));

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        var error = Assert.Single(ReadCsv(_cli.PathOf("cur.errors.csv")));
        Assert.Equal(("3", "currency", "EUR"), (error["line"], error["column"], error["value"]));
        Assert.Contains("the portfolio is in USD (from the row on line 2)", error["reason"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(400m, json.RootElement.GetProperty("portfolio").GetProperty("churn").GetProperty("total_arr").GetDecimal());

        var given = await _cli.Run("score", input, "--as-of", "2026-11-22", "--currency", "EUR", "--output", _cli.PathOf("eur.csv"));
        Assert.Equal(ExitCodes.BadRows, given.ExitCode);
        Assert.Contains("the portfolio is in EUR (from --currency)", ReadCsv(_cli.PathOf("eur.errors.csv"))[0]["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASemicolonExport_InAGermanCulture_IsRead()
    {
        var input = _cli.Write("de.csv", "id;usage;arr;renewal_date\nA;55,5;\"45.500,00 €\";15.03.2027\n");
        var result = await _cli.Run("summary", input, "--as-of", "2026-11-22", "--delimiter", ";", "--culture", "de-DE", "--date-format", "dd.MM.yyyy", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(45_500m, json.RootElement.GetProperty("portfolio").GetProperty("churn").GetProperty("total_arr").GetDecimal());
    }

    [Fact]
    public async Task AHeaderThatLooksSeparatedOtherwise_SaysWhatToPass()
    {
        var input = _cli.Write("semi.csv", "id;usage\nA;50\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("it looks separated by ';'; pass --delimiter ';'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIgnoredColumn_IsNotRead_WhateverItHolds()
    {
        var input = _cli.Write("ign.csv", "id,usage,plan\nA,50,Pro (annual)\n");
        Assert.Equal(ExitCodes.BadRows, (await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", _cli.PathOf("a.csv"))).ExitCode);
        Assert.Equal(ExitCodes.Success, (await _cli.Run("score", input, "--as-of", "2026-11-22", "--ignore", "plan", "--output", _cli.PathOf("b.csv"))).ExitCode);
    }

    [Theory]
    [InlineData("--culture", "xx-Nowhere", "--culture xx-Nowhere: not a culture")]
    [InlineData("--time-zone", "Mars/Base", "--time-zone Mars/Base: not a time zone")]
    [InlineData("--date-format", "q", "--date-format q: ")]
    [InlineData("--date-format", "HH:mm", "it does not name a day, a month and a year")]
    [InlineData("--currency", "usd", "--currency usd: give an ISO 4217 code in capitals")]
    [InlineData("--delimiter", ";;", "--delimiter ;;: give one character")]
    [InlineData("--delimiter", "\"", "give one character other than a quote")]
    [InlineData("--ignore", "Nope", "--ignore Nope: the input has no such column (it has id, usage)")]
    public async Task ReadingOptionsThatCannotBeUsed_AreRefusedWithWhatToGive(string option, string value, string message)
    {
        var input = _cli.Write("opt.csv", "id,usage\nA,50\n");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", option, value);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task NumbersReadTheSameInEveryColumn()
    {
        // 1,200 is 1200 in an amount and in a count; 9.0 is a whole number; 12,00 and 1,2,3 are no number anywhere.
        var input = _cli.Write("num.csv", "id,usage,arr,tickets_30d,nps\nA,50,\"1,200\",\"1,200\",9.0\nB,\"12,00\",\"1,2,3\",\"12,00\",\"1,2,3\"\n");
        var output = _cli.PathOf("num-out.csv");
        var result = await _cli.Run("score", input, "--as-of", "2026-11-22", "--output", output);

        Assert.Equal(ExitCodes.BadRows, result.ExitCode);
        Assert.Equal(["A"], ReadCsv(output).Select(r => r["id"]));
        var errors = ReadCsv(_cli.PathOf("num-out.errors.csv"));
        Assert.Equal(["usage", "tickets_30d", "nps", "arr"], errors.Select(e => e["column"]).OrderBy(c => c == "arr" ? 1 : 0).ToArray());
        Assert.All(errors, e => Assert.Equal("3", e["line"]));
    }

    private static List<Dictionary<string, string>> ReadCsv(string path) => CliHarness.ReadCsv(path);
}
