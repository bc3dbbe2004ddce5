using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using CustomerSuccess.Data;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using Parquet;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The health command over Parquet and Arrow files of component scores, and generate --components that writes them.</summary>
public sealed class HealthCliTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Health_Parquet_PrintsTheBandsTheLibraryCounts_AndWritesEveryRow()
    {
        var input = _cli.PathOf("book.parquet");
        var output = _cli.PathOf("scored.parquet");
        Assert.Equal(0, (await _cli.Run("generate", "--components", input, "--count", "5000", "--seed", "3")).ExitCode);

        var summary = await _cli.Run("health", input);
        var written = await _cli.Run("health", input, "-o", output);

        var model = HealthScoreModels.Get("30-20-20-15-15");
        BandHistogram expected;
        await using (var stream = File.OpenRead(input))
        {
            expected = await ParquetHealth.CountBandsAsync(model, stream);
        }

        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(summary.Out, written.Out);
        Assert.Contains("Customers: 5,000", summary.Out, StringComparison.Ordinal);
        foreach (var band in model.Bands.Bands)
        {
            Assert.Contains($"  {band.Label,-12} {expected.CountOf(band),12:N0}", summary.Out, StringComparison.Ordinal);
        }

        await using var scored = File.OpenRead(output);
        await using var reader = await ParquetReader.CreateAsync(scored);
        Assert.Equal(["id", "health_score", "health_band", "health_band_rank"], reader.Schema.DataFields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(5000, group.RowCount);
        var ids = new string?[5000];
        await group.ReadAsync(reader.Schema.DataFields[0], ids.AsMemory());
        Assert.Equal("C000000001", ids[0]);
        Assert.Equal("C000005000", ids[^1]);
    }

    [Fact]
    public async Task Health_Arrow_WritesAnArrowFileWithTheKeptColumns()
    {
        var input = _cli.PathOf("book.arrow");
        var output = _cli.PathOf("scored.arrow");
        Assert.Equal(0, (await _cli.Run("generate", "--components", input, "--count", "70000")).ExitCode);

        var run = await _cli.Run("health", input, "-o", output, "--keep", "id", "--keep", "usage");

        Assert.Equal(0, run.ExitCode);
        await using var stream = File.OpenRead(output);
        using var reader = new ArrowFileReader(stream);
        Assert.Equal(["id", "usage", "health_score", "health_band", "health_band_rank"], reader.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(2, await reader.RecordBatchCountAsync());
        using var first = await reader.ReadNextRecordBatchAsync();
        Assert.Equal(65536, first.Length);
        Assert.Equal("C000000001", ((StringArray)first.Column("id")).GetString(0));
    }

    [Fact]
    public async Task GenerateComponents_TheSameSeed_WritesTheSameFile()
    {
        var a = _cli.PathOf("a.parquet");
        var b = _cli.PathOf("b.parquet");

        await _cli.Run("generate", "--components", a, "--count", "1000", "--seed", "9");
        await _cli.Run("generate", "--components", b, "--count", "1000", "--seed", "9");

        Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));
    }

    [Fact]
    public async Task Health_AColumnTheModelNeedsIsMissing_IsExitOneNamingTheFileAndTheColumn()
    {
        var input = _cli.PathOf("book.parquet");
        await _cli.Run("generate", "--components", input, "--count", "10");

        var run = await _cli.Run("health", input, "--model", "40-30-20-10-metrics");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{input} has no column 'adoption' for the component 'adoption' of the model '40-30-20-10-metrics'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_RefusesWhatItCannotRead()
    {
        var input = _cli.PathOf("book.parquet");
        await _cli.Run("generate", "--components", input, "--count", "10");

        var csv = await _cli.Run("health", CliHarness.SampleFile);
        var convert = await _cli.Run("health", input, "-o", _cli.PathOf("out.arrow"));
        var missing = await _cli.Run("health", _cli.PathOf("none.parquet"));
        var scoreParquet = await _cli.Run("score", input);

        Assert.Equal([2, 2, 2, 2], new[] { csv.ExitCode, convert.ExitCode, missing.ExitCode, scoreParquet.ExitCode });
        Assert.Contains("give a .parquet or .arrow file", csv.Error, StringComparison.Ordinal);
        Assert.Contains("does not convert between Parquet and Arrow", convert.Error, StringComparison.Ordinal);
        Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);
        Assert.Contains("Score a file of component scores with 'customer-success health", scoreParquet.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Churn_Parquet_PrintsTheLevels_AndWritesEveryRowAsTheLibraryAssessesIt()
    {
        var input = _cli.PathOf("signals.parquet");
        var output = _cli.PathOf("churn.parquet");
        var id = new Parquet.Schema.DataField<string>("id");
        var login = new Parquet.Schema.DataField<DateOnly?>("Last Login");
        var champion = new Parquet.Schema.DataField<bool?>("champion_leaving");
        var health = new Parquet.Schema.DataField<double?>("health_score");
        await using (var file = File.Create(input))
        await using (var writer = await ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(id, login, champion, health), file))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, new[] { "a", "b", "c" });
            await group.WriteAsync<DateOnly>(login, new DateOnly?[] { new(2026, 11, 21), new(2026, 11, 1), null });
            await group.WriteAsync<bool>(champion, new bool?[] { false, false, true });
            await group.WriteAsync<double>(health, new double?[] { 90, 50, null });
        }

        var run = await _cli.Run("churn", input, "-o", output, "--as-of", "2026-11-22", "--map", "Last Login=last_login_date");
        var late = await _cli.Run("churn", input, "--as-of", "2026-11-20", "--map", "Last Login=last_login_date");

        // a: nothing fires, health 90: Low. b: no login for 21 days (medium), health 50 (the health bands' Medium): Medium.
        // c: the champion is leaving (critical): Critical.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Customers: 3", run.Out, StringComparison.Ordinal);
        Assert.Contains("  Critical                1   33.3 %", run.Out, StringComparison.Ordinal);
        Assert.Contains("  Medium                  1   33.3 %", run.Out, StringComparison.Ordinal);
        Assert.Contains("  Low                     1   33.3 %", run.Out, StringComparison.Ordinal);
        await using var scored = File.OpenRead(output);
        await using var reader = await ParquetReader.CreateAsync(scored);
        using var rows = reader.OpenRowGroupReader(0);
        var levels = new string?[3];
        await rows.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == "churn_level"), levels.AsMemory());
        Assert.Equal(new string?[] { "Low", "Medium", "Critical" }, levels);
        Assert.Equal(1, late.ExitCode);
        Assert.Contains("LastLoginDate 2026-11-21 is after the as-of date 2026-11-20", late.Error, StringComparison.Ordinal);
    }
}
