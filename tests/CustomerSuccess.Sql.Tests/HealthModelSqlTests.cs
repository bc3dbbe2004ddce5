using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>The compiled text: golden files for each dialect (Spark's cannot run here), quoting, and what is refused.</summary>
public sealed class HealthModelSqlTests
{
    private static readonly string Golden = Path.Combine(
        typeof(HealthModelSqlTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "docs", "sql");

    public static TheoryData<string, SqlDialect, string> Presets()
    {
        var data = new TheoryData<string, SqlDialect, string>();
        foreach (var model in HealthScoreModels.All)
        {
            data.Add(model.Name, SqlDialect.DuckDb, "duckdb");
            data.Add(model.Name, SqlDialect.PostgreSql, "postgresql");
            data.Add(model.Name, SqlDialect.SparkSql, "spark");
        }

        return data;
    }

    /// <summary>Every preset in every dialect, over <c>analytics.customers</c>: the files the warehouse page links, as <c>customer-success sql</c> prints them.</summary>
    [Theory]
    [MemberData(nameof(Presets))]
    public void EveryPreset_CompilesToItsGoldenText(string name, SqlDialect dialect, string file)
    {
        var model = HealthScoreModels.All.Single(m => m.Name == name);

        var sql = HealthModelSql.Compile(model, dialect, new HealthSqlOptions { Table = "customers", Schema = "analytics" });

        Assert.Equal(File.ReadAllText(Path.Combine(Golden, $"{name}.{file}.sql")).ReplaceLineEndings("\n"), (sql + ";\n").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Identifiers_AndLabels_AreEscapedForEachDialect()
    {
        var model = new WeightedHealthScoreModel("m", [new HealthComponent("a", "A", 1)],
            new HealthBandScheme("s", [new HealthBand("it's a \\ band", 0, HealthBandColor.Red, 0), new HealthBand("ok", 50, HealthBandColor.Green, 1)]));
        var options = new HealthSqlOptions { Table = "t`x\"y", Columns = new System.Collections.Generic.Dictionary<string, string> { ["A"] = "col`\"" } };

        var spark = HealthModelSql.Compile(model, SqlDialect.SparkSql, options);
        var postgres = HealthModelSql.Compile(model, SqlDialect.PostgreSql, options);

        Assert.Contains("FROM `t``x\"y`", spark, StringComparison.Ordinal);
        Assert.Contains("`col``\"`", spark, StringComparison.Ordinal);
        Assert.Contains("ELSE 'it\\'s a \\\\ band' END", spark, StringComparison.Ordinal);
        Assert.Contains("FROM \"t`x\"\"y\"", postgres, StringComparison.Ordinal);
        Assert.Contains("\"col`\"\"\"", postgres, StringComparison.Ordinal);
        Assert.Contains("ELSE 'it''s a \\ band' END", postgres, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelThatIsNotAWeightedSum_IsRefused_SayingWhy()
    {
        var worst = new WorstOfHealthScoreModel("worst", [new HealthComponent("a", "A", 1)], HealthBandSchemes.GreenYellowRed);

        var error = Assert.Throws<NotSupportedException>(() => HealthModelSql.Compile(worst, SqlDialect.DuckDb, new HealthSqlOptions { Table = "t" }));

        Assert.Contains("the model 'worst' is a WorstOfHealthScoreModel, not a WeightedHealthScoreModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptions_AreRefused()
    {
        var model = HealthScoreModels.UsageEngagementSupport;

        Assert.Throws<ArgumentException>(() => new HealthSqlOptions { Table = " " });
        Assert.Throws<ArgumentException>(() => HealthModelSql.Compile(model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "t", Keep = ["id", "HEALTH_SCORE"] }));
        Assert.Contains("working columns", Assert.Throws<ArgumentException>(() => HealthModelSql.Compile(model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "t", Keep = ["health_present"] })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HealthModelSql.Compile(model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "t\0" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthModelSql.Compile(model, (SqlDialect)7, new HealthSqlOptions { Table = "t" }));
        Assert.Throws<ArgumentNullException>(() => HealthModelSql.Compile(null!, SqlDialect.DuckDb, new HealthSqlOptions { Table = "t" }));
    }
}
