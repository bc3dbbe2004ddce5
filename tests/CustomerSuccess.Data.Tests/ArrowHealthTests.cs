using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using Xunit;

namespace CustomerSuccess.Data.Tests;

public sealed class ArrowHealthTests
{
    private static readonly WeightedHealthScoreModel Model = HealthScoreModels.UsageEngagementSupport;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ScoreAsync_FileOrStreamFormat_EveryRowAsTheColumnarPathScoresIt_TheIdsPassedThrough(bool fileFormat)
    {
        var table = new SampleTable(10_500, seed: 11);
        using var input = await table.ToArrowAsync(fileFormat, 4096, 4096, 2308);
        using var output = new MemoryStream();

        var histogram = await ArrowHealth.ScoreAsync(Model, input, output, new ColumnarHealthOptions { Keep = ["id", "plan"] });

        var columns = table.Columns();
        var expectedScores = new double[table.Count];
        var expectedRanks = new byte[table.Count];
        HealthBatch.Score(Model, columns, expectedScores, expectedRanks);
        output.Position = 0;
        using var reader = new ArrowFileReader(output);
        Assert.Equal(["id", "plan", "health_score", "health_band", "health_band_rank"], reader.Schema.FieldsList.Select(f => f.Name));
        var row = 0;
        var batches = 0;
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                batches++;
                var ids = (StringArray)batch.Column("id");
                var plans = (StringArray)batch.Column("plan");
                var scores = (DoubleArray)batch.Column("health_score");
                var bands = (StringArray)batch.Column("health_band");
                var ranks = (Int32Array)batch.Column("health_band_rank");
                for (var i = 0; i < batch.Length; i++, row++)
                {
                    Assert.Equal(table.Ids[row], ids.GetString(i));
                    Assert.Equal(table.Plans[row], plans.GetString(i));
                    if (expectedRanks[row] == HealthBatch.NoBand)
                    {
                        Assert.Null(scores.GetValue(i));
                        Assert.Null(bands.GetString(i));
                        Assert.Null(ranks.GetValue(i));
                        continue;
                    }

                    Assert.Equal(expectedScores[row], scores.GetValue(i));
                    Assert.Equal(Model.Bands.Bands.Single(b => b.Rank == expectedRanks[row]).Label, bands.GetString(i));
                    Assert.Equal(expectedRanks[row], ranks.GetValue(i));
                }
            }
        }

        Assert.Equal((3, table.Count), (batches, row));
        var whole = HealthBatch.CountBands(Model, columns);
        Assert.Equal(whole.Counts, histogram.Counts);
        Assert.Equal(whole.NotScored, histogram.NotScored);
    }

    [Fact]
    public async Task CountBandsAsync_EqualsTheColumnarPathOnTheWholeTable()
    {
        var table = new SampleTable(5_000, seed: 12);
        using var input = await table.ToArrowAsync(fileFormat: false, 1000, 4000);

        var histogram = await ArrowHealth.CountBandsAsync(Model, input);

        var whole = HealthBatch.CountBands(Model, table.Columns());
        Assert.Equal(whole.Counts, histogram.Counts);
        Assert.Equal(whole.NotScored, histogram.NotScored);
        Assert.Equal(whole.ScoreSum, histogram.ScoreSum, 1e-6);
    }

    [Fact]
    public async Task ReadComponentsAsync_GivesEachRecordBatchWithItsFirstRow()
    {
        var table = new SampleTable(300, seed: 13);
        using var input = await table.ToArrowAsync(fileFormat: true, 100, 200);
        var expected = table.Columns();

        var seen = new List<(int, long, int)>();
        await foreach (var batch in ArrowHealth.ReadComponentsAsync(Model, input))
        {
            seen.Add((batch.Index, batch.FirstRow, batch.Count));
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c].Span.Slice((int)batch.FirstRow, batch.Count).ToArray(), batch.Columns[c].ToArray());
            }
        }

        Assert.Equal([(0, 0L, 100), (1, 100L, 200)], seen);
    }

    [Fact]
    public async Task CountBandsAsync_AValueOutOfRange_NamesTheRecordBatchTheRowAndTheColumn()
    {
        var table = new SampleTable(300, seed: 14);
        table.Support[250] = -1;
        using var input = await table.ToArrowAsync(fileFormat: true, 100, 200);

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ArrowHealth.CountBandsAsync(Model, input, new ColumnarHealthOptions { SourceName = "book.arrow" }));

        Assert.Equal("book.arrow, record batch 1, row 250, column 'support': the component 'support' must be in [0, 100] but was -1.", e.Message);
        Assert.Equal((1, 250L), (e.Batch, e.Row));
    }

    [Fact]
    public async Task CountBandsAsync_TextWhereAComponentShouldBe_NamesTheColumn()
    {
        var table = new SampleTable(10, seed: 15);
        using var input = await table.ToArrowAsync(fileFormat: true, 10);
        var options = new ColumnarHealthOptions { Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["support"] = "plan" } };

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ArrowHealth.CountBandsAsync(Model, input, options));

        Assert.Equal("plan", e.Column);
        Assert.Contains("the column 'plan' (component 'support') holds utf8 values, not numbers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_NoColumnForAComponent_NamesIt()
    {
        var table = new SampleTable(10, seed: 16);
        using var input = await table.ToArrowAsync(fileFormat: true, 10);
        var options = new ColumnarHealthOptions { Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["usage"] = "Usage" } };

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ArrowHealth.ScoreAsync(Model, input, new MemoryStream(), options));

        // A mapped name is taken exactly; an unmapped key matches ignoring case.
        Assert.Equal("Usage", e.Column);
    }
}
