using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using CustomerSuccess.Churn;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>The compiled churn rules' text: golden files for each dialect, quoting, the as-of date, and what is refused.</summary>
public sealed class ChurnRulesSqlTests
{
    private static readonly string Golden = Path.Combine(
        typeof(ChurnRulesSqlTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "docs", "sql");

    /// <summary>The default assessor over <c>analytics.customers</c> as of the engine's date: the files the warehouse page links, as <c>customer-success sql --rules</c> prints them.</summary>
    [Theory]
    [InlineData(SqlDialect.DuckDb, "duckdb")]
    [InlineData(SqlDialect.PostgreSql, "postgresql")]
    [InlineData(SqlDialect.SparkSql, "spark")]
    public void TheDefaultAssessor_CompilesToItsGoldenText(SqlDialect dialect, string file)
    {
        var sql = ChurnRulesSql.Compile(new RuleBasedChurnRiskAssessor(), dialect, new ChurnSqlOptions { Table = "customers", Schema = "analytics" });

        Assert.Equal(File.ReadAllText(Path.Combine(Golden, $"churn-rules.{file}.sql")).ReplaceLineEndings("\n"), (sql + ";\n").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TheAsOfDate_IsADateLiteral_AndMappedColumnsAreQuoted()
    {
        var options = new ChurnSqlOptions
        {
            Table = "t",
            AsOf = new LocalDate(2026, 11, 22),
            Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["last_login_date"] = "Last \"Login\"" },
        };

        var duckDb = ChurnRulesSql.Compile(new RuleBasedChurnRiskAssessor(), SqlDialect.DuckDb, options);
        var spark = ChurnRulesSql.Compile(new RuleBasedChurnRiskAssessor(), SqlDialect.SparkSql, options);

        Assert.Contains("date_diff('day', \"Last \"\"Login\"\"\", DATE '2026-11-22') >= 7", duckDb, StringComparison.Ordinal);
        Assert.Contains("datediff(DATE '2026-11-22', `Last \"Login\"`) >= 7", spark, StringComparison.Ordinal);
        Assert.DoesNotContain("CURRENT_DATE", duckDb, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdditionalRule_OrALevelPolicyOfOnesOwn_IsRefusedSayingWhy()
    {
        var options = new ChurnSqlOptions { Table = "t" };
        var withRule = new RuleBasedChurnRiskAssessor(new ChurnRiskOptions { AdditionalRules = [new OwnRule()] });
        var withPolicy = new RuleBasedChurnRiskAssessor(new ChurnRiskOptions { LevelPolicy = new OwnPolicy() });
        var disabled = new RuleBasedChurnRiskAssessor(new ChurnRiskOptions
        {
            AdditionalRules = [new OwnRule()],
            DisabledRules = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "own" },
        });

        var rule = Assert.Throws<NotSupportedException>(() => ChurnRulesSql.Compile(withRule, SqlDialect.DuckDb, options));
        var policy = Assert.Throws<NotSupportedException>(() => ChurnRulesSql.Compile(withPolicy, SqlDialect.DuckDb, options));

        Assert.Contains("the rule 'own' is an additional rule (OwnRule)", rule.Message, StringComparison.Ordinal);
        Assert.Contains("the level policy 'mine' is a OwnPolicy, whose code SQL cannot run", policy.Message, StringComparison.Ordinal);
        Assert.Contains("-- Churn risk by the rule-based assessor: 13 rules", ChurnRulesSql.Compile(disabled, SqlDialect.DuckDb, options), StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptions_AreRefused()
    {
        var assessor = new RuleBasedChurnRiskAssessor();
        var unknown = new ChurnSqlOptions { Table = "t", Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["nps"] = "x" } };
        var clash = new ChurnSqlOptions { Table = "t", Keep = ["churn_level"] };

        Assert.Contains("there is no such signal", Assert.Throws<ArgumentException>(() => ChurnRulesSql.Compile(assessor, SqlDialect.DuckDb, unknown)).Message, StringComparison.Ordinal);
        Assert.Contains("the kept column 'churn_level' has the name of an output column", Assert.Throws<ArgumentException>(() => ChurnRulesSql.Compile(assessor, SqlDialect.DuckDb, clash)).Message, StringComparison.Ordinal);
        Assert.Contains("working columns", Assert.Throws<ArgumentException>(() => ChurnRulesSql.Compile(assessor, SqlDialect.DuckDb, new ChurnSqlOptions { Table = "t", Keep = ["churn_fired_3"] })).Message, StringComparison.Ordinal);
        Assert.Contains("working columns", Assert.Throws<ArgumentException>(() => ChurnRulesSql.Compile(assessor, SqlDialect.DuckDb, new ChurnSqlOptions { Table = "t", Keep = ["CHURN_INVALID"] })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ChurnSqlOptions { Table = " " });
        Assert.Throws<ArgumentOutOfRangeException>(() => ChurnRulesSql.Compile(assessor, (SqlDialect)9, new ChurnSqlOptions { Table = "t" }));
    }

    private sealed class OwnRule : IChurnRiskRule
    {
        public string Id => "own";

        public ChurnSeverity Severity => ChurnSeverity.Low;

        public ChurnRiskFactor? Evaluate(CustomerSignals signals) => null;
    }

    private sealed class OwnPolicy : IChurnLevelPolicy
    {
        public string Name => "mine";

        public ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor) => ChurnRiskLevel.Low;
    }
}
