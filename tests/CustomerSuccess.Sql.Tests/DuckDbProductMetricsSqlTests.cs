using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using DuckDB.NET.Data;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>The compiled product-metric rubrics, run by DuckDB, against <see cref="ProductMetricsRubric.ToComponentScores"/>; and the health query over them.</summary>
public sealed class DuckDbProductMetricsSqlTests
{
    private const int Customers = 200_000;

    [Theory]
    [InlineData(AbsentMetrics.Missing)]
    [InlineData(AbsentMetrics.QueryFloor)]
    public void TheSeed003Rubrics_GiveTheLibrarysComponentScores(AbsentMetrics absent)
    {
        var rubric = ProductMetricsRubric.Seed003.WithAbsent(absent);
        var metrics = Generate(Customers, seed: 33);
        using var connection = Load(metrics);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM (\n{ProductMetricsSql.Compile(rubric, SqlDialect.DuckDb, new ProductMetricsSqlOptions { Table = "metrics" })}) AS q ORDER BY id";
        using var reader = command.ExecuteReader();
        var mismatches = new List<string>();
        var refused = 0;
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            var expected = Expected(rubric, metrics[id]);
            refused += expected is null ? 1 : 0;
            for (var c = 0; c < 4; c++)
            {
                double? got = reader.IsDBNull(c + 1) ? null : reader.GetDouble(c + 1);
                var want = expected?[ProductMetricsSql.OutputColumns[c]];
                if (got != want)
                {
                    mismatches.Add($"#{id} {ProductMetricsSql.OutputColumns[c]}: library {want}, SQL {got}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ, such as {string.Join("; ", mismatches.Take(5))}");
        Assert.InRange(refused, 500, 5000);
    }

    [Fact]
    public void TheHealthQuery_OverTheRubricsView_GivesTheLibrarysScoresAndBands()
    {
        var model = HealthScoreModels.UsageAdoptionSupportEngagement;
        var rubric = ProductMetricsRubric.Seed003;
        var metrics = Generate(Customers, seed: 34);
        using var connection = Load(metrics);
        using (var view = connection.CreateCommand())
        {
            view.CommandText = "CREATE VIEW components AS\n" + ProductMetricsSql.Compile(rubric, SqlDialect.DuckDb, new ProductMetricsSqlOptions { Table = "metrics" });
            view.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM (\n{HealthModelSql.Compile(model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "components" })}) AS q ORDER BY id";
        using var reader = command.ExecuteReader();
        var mismatches = 0;
        var scored = 0;
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            var (score, band, _, _) = SeededCustomers.Row(reader);
            var expected = Expected(rubric, metrics[id]) is { } components ? model.Evaluate(components).Score : default;
            scored += expected.ValueOrNull is null ? 0 : 1;
            mismatches += score == expected.ValueOrNull && band == (expected.ValueOrNull is null ? null : expected.Band.Label) ? 0 : 1;
        }

        Assert.Equal(0, mismatches);
        Assert.InRange(scored, Customers / 2, Customers);
    }

    private static IReadOnlyDictionary<string, double?>? Expected(ProductMetricsRubric rubric, ProductMetrics metrics)
    {
        try
        {
            return rubric.ToComponentScores(metrics);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static List<ProductMetrics> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<ProductMetrics>(count);
        for (var i = 0; i < count; i++)
        {
            T? Maybe<T>(Func<T> value)
                where T : struct => random.Next(8) == 0 ? null : value();

            var metrics = new ProductMetrics
            {
                DaysActiveLast30 = Maybe(() => random.Next(0, 31)),
                FeaturesUsed = Maybe(() => random.Next(0, 15)),
                AverageCsat = Maybe(() => Math.Round(1 + (random.NextDouble() * 4), 2)),
                SupportTicketsLast30 = Maybe(() => random.Next(0, 14)),
                MeetingsLast90 = Maybe(() => random.Next(0, 5)),
            };
            if (random.Next(100) == 0)
            {
                metrics = random.Next(3) switch
                {
                    0 => metrics with { DaysActiveLast30 = 31 },
                    1 => metrics with { AverageCsat = 0.5 },
                    _ => metrics with { MeetingsLast90 = -1 },
                };
            }

            list.Add(metrics);
        }

        return list;
    }

    private static DuckDBConnection Load(List<ProductMetrics> metrics)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE metrics (id INTEGER, days_active_last_30 INTEGER, features_used INTEGER, average_csat DOUBLE, support_tickets_last_30 INTEGER, meetings_last_90 INTEGER)";
            command.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender("metrics");
        for (var i = 0; i < metrics.Count; i++)
        {
            var m = metrics[i];
            appender.CreateRow().AppendValue(i).AppendValue(m.DaysActiveLast30).AppendValue(m.FeaturesUsed).AppendValue(m.AverageCsat)
                .AppendValue(m.SupportTicketsLast30).AppendValue(m.MeetingsLast90).EndRow();
        }

        return connection;
    }
}
