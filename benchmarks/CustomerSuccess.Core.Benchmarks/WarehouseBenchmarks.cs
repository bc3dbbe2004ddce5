using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Sql;
using DuckDB.NET.Data;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// One million customers of five components (one value in ten missing) scored by the library's columnar path and by
/// DuckDB running the library's compiled query over the same values, loaded once into an in-memory table outside the
/// timing. DuckDB writes its result into a table of its own (score, band, rank and coverage of every customer), as the
/// library writes its scores and ranks into arrays: neither is read back; and, to tell the computing from the writing,
/// DuckDB summing the scores and ranks instead. Both on every core (two here); the baseline is the library on one core.
/// </summary>
[MemoryDiagnoser]
public class WarehouseBenchmarks
{
    private const int Count = 1_000_000;
    private readonly WeightedHealthScoreModel _model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private ReadOnlyMemory<double>[] _columns = [];
    private readonly double[] _scores = new double[Count];
    private readonly byte[] _ranks = new byte[Count];
    private DuckDBConnection _duckDb = null!;
    private string _query = string.Empty;
    private string _aggregate = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261203);
        var keys = _model.Components.Select(c => c.Key).ToArray();
        var values = keys.Select(_ => new double[Count]).ToArray();
        for (var i = 0; i < Count; i++)
        {
            foreach (var column in values)
            {
                column[i] = random.Next(10) == 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 2);
            }
        }

        _columns = [.. values.Select(v => new ReadOnlyMemory<double>(v))];
        _duckDb = new DuckDBConnection("DataSource=:memory:");
        _duckDb.Open();
        Execute($"CREATE TABLE customers (id INTEGER, {string.Join(", ", keys.Select(k => $"\"{k}\" DOUBLE"))})");
        using (var appender = _duckDb.CreateAppender("customers"))
        {
            for (var i = 0; i < Count; i++)
            {
                var row = appender.CreateRow().AppendValue(i);
                foreach (var column in values)
                {
                    row = double.IsNaN(column[i]) ? row.AppendNullValue() : row.AppendValue(column[i]);
                }

                row.EndRow();
            }
        }

        var compiled = HealthModelSql.Compile(_model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "customers" });
        _query = "CREATE OR REPLACE TABLE scored AS\n" + compiled;
        _aggregate = $"SELECT count(health_score), sum(health_score), sum(health_band_rank) FROM (\n{compiled}) AS q";
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb.Dispose();

    [Benchmark(Baseline = true, Description = "library, columnar path, one core")]
    public void LibraryOneCore() => HealthBatch.Score(_model, _columns, _scores, _ranks, BulkScoringOptions.Sequential);

    [Benchmark(Description = "library, columnar path, every core")]
    public void Library() => HealthBatch.Score(_model, _columns, _scores, _ranks);

    [Benchmark(Description = "DuckDB, the compiled query into a table, every core")]
    public void DuckDb() => Execute(_query);

    [Benchmark(Description = "DuckDB, the compiled query summed, nothing written, every core")]
    public object? DuckDbSummed()
    {
        using var command = _duckDb.CreateCommand();
        command.CommandText = _aggregate;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = _duckDb.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
