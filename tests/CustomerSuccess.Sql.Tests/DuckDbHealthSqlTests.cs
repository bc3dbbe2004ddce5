using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using DuckDB.NET.Data;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>
/// The compiled SQL run by DuckDB in process over seeded customers with missing values: every score the library's
/// within 1e-9 (and in fact to the bit), every band and rank the same, every coverage the same.
/// </summary>
public sealed class DuckDbHealthSqlTests
{
    private const int Customers = 1_000_000;

    public static TheoryData<string> Models() => new(HealthScoreModels.All.Select(m => m.Name));

    /// <summary>Each preset model over one million customers (five to seven columns, one value in eight missing).</summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void EachPreset_OverAMillionCustomers_GivesTheLibrarysScoresAndBands(string name)
    {
        var model = HealthScoreModels.All.Single(m => m.Name == name);
        var data = SeededCustomers.Data(model.Components.Count, Customers, seed: name.Length * 7919);

        var mismatches = RunAndCompare(model, data);

        Assert.Equal(0, mismatches);
    }

    /// <summary>Every missing-data policy, a minimum coverage, weights of many digits and a band scheme of four, over 200 000 customers.</summary>
    [Theory]
    [InlineData(MissingDataHandling.Renormalize, 0.0)]
    [InlineData(MissingDataHandling.Renormalize, 0.7)]
    [InlineData(MissingDataHandling.TreatAsZero, 0.5)]
    [InlineData(MissingDataHandling.Reject, 0.0)]
    public void EveryPolicy_GivesTheLibrarysScores(MissingDataHandling handling, double minimumCoverage)
    {
        double[] weights = [0.123456789012345678, 0.2, 0.3, 0.376543210987654322];
        var model = new WeightedHealthScoreModel("odd weights",
            weights.Select((w, i) => new HealthComponent($"c{i}", $"C {i}", w)), HealthBandSchemes.HealthyNeutralAtRiskCritical,
            new MissingDataPolicy(handling, minimumCoverage));
        var data = SeededCustomers.Data(model.Components.Count, 200_000, seed: (int)handling * 31);

        Assert.Equal(0, RunAndCompare(model, data));
    }

    /// <summary>The self-contained expressions, embedded in a query of one's own, give what the compiled query gives.</summary>
    [Theory]
    [InlineData(MissingDataHandling.Renormalize)]
    [InlineData(MissingDataHandling.TreatAsZero)]
    [InlineData(MissingDataHandling.Reject)]
    public void TheExpressions_GiveTheQuerysFigures(MissingDataHandling handling)
    {
        var model = HealthScoreModels.UsageSupportEngagementBillingOutcomes.WithMissingData(new MissingDataPolicy(handling, handling == MissingDataHandling.Reject ? 0 : 0.5));
        var data = SeededCustomers.Data(model.Components.Count, 20_000, seed: 17);
        using var connection = Open();
        Load(connection, model, data);
        var e = HealthModelSql.Expressions(model, SqlDialect.DuckDb);

        var embedded = Query(connection, $"SELECT id, {e.Score} AS s, {e.Band} AS b, {e.BandRank} AS r, {e.Coverage} AS c FROM customers");
        var compiled = Query(connection, HealthModelSql.Compile(model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "customers" }));

        Assert.Equal(compiled, embedded);
        Assert.Contains(compiled, r => r.Score is not null);
    }

    [Fact]
    public void ValuesOutsideTheRange_GiveNoScore_WhereTheLibraryRefusesThem()
    {
        var model = HealthScoreModels.UsageEngagementSupport;
        using var connection = Open();
        Execute(connection, "CREATE TABLE customers (id INTEGER, usage DOUBLE, engagement DOUBLE, support DOUBLE)");
        Execute(connection, "INSERT INTO customers VALUES (1, 80, 70, 50), (2, 120, 70, 50), (3, -1, NULL, 50), (4, NULL, NULL, NULL)");

        var rows = Query(connection, HealthModelSql.Compile(model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "customers" }));

        Assert.Equal(["1 68 Neutral 2 1", "2 - - - -", "3 - - - -", "4 - - - 0"], rows.Select(r => string.Join(" ", r.Id, r.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", r.Band ?? "-", r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", r.Coverage?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")));
    }

    [Fact]
    public void QuotedNames_AndLabels_ReachDuckDbIntact()
    {
        var model = new WeightedHealthScoreModel("quoted",
            [new HealthComponent("a", "A", 0.5), new HealthComponent("b", "B", 0.5)],
            new HealthBandScheme("quotes", [new HealthBand("Bob's \"bad\" \\ band", 0, HealthBandColor.Red, 0), new HealthBand("good", 50, HealthBandColor.Green, 1)]));
        using var connection = Open();
        Execute(connection, "CREATE SCHEMA \"my schema\"; CREATE TABLE \"my schema\".\"cust\"\"omers\" (id INTEGER, \"a \"\"col\"\"\" DOUBLE, \"b;--\" DOUBLE)");
        Execute(connection, "INSERT INTO \"my schema\".\"cust\"\"omers\" VALUES (1, 10, 20), (2, 60, 80)");
        var options = new HealthSqlOptions
        {
            Table = "cust\"omers",
            Schema = "my schema",
            Columns = new Dictionary<string, string> { ["a"] = "a \"col\"", ["B"] = "b;--" },
        };

        var rows = Query(connection, HealthModelSql.Compile(model, SqlDialect.DuckDb, options));

        Assert.Equal(["Bob's \"bad\" \\ band", "good"], rows.Select(r => r.Band));
        Assert.Equal([15.0, 70.0], rows.Select(r => r.Score!.Value));
    }

    private static int RunAndCompare(WeightedHealthScoreModel model, double[][] data)
    {
        using var connection = Open();
        Load(connection, model, data);
        var rows = Query(connection, HealthModelSql.Compile(model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "customers" }));
        Assert.Equal(data.Length, rows.Count);
        return rows.Count(row => !SeededCustomers.Matches(model, data[row.Id], (row.Score, row.Band, row.Rank, row.Coverage)));
    }

    private static void Load(DuckDBConnection connection, WeightedHealthScoreModel model, double[][] data)
    {
        var keys = model.Components.Select(c => c.Key).ToArray();
        Execute(connection, $"CREATE TABLE customers (id INTEGER, {string.Join(", ", keys.Select(k => $"\"{k}\" DOUBLE"))})");
        using (var appender = connection.CreateAppender("customers"))
        {
            for (var i = 0; i < data.Length; i++)
            {
                var row = appender.CreateRow().AppendValue(i);
                foreach (var value in data[i])
                {
                    row = double.IsNaN(value) ? row.AppendNullValue() : row.AppendValue(value);
                }

                row.EndRow();
            }
        }
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(int Id, double? Score, string? Band, int? Rank, double? Coverage)> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM (\n{sql}) AS q ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(int, double?, string?, int?, double?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }

        return rows;
    }
}
