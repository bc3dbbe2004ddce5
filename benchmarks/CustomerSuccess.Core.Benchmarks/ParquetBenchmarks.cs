using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Data;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Sql;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// One million customers of five components (one value in ten missing) in a Parquet file of one row group (Snappy,
/// Parquet.Net's default): the library reading it by column and counting the bands, or scoring it and writing a
/// Parquet file of id, score, band and rank; DuckDB running the library's compiled query over <c>read_parquet</c> of
/// the same file, summed or copied to a Parquet file. Both on every core (two here). The file is written once,
/// outside the timing, to the temporary folder.
/// </summary>
[MemoryDiagnoser]
public class ParquetBenchmarks
{
    private const int Count = 1_000_000;
    private readonly WeightedHealthScoreModel _model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;
    private readonly MemoryStream _output = new();
    private string _folder = string.Empty;
    private string _input = string.Empty;
    private DuckDBConnection _duckDb = null!;
    private string _aggregate = string.Empty;
    private string _copy = string.Empty;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "customer-success-parquet-benchmark-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _input = Path.Combine(_folder, "customers.parquet");
        var random = new Random(20261203);
        var id = new DataField<int>("id");
        var fields = _model.Components.Select(c => new DataField<double?>(c.Key)).ToArray();
        await using (var file = File.Create(_input))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.Prepend<Field>(id)), file))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, (ReadOnlyMemory<int>)Enumerable.Range(0, Count).ToArray());
            foreach (var field in fields)
            {
                var values = new double?[Count];
                for (var i = 0; i < Count; i++)
                {
                    values[i] = random.Next(10) == 0 ? null : Math.Round(random.NextDouble() * 100, 2);
                }

                await group.WriteAsync<double>(field, values.AsMemory());
            }
        }

        _duckDb = new DuckDBConnection("DataSource=:memory:");
        _duckDb.Open();
        Execute($"CREATE VIEW customers AS SELECT * FROM read_parquet('{_input.Replace("'", "''", StringComparison.Ordinal)}')");
        var compiled = HealthModelSql.Compile(_model, SqlDialect.DuckDb, new HealthSqlOptions { Table = "customers" });
        _aggregate = $"SELECT count(health_score), sum(health_score), sum(health_band_rank) FROM (\n{compiled}) AS q";
        var target = Path.Combine(_folder, "scored-duckdb.parquet").Replace("'", "''", StringComparison.Ordinal);
        _copy = $"COPY (\n{compiled}) TO '{target}' (FORMAT parquet)";
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duckDb.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "library, Parquet in, bands counted")]
    public async Task<BandHistogram> LibraryCount()
    {
        await using var input = File.OpenRead(_input);
        return await ParquetHealth.CountBandsAsync(_model, input);
    }

    [Benchmark(Description = "library, Parquet in, Parquet of scores out (in memory)")]
    public async Task<BandHistogram> LibraryScore()
    {
        await using var input = File.OpenRead(_input);
        _output.SetLength(0);
        return await ParquetHealth.ScoreAsync(_model, input, _output);
    }

    [Benchmark(Description = "DuckDB, read_parquet, the compiled query summed")]
    public object? DuckDbSummed()
    {
        using var command = _duckDb.CreateCommand();
        command.CommandText = _aggregate;
        return command.ExecuteScalar();
    }

    [Benchmark(Description = "DuckDB, read_parquet, the compiled query copied to Parquet")]
    public void DuckDbCopy() => Execute(_copy);

    private void Execute(string sql)
    {
        using var command = _duckDb.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
