using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace CustomerSuccess.Data.Tests;

public sealed class ParquetHealthTests
{
    private static readonly WeightedHealthScoreModel Model = HealthScoreModels.UsageEngagementSupport;

    [Fact]
    public async Task ScoreAsync_ThreeRowGroups_EveryRowAsTheColumnarPathAndTheScalarModelScoreIt()
    {
        var table = new SampleTable(12_123, seed: 3);
        using var input = await table.ToParquetAsync(5000, 7000, 123);
        using var output = new MemoryStream();

        var histogram = await ParquetHealth.ScoreAsync(Model, input, output, new ColumnarHealthOptions { SourceName = "customers.parquet" });

        var (ids, scores, bands, ranks, groups) = await SampleTable.ReadScoredParquetAsync(output);
        Assert.Equal(3, groups);
        Assert.Equal(table.Ids, ids);
        var columns = table.Columns();
        var expectedScores = new double[table.Count];
        var expectedRanks = new byte[table.Count];
        HealthBatch.Score(Model, columns, expectedScores, expectedRanks);
        var row = new double[3];
        for (var i = 0; i < table.Count; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                row[c] = columns[c].Span[i];
            }

            var scalar = Model.Score(row);
            Assert.Equal(scalar.ValueOrNull, scores[i]);
            if (expectedRanks[i] == HealthBatch.NoBand)
            {
                Assert.Null(scores[i]);
                Assert.Null(bands[i]);
                Assert.Null(ranks[i]);
            }
            else
            {
                Assert.Equal(expectedScores[i], scores[i]);
                Assert.Equal(scalar.Band.Label, bands[i]);
                Assert.Equal(expectedRanks[i], ranks[i]);
            }
        }

        var whole = HealthBatch.CountBands(Model, columns);
        Assert.Equal(whole.Counts, histogram.Counts);
        Assert.Equal(whole.NotScored, histogram.NotScored);
        Assert.Equal(whole.ScoreSum, histogram.ScoreSum, 1e-6);
        Assert.True(histogram.NotScored > 0, "the sample has customers with too little data");
    }

    [Fact]
    public async Task ScoreAsync_ARowGroupLargerThanAnOutputGroup_IsWrittenAsSeveral_EveryRowInOrder()
    {
        var table = new SampleTable(300_000, seed: 10);
        using var input = await table.ToParquetAsync(300_000);
        using var output = new MemoryStream();

        await ParquetHealth.ScoreAsync(HealthScoreModels.UsageEngagementSupport, input, output);

        var (ids, scores, _, _, groups) = await SampleTable.ReadScoredParquetAsync(output);
        var expected = new double[table.Count];
        HealthBatch.Score(Model, table.Columns(), expected, new byte[table.Count]);
        Assert.Equal(3, groups);
        Assert.Equal(table.Ids, ids);
        Assert.Equal(expected.Select(e => double.IsNaN(e) ? (double?)null : e), scores);
    }

    [Fact]
    public async Task ScoreAsync_AKeptTextColumnWithNulls_IsCopiedAsItWas()
    {
        var table = new SampleTable(2_000, seed: 12);
        using var input = await table.ToParquetAsync(1500, 500);
        using var output = new MemoryStream();

        await ParquetHealth.ScoreAsync(Model, input, output, new ColumnarHealthOptions { Keep = ["plan", "id"] });

        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output);
        var plans = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new string?[group.RowCount];
            await group.ReadAsync(reader.Schema.DataFields[0], values.AsMemory());
            plans.AddRange(values);
        }

        Assert.Equal("plan", reader.Schema.DataFields[0].Name);
        Assert.Equal(table.Plans, plans);
        Assert.Contains(null, plans);
    }

    [Fact]
    public async Task CountBandsAsync_EqualsTheColumnarPathOnTheWholeTable()
    {
        var table = new SampleTable(9_000, seed: 4);
        using var input = await table.ToParquetAsync(4000, 4000, 1000);

        var histogram = await ParquetHealth.CountBandsAsync(Model, input);

        var whole = HealthBatch.CountBands(Model, table.Columns());
        Assert.Equal(whole.Counts, histogram.Counts);
        Assert.Equal(whole.NotScored, histogram.NotScored);
        Assert.Equal(whole.ScoreSum, histogram.ScoreSum, 1e-6);
    }

    [Fact]
    public async Task ReadComponentsAsync_GivesEachRowGroupWithItsFirstRowAndTheModelsColumnsInOrder()
    {
        var table = new SampleTable(2_500, seed: 5);
        using var input = await table.ToParquetAsync(1000, 1500);
        var expected = table.Columns();

        var seen = new List<(int Index, long FirstRow, int Count)>();
        await foreach (var batch in ParquetHealth.ReadComponentsAsync(Model, input))
        {
            seen.Add((batch.Index, batch.FirstRow, batch.Count));
            Assert.Equal(3, batch.Columns.Length);
            for (var c = 0; c < 3; c++)
            {
                var want = expected[c].Span.Slice((int)batch.FirstRow, batch.Count).ToArray();
                Assert.Equal(want, batch.Columns[c].ToArray());
            }
        }

        Assert.Equal([(0, 0L, 1000), (1, 1000L, 1500)], seen);
    }

    [Fact]
    public async Task ScoreAsync_MappedColumnsAndPrefix_ReadTheNamedColumnsAndWriteThePrefixedOnes()
    {
        var id = new DataField<long>("account");
        var usage = new DataField<double>("usage_score");
        var engagement = new DataField<decimal>("Engagement");
        var support = new DataField<short>("csat");
        using var input = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, usage, engagement, support), input))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, (ReadOnlyMemory<long>)new long[] { 7, 8 });
            await group.WriteAsync(usage, (ReadOnlyMemory<double>)new double[] { 90, 10 });
            await group.WriteAsync(engagement, (ReadOnlyMemory<decimal>)new decimal[] { 80, 20 });
            await group.WriteAsync(support, (ReadOnlyMemory<short>)new short[] { 70, 30 });
        }

        input.Position = 0;
        using var output = new MemoryStream();
        var options = new ColumnarHealthOptions
        {
            Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["usage"] = "usage_score", ["support"] = "csat" },
            Keep = ["account"],
            Prefix = "h_",
        };

        await ParquetHealth.ScoreAsync(Model, input, output, options);

        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output);
        Assert.Equal(["account", "h_score", "h_band", "h_band_rank"], reader.Schema.DataFields.Select(f => f.Name));
        using var rows = reader.OpenRowGroupReader(0);
        var accounts = new long[2];
        var scores = new double?[2];
        await rows.ReadAsync(reader.Schema.DataFields[0], accounts.AsMemory());
        await rows.ReadAsync<double>(reader.Schema.DataFields[1], scores.AsMemory());
        Assert.Equal([7L, 8L], accounts);
        // 40-30-30: 0.4 × 90 + 0.3 × 80 + 0.3 × 70 = 81; 0.4 × 10 + 0.3 × 20 + 0.3 × 30 = 19.
        Assert.Equal(81, scores[0]!.Value, 1e-12);
        Assert.Equal(19, scores[1]!.Value, 1e-12);
    }

    [Fact]
    public async Task ScoreAsync_NoColumnForAComponent_NamesTheInputTheColumnAndTheComponent()
    {
        using var input = await OneColumnFileAsync(new DataField<double>("usage"), new DataField<double>("support"));

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetHealth.ScoreAsync(Model, input, new MemoryStream(), Options([])));

        Assert.Equal("engagement", e.Column);
        Assert.Null(e.Batch);
        Assert.Contains("customers.parquet has no column 'engagement' for the component 'engagement'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'usage', 'support'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountBandsAsync_TextWhereAComponentShouldBe_NamesTheColumnAndTheRowGroup()
    {
        using var input = await OneColumnFileAsync(new DataField<double>("usage"), new DataField<string>("engagement"), new DataField<double>("support"));

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetHealth.CountBandsAsync(Model, input, Options([])));

        Assert.Equal("engagement", e.Column);
        Assert.Equal(0, e.Batch);
        Assert.Contains("row group 0: the column 'engagement' (component 'engagement') holds text, not numbers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_AValueOutOfRangeInTheSecondRowGroup_NamesTheRowOfTheFile()
    {
        var table = new SampleTable(3000, seed: 6);
        table.Support[2100] = 140;
        using var input = await table.ToParquetAsync(2000, 1000);

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetHealth.ScoreAsync(Model, input, new MemoryStream(), Options(["id"])));

        Assert.Equal((1, 2100L, "support"), (e.Batch!.Value, e.Row!.Value, e.Column));
        Assert.Equal("customers.parquet, row group 1, row 2100, column 'support': the component 'support' must be in [0, 100] but was 140.", e.Message);
    }

    [Fact]
    public async Task CountBandsAsync_ANullUnderARejectingPolicy_NamesTheRowAndThePolicy()
    {
        var table = new SampleTable(100, seed: 8);
        var strict = Model.WithMissingData(MissingDataPolicy.Reject);
        var first = Array.FindIndex(table.Usage, u => u is null || double.IsNaN(u.Value));
        using var input = await table.ToParquetAsync(100);

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetHealth.CountBandsAsync(strict, input, Options([])));

        // The columns are checked in the model's order, usage first.
        Assert.Equal(first, e.Row);
        Assert.Equal("usage", e.Column);
        Assert.Contains("rejects missing data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_AKeptColumnTheFileLacks_IsAnErrorNamingIt()
    {
        var table = new SampleTable(10, seed: 9);
        using var input = await table.ToParquetAsync(10);

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetHealth.ScoreAsync(Model, input, new MemoryStream(), Options(["account_id"])));

        Assert.Equal("account_id", e.Column);
        Assert.Contains("no column 'account_id' to keep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_AMappingForAComponentTheModelLacks_IsAnArgumentError()
    {
        var table = new SampleTable(10, seed: 9);
        using var input = await table.ToParquetAsync(10);
        var options = new ColumnarHealthOptions { Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["adoption"] = "x" } };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => ParquetHealth.ScoreAsync(Model, input, new MemoryStream(), options));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("no such component", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_AKeptColumnNamedLikeAnOutput_IsAnArgumentError()
    {
        using var input = await OneColumnFileAsync(
            new DataField<double>("usage"), new DataField<double>("engagement"), new DataField<double>("support"), new DataField<double>("health_band"));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => ParquetHealth.ScoreAsync(Model, input, new MemoryStream(), Options(["health_band"])));

        Assert.Contains("the kept column 'health_band' has the name of an output column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadComponentsAsync_NotAParquetFile_Throws()
    {
        using var input = new MemoryStream("id,usage\n1,2\n"u8.ToArray());

        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await foreach (var unused in ParquetHealth.ReadComponentsAsync(Model, input))
            {
            }
        });
    }

    private static ColumnarHealthOptions Options(string[] keep) => new() { Keep = keep, SourceName = "customers.parquet" };

    private static async Task<MemoryStream> OneColumnFileAsync(params DataField[] fields)
    {
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            using var group = writer.CreateRowGroup();
            foreach (var field in fields)
            {
                if (field is DataField<string>)
                {
                    await group.WriteAsync(field, new[] { "a" });
                }
                else
                {
                    await group.WriteAsync(field, (ReadOnlyMemory<double>)new double[] { 50 });
                }
            }
        }

        stream.Position = 0;
        return stream;
    }
}
