using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>The compiled product-metric rubrics' text: golden files for each dialect, and what is refused.</summary>
public sealed class ProductMetricsSqlTests
{
    private static readonly string Golden = Path.Combine(
        typeof(ProductMetricsSqlTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "docs", "sql");

    /// <summary>The CS Expert playbook's product-metric rubrics over <c>analytics.product_metrics</c>, as <c>customer-success sql --metrics</c> prints them.</summary>
    [Theory]
    [InlineData(SqlDialect.DuckDb, "duckdb")]
    [InlineData(SqlDialect.PostgreSql, "postgresql")]
    [InlineData(SqlDialect.SparkSql, "spark")]
    public void TheSeed003Rubrics_CompileToTheirGoldenText(SqlDialect dialect, string file)
    {
        var sql = ProductMetricsSql.Compile(ProductMetricsRubric.Seed003, dialect, new ProductMetricsSqlOptions { Table = "product_metrics", Schema = "analytics" });

        Assert.Equal(File.ReadAllText(Path.Combine(Golden, $"product-metrics.{file}.sql")).ReplaceLineEndings("\n"), (sql + ";\n").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void BadRubricOptions_AreRefused()
    {
        var unknown = new ProductMetricsSqlOptions { Table = "t", Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["csat"] = "x" } };
        var clash = new ProductMetricsSqlOptions { Table = "t", Keep = ["usage"] };

        Assert.Contains("there is no such metric", Assert.Throws<ArgumentException>(() => ProductMetricsSql.Compile(ProductMetricsRubric.Seed003, SqlDialect.DuckDb, unknown)).Message, StringComparison.Ordinal);
        Assert.Contains("the kept column 'usage' has the name of an output column", Assert.Throws<ArgumentException>(() => ProductMetricsSql.Compile(ProductMetricsRubric.Seed003, SqlDialect.DuckDb, clash)).Message, StringComparison.Ordinal);
    }
}
