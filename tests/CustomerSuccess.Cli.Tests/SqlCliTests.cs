using System;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The sql command: the library's compiled SQL, by dialect, table and columns; what it refuses.</summary>
public sealed class SqlCliTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sql_PrintsTheCompiledQuery_ForTheDialectAndTable()
    {
        var spark = await _cli.Run("sql", "--dialect", "spark", "--table", "analytics.customers");
        var postgres = await _cli.Run("sql", "--dialect", "postgresql", "--model", "40-30-30", "--map", "Usage Score=usage", "--keep", "account_id", "--keep", "region");

        Assert.Equal(0, spark.ExitCode);
        Assert.StartsWith("-- Health score by the model '30-20-20-15-15'", spark.Out, StringComparison.Ordinal);
        Assert.Contains("FROM `analytics`.`customers`", spark.Out, StringComparison.Ordinal);
        Assert.EndsWith("FROM `health_scores`\n;\n", spark.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(0, postgres.ExitCode);
        Assert.Contains("CAST('0.4' AS DOUBLE PRECISION) * \"Usage Score\"", postgres.Out, StringComparison.Ordinal);
        Assert.Contains("FROM \"customers\"", postgres.Out, StringComparison.Ordinal);
        Assert.Contains("  \"account_id\",\n  \"region\",\n  \"health_score\",", postgres.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_RefusesWhatItCannotCompile()
    {
        var unknown = await _cli.Run("sql", "--map", "U=usage2");
        var badTable = await _cli.Run("sql", "--table", ".customers");
        var badDialect = await _cli.Run("sql", "--dialect", "oracle");
        var clash = await _cli.Run("sql", "--keep", "health_score");

        Assert.Equal([2, 2, 2, 2], new[] { unknown.ExitCode, badTable.ExitCode, badDialect.ExitCode, clash.ExitCode });
        Assert.Contains("has no component 'usage2'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("give NAME or SCHEMA.NAME", badTable.Error, StringComparison.Ordinal);
        Assert.Contains("the kept column 'health_score' has the name of an output column", clash.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlRules_PrintsTheChurnRulesQuery_AsOfTheDateGiven()
    {
        var rules = await _cli.Run("sql", "--rules", "--dialect", "postgresql", "--as-of", "2026-11-22", "--map", "Renewal=renewal_date");
        var withModel = await _cli.Run("sql", "--rules", "--model", "40-30-30");
        var asOfAlone = await _cli.Run("sql", "--as-of", "2026-11-22");
        var unknown = await _cli.Run("sql", "--rules", "--map", "X=nps");

        Assert.Equal(0, rules.ExitCode);
        Assert.StartsWith("-- Churn risk by the rule-based assessor: 13 rules", rules.Out, StringComparison.Ordinal);
        Assert.Contains("(\"Renewal\" - DATE '2026-11-22') < 90", rules.Out, StringComparison.Ordinal);
        Assert.Equal([2, 2, 2], new[] { withModel.ExitCode, asOfAlone.ExitCode, unknown.ExitCode });
        Assert.Contains("give --model without --rules", withModel.Error, StringComparison.Ordinal);
        Assert.Contains("give it with --rules", asOfAlone.Error, StringComparison.Ordinal);
        Assert.Contains("there is no such signal", unknown.Error, StringComparison.Ordinal);
    }
}
