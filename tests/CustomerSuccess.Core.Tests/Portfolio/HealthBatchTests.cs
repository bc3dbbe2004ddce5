using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>The bulk health paths against the scalar path, and their handling of bad input.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class HealthBatchTests
{
    /// <summary>Splits even tiny batches across two threads, so the parallel path runs in the properties.</summary>
    private static readonly BulkScoringOptions Parallel2 = new() { MaxDegreeOfParallelism = 2, ParallelThreshold = 1 };

    private static readonly WeightedHealthScoreModel Preset = HealthScoreModels.UsageSupportEngagementBillingOutcomes;

    /// <summary>A model, a batch of 0 to 70 customers (some values missing) as rows, and whether to wrap the model so the generic path runs.</summary>
    private static readonly Gen<(IHealthScoreModel Model, double[][] Rows)> Batches =
        from model in HealthGen.Model
        from n in Gen.Choose(0, 70)
        from rows in Gen.ArrayOf(Gen.ArrayOf(HealthGen.ScoreOrMissing, model.Components.Count), n)
        from wrap in Gen.Elements(false, false, true)
        select (wrap ? new OpaqueModel(model) : (IHealthScoreModel)model, rows);

    [Property]
    public Property Score_RandomModelsAndInputs_EqualsScalarToTheLastBit()
    {
        return Prop.ForAll(Batches.ToArbitrary(), b =>
        {
            foreach (var options in new[] { BulkScoringOptions.Sequential, Parallel2 })
            {
                var (scores, ranks) = ScoreColumns(b.Model, b.Rows, options);
                for (var i = 0; i < b.Rows.Length; i++)
                {
                    if (!SameAsScalar(b.Model, b.Rows[i], scores[i], ranks[i]))
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Property]
    public Property Score_ParallelAndSequential_WriteTheSameOutput()
    {
        return Prop.ForAll(Batches.ToArbitrary(), b =>
        {
            var sequential = ScoreColumns(b.Model, b.Rows, BulkScoringOptions.Sequential);
            var parallel = ScoreColumns(b.Model, b.Rows, Parallel2);
            return sequential.Ranks.SequenceEqual(parallel.Ranks)
                && sequential.Scores.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(parallel.Scores.Select(BitConverter.DoubleToInt64Bits));
        });
    }

    [Property]
    public Property CountBands_RandomBatches_EqualsTheHistogramOfTheFullBatch()
    {
        return Prop.ForAll(Batches.ToArbitrary(), b =>
        {
            var (scores, ranks) = ScoreColumns(b.Model, b.Rows, BulkScoringOptions.Sequential);
            foreach (var options in new[] { BulkScoringOptions.Sequential, Parallel2 })
            {
                var histogram = HealthBatch.CountBands(b.Model, Columns(b.Model, b.Rows), options);
                var expected = Enumerable.Range(0, b.Model.Bands.Bands.Count).Select(r => (long)ranks.Count(x => x == r));
                var expectedSum = scores.Where(s => !double.IsNaN(s)).Sum();
                if (!histogram.Counts.SequenceEqual(expected)
                    || histogram.NotScored != ranks.Count(x => x == HealthBatch.NoBand)
                    || Math.Abs(histogram.ScoreSum - expectedSum) > 1e-9 * Math.Max(1, expectedSum))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Property]
    public Property CountBands_SchemesOfOneToNineBands_EqualTheHistogramOfTheFullBatch()
    {
        // The vector kernel counts up to four band thresholds in registers and any more with bit counts: schemes of one
        // to nine bands take both ways, and every width of vector with the batch sizes below.
        var gen =
            from model in HealthGen.RandomModel
            from extra in Gen.Choose(0, 8)
            from bounds in Gen.ArrayOf(Gen.Choose(1, 100), extra)
            from n in Gen.Choose(0, 70)
            from rows in Gen.ArrayOf(Gen.ArrayOf(HealthGen.ScoreOrMissing, model.Components.Count), n)
            select (Model: WithBands(model, bounds), Rows: rows);
        return Prop.ForAll(gen.ToArbitrary(), b =>
        {
            var (_, ranks) = ScoreColumns(b.Model, b.Rows, BulkScoringOptions.Sequential);
            var expected = Enumerable.Range(0, b.Model.Bands.Bands.Count).Select(r => (long)ranks.Count(x => x == r));
            return new[] { BulkScoringOptions.Sequential, Parallel2 }.All(options =>
            {
                var histogram = HealthBatch.CountBands(b.Model, Columns(b.Model, b.Rows), options);
                return histogram.Counts.SequenceEqual(expected) && histogram.NotScored == ranks.Count(x => x == HealthBatch.NoBand);
            });
        });
    }

    [Property]
    public Property ObjectPaths_RandomBatches_EqualTheColumnarPath()
    {
        return Prop.ForAll(Batches.ToArbitrary(), b =>
        {
            var (scores, ranks) = ScoreColumns(b.Model, b.Rows, BulkScoringOptions.Sequential);
            var n = b.Rows.Length;
            var listScores = new double[n];
            var listRanks = new byte[n];
            HealthBatch.Score(b.Model, b.Rows, CopyRow, listScores, listRanks, Parallel2);
            var spanScores = new double[n];
            var spanRanks = new byte[n];
            HealthBatch.Score(b.Model, b.Rows.AsSpan(), CopyRow, spanScores, spanRanks);

            // A list that is neither an array nor a List<T> is read through its indexer, a block at a time.
            var readOnlyScores = new double[n];
            var readOnlyRanks = new byte[n];
            HealthBatch.Score(b.Model, Array.AsReadOnly(b.Rows), CopyRow, readOnlyScores, readOnlyRanks, Parallel2);
            var streamed = HealthBatch.ScoreStream(b.Model, b.Rows, CopyRow).ToList();
            return Same(scores, listScores) && ranks.SequenceEqual(listRanks)
                && Same(scores, spanScores) && ranks.SequenceEqual(spanRanks)
                && Same(scores, readOnlyScores) && ranks.SequenceEqual(readOnlyRanks)
                && streamed.Count == n
                && streamed.Select((s, i) => ReferenceEquals(s.Record, b.Rows[i]) && SameAsScalar(b.Model, b.Rows[i], s.Score)).All(x => x);
        });
    }

    [Fact]
    public void Score_WorkedExample_MatchesTheHandComputation()
    {
        // 30/20/20/15/15: 0.30*80 + 0.20*70 + 0.20*60 + 0.15*90 + 0.15*50 = 24 + 14 + 12 + 13.5 + 7.5 = 71 -> At Risk (40-80).
        // Second customer: usage and support missing, 0.5 of the weight present (the minimum):
        // (0.20*100 + 0.15*100 + 0.15*100) / 0.5 = 50 / 0.5 = 100 -> Healthy.
        // Third: only usage (0.3 of the weight) -> below the 0.5 minimum coverage -> no score.
        double[] usage = [80, double.NaN, 90];
        double[] support = [70, double.NaN, double.NaN];
        double[] engagement = [60, 100, double.NaN];
        double[] billing = [90, 100, double.NaN];
        double[] outcomes = [50, 100, double.NaN];
        var scores = new double[3];
        var ranks = new byte[3];

        HealthBatch.Score(Preset, [usage, support, engagement, billing, outcomes], scores, ranks);

        Assert.Equal(71, scores[0], 12);
        Assert.Equal("At Risk", Preset.Bands.Bands[ranks[0]].Label);
        Assert.Equal(100, scores[1], 12);
        Assert.Equal("Healthy", Preset.Bands.Bands[ranks[1]].Label);
        Assert.True(double.IsNaN(scores[2]));
        Assert.Equal(HealthBatch.NoBand, ranks[2]);

        var histogram = HealthBatch.CountBands(Preset, [usage, support, engagement, billing, outcomes]);
        Assert.Equal([0L, 1L, 1L], histogram.Counts);
        Assert.Equal(1, histogram.NotScored);
        Assert.Equal(85.5, histogram.MeanScore!.Value, 12);
    }

    [Fact]
    public void Score_ColumnsOfDifferentLengths_ThrowsNamingColumns()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            HealthBatch.Score(Preset, [new double[3], new double[3], new double[2], new double[3], new double[3]], new double[3], new byte[3]));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("column 2 ('engagement') has 2 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_WrongNumberOfColumns_ThrowsNamingColumns()
    {
        var e = Assert.Throws<ArgumentException>(() => HealthBatch.Score(Preset, [new double[3]], new double[3], new byte[3]));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("5 components but 1 columns", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 3, "scores")]
    [InlineData(3, 2, "bandRanks")]
    public void Score_DestinationTooShort_ThrowsNamingIt(int scoresLength, int ranksLength, string expected)
    {
        var columns = Enumerable.Range(0, 5).Select(_ => new ReadOnlyMemory<double>(new double[3])).ToArray();
        var e = Assert.Throws<ArgumentException>(() => HealthBatch.Score(Preset, columns, new double[scoresLength], new byte[ranksLength]));
        Assert.Equal(expected, e.ParamName);
    }

    [Fact]
    public void Score_LargeBatchInManyPartitionsPerThread_EqualsSequentialAndCountsAgree()
    {
        // 300 000 customers on three threads: 18 partitions of 16 672 (300 000 / 16 384 = 18 partitions of at least
        // 16 384, between one and eight a thread), so threads take several each, in whatever order they come free.
        var n = 300_000;
        var random = new Random(7);
        var columns = Enumerable.Range(0, 5)
            .Select(c => Enumerable.Range(0, n).Select(_ => random.Next(8) == 0 && c > 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 2)).ToArray())
            .ToArray();
        ReadOnlyMemory<double>[] memory = [.. columns.Select(c => new ReadOnlyMemory<double>(c))];
        var threeThreads = new BulkScoringOptions { MaxDegreeOfParallelism = 3, ParallelThreshold = 1 };

        var (sequentialScores, sequentialRanks) = (new double[n], new byte[n]);
        HealthBatch.Score(Preset, memory, sequentialScores, sequentialRanks, BulkScoringOptions.Sequential);
        var (parallelScores, parallelRanks) = (new double[n], new byte[n]);
        HealthBatch.Score(Preset, memory, parallelScores, parallelRanks, threeThreads);

        Assert.Equal(sequentialRanks, parallelRanks);
        Assert.Equal(sequentialScores.Select(BitConverter.DoubleToInt64Bits), parallelScores.Select(BitConverter.DoubleToInt64Bits));
        var histogram = HealthBatch.CountBands(Preset, memory, threeThreads);
        Assert.Equal(Enumerable.Range(0, Preset.Bands.Bands.Count).Select(r => (long)sequentialRanks.Count(x => x == r)), histogram.Counts);
        Assert.Equal(sequentialRanks.Count(x => x == HealthBatch.NoBand), histogram.NotScored);
        for (var i = 0; i < n; i += 9973)
        {
            Assert.True(SameAsScalar(Preset, [.. columns.Select(c => c[i])], parallelScores[i], parallelRanks[i]), $"customer #{i}");
        }

        // Bad values in two partitions: the call names the first customer, whichever thread finds its bad value first.
        columns[2][250_123] = 101;
        columns[4][100_001] = -3;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => HealthBatch.Score(Preset, memory, new double[n], new byte[n], threeThreads));
        Assert.Contains("customer #100001", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthBatch.CountBands(Preset, memory, threeThreads));
    }

    [Fact]
    public void ScoreAndCountBands_OnTheCallingThread_AllocateOnlyAFewHundredBytesACall()
    {
        // Pinning the columns (and, counting, the counts and the histogram) is all a call allocates: nothing per
        // customer, and the kernel's broadcast weights and thresholds live on the stack (they cost 560 B a partition on
        // the heap). Measured on the calling thread, so the sequential path, and the least of a few calls: the runtime
        // now and then allocates on a thread for its own reasons (tiering up a method while the other tests run).
        var n = 100_000;
        ReadOnlyMemory<double>[] columns = [.. Enumerable.Range(0, 5).Select(c => new ReadOnlyMemory<double>([.. Enumerable.Range(0, n).Select(i => (double)((i * (c + 3)) % 101))]))];
        var (scores, ranks) = (new double[n], new byte[n]);
        var (scoring, counting) = (long.MaxValue, long.MaxValue);
        for (var call = 0; call < 5; call++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            HealthBatch.Score(Preset, columns, scores, ranks, BulkScoringOptions.Sequential);
            scoring = Math.Min(scoring, GC.GetAllocatedBytesForCurrentThread() - before);
            before = GC.GetAllocatedBytesForCurrentThread();
            HealthBatch.CountBands(Preset, columns, BulkScoringOptions.Sequential);
            counting = Math.Min(counting, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(scoring <= 512, $"Score allocated {scoring} B");
        Assert.True(counting <= 768, $"CountBands allocated {counting} B");
    }

    [Fact]
    public void Score_NaNUnderARejectingPolicy_ThrowsNamingTheCustomer()
    {
        var model = Preset.WithMissingData(new MissingDataPolicy(MissingDataHandling.Reject));
        var n = 1000;
        var columns = Enumerable.Range(0, 5).Select(_ => Enumerable.Repeat(50.0, n).ToArray()).ToArray();
        columns[3][617] = double.NaN;
        foreach (var options in new[] { BulkScoringOptions.Sequential, Parallel2 })
        {
            var e = Assert.Throws<ArgumentException>(() =>
                HealthBatch.Score(model, [.. columns.Select(c => new ReadOnlyMemory<double>(c))], new double[n], new byte[n], options));
            Assert.Equal("columns", e.ParamName);
            Assert.Contains("customer #617", e.Message, StringComparison.Ordinal);
            Assert.Contains("'billing' is missing", e.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => HealthBatch.CountBands(model, [.. columns.Select(c => new ReadOnlyMemory<double>(c))], options));
        }
    }

    [Theory]
    [InlineData(140.0)]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Score_ValueOutOfRange_ThrowsNamingTheCustomerAndValue(double bad)
    {
        var n = 37;
        var columns = Enumerable.Range(0, 5).Select(_ => Enumerable.Repeat(50.0, n).ToArray()).ToArray();
        columns[0][35] = bad;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            HealthBatch.Score(Preset, [.. columns.Select(c => new ReadOnlyMemory<double>(c))], new double[n], new byte[n]));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("customer #35", e.Message, StringComparison.Ordinal);
        Assert.Contains("'usage'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ValueOutOfRangeInAVectorLane_ThrowsNotScores()
    {
        // Index 2 falls inside the first vector of every width, not in the scalar tail.
        var columns = Enumerable.Range(0, 5).Select(_ => Enumerable.Repeat(50.0, 64).ToArray()).ToArray();
        columns[4][2] = 100.5;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            HealthBatch.CountBands(Preset, [.. columns.Select(c => new ReadOnlyMemory<double>(c))]));
        Assert.Contains("customer #2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreRecords_BadValueInALaterGatheredBlock_ThrowsNamingRecordsAndIndex()
    {
        // Records are gathered 256 at a time for the vector kernel: index 300 is in the second block, inside a vector.
        var rows = Enumerable.Range(0, 1000).Select(i => Enumerable.Repeat(i == 300 ? -0.5 : 50.0, 5).ToArray()).ToArray();
        foreach (var list in new IReadOnlyList<double[]>[] { rows, Array.AsReadOnly(rows) })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => HealthBatch.Score(Preset, list, CopyRow, new double[1000], new byte[1000], Parallel2));
            Assert.Equal("records", e.ParamName);
            Assert.Contains("customer #300", e.Message, StringComparison.Ordinal);
        }

        var fromSpan = Assert.Throws<ArgumentOutOfRangeException>(() => HealthBatch.Score(Preset, rows.AsSpan(), CopyRow, new double[1000], new byte[1000]));
        Assert.Contains("customer #300", fromSpan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreRecords_ManyGatheredBlocks_EqualTheScalarModel()
    {
        // 1 000 records: three whole blocks of 256 and a part block, with missing values and every band.
        var rows = Enumerable.Range(0, 1000).Select(i => new[] { i % 101.0, i % 7 == 0 ? double.NaN : 50, (i * 37) % 101.0, 70, i % 3 == 0 ? double.NaN : 20 }).ToArray();
        foreach (var list in new IReadOnlyList<double[]>[] { rows, rows.ToList(), Array.AsReadOnly(rows) })
        {
            var scores = new double[1000];
            var ranks = new byte[1000];
            HealthBatch.Score(Preset, list, CopyRow, scores, ranks, Parallel2);
            for (var i = 0; i < rows.Length; i++)
            {
                var expected = Preset.Score(rows[i]);
                Assert.Equal(expected.ValueOrNull ?? double.NaN, scores[i]);
                Assert.Equal(expected.HasScore ? (byte)expected.Band.Rank : HealthBatch.NoBand, ranks[i]);
            }
        }
    }

    [Fact]
    public void ScoreStream_RecordWithBadValue_ThrowsNamingRecordsAndIndex()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => Enumerable.Repeat(i == 4321 ? 101.0 : 50.0, 5).ToArray());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => HealthBatch.ScoreStream(Preset, rows, CopyRow).Count());
        Assert.Equal("records", e.ParamName);
        Assert.Contains("customer #4321", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreStreamAsync_ManyBlocks_YieldsEveryRecordInOrder()
    {
        var rows = Enumerable.Range(0, (2 * HealthBatch.StreamBlockSize) + 5).Select(i => new[] { i % 101.0, 50, double.NaN, 70, 80 }).ToArray();
        var seen = 0;
        await foreach (var scored in HealthBatch.ScoreStreamAsync(Preset, AsAsync(rows), CopyRow))
        {
            Assert.Same(rows[seen], scored.Record);
            Assert.Equal(Preset.Score(rows[seen]), scored.Score);
            seen++;
        }

        Assert.Equal(rows.Length, seen);
        var histogram = await HealthBatch.CountBandsAsync(Preset, AsAsync(rows), CopyRow);
        Assert.Equal(HealthBatch.CountBands(Preset, rows, CopyRow).Counts, histogram.Counts);
        Assert.Equal(rows.Length, histogram.Total);
    }

    [Fact]
    public void BulkScoringOptions_BelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BulkScoringOptions { MaxDegreeOfParallelism = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BulkScoringOptions { ParallelThreshold = -1 });
    }

    [Fact]
    public void BandHistogram_Merge_AddsCountsAndRefusesOtherSchemes()
    {
        var bands = HealthBandSchemes.HealthyNeutralAtRiskCritical;
        var a = new BandHistogram(bands, [1, 2, 3, 4], 5, 100);
        var b = new BandHistogram(bands, [10, 20, 30, 40], 50, 1000);
        var merged = a.Merge(b);
        Assert.Equal([11L, 22L, 33L, 44L], merged.Counts);
        Assert.Equal(165, merged.Total);
        Assert.Equal(1100, merged.ScoreSum);
        Assert.Equal(44, merged.CountOf(bands.Bands[3]));
        var other = new BandHistogram(HealthBandSchemes.GreenYellowRed, [1, 1, 1], 0, 1);
        Assert.Throws<ArgumentException>(() => a.Merge(other));
        Assert.Throws<ArgumentException>(() => new BandHistogram(bands, [1, 2], 0, 0));
    }

    private static void CopyRow(double[] row, Span<double> destination) => row.CopyTo(destination);

    /// <summary>The model with a band scheme whose lower bounds are 0 and <paramref name="bounds"/> (repeats dropped).</summary>
    private static WeightedHealthScoreModel WithBands(WeightedHealthScoreModel model, int[] bounds)
    {
        var lower = bounds.Append(0).Distinct().Order().ToArray();
        var scheme = new HealthBandScheme("many", lower.Select((bound, rank) => new HealthBand($"b{rank}", bound, HealthBandColor.Yellow, rank)));
        return new WeightedHealthScoreModel("many bands", model.Components, scheme, model.MissingData);
    }

    private static ReadOnlyMemory<double>[] Columns(IHealthScoreModel model, double[][] rows) =>
        [.. Enumerable.Range(0, model.Components.Count).Select(c => new ReadOnlyMemory<double>([.. rows.Select(r => r[c])]))];

    private static (double[] Scores, byte[] Ranks) ScoreColumns(IHealthScoreModel model, double[][] rows, BulkScoringOptions options)
    {
        var scores = new double[rows.Length];
        var ranks = new byte[rows.Length];
        HealthBatch.Score(model, Columns(model, rows), scores, ranks, options);
        return (scores, ranks);
    }

    private static bool SameAsScalar(IHealthScoreModel model, double[] row, double score, byte rank)
    {
        var scalar = model.Score(row);
        return scalar.HasScore
            ? BitConverter.DoubleToInt64Bits(scalar.Value) == BitConverter.DoubleToInt64Bits(score) && rank == scalar.Band.Rank
            : double.IsNaN(score) && rank == HealthBatch.NoBand;
    }

    private static bool SameAsScalar(IHealthScoreModel model, double[] row, HealthScore score) => model.Score(row).Equals(score);

    private static bool Same(double[] a, double[] b) =>
        a.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Select(BitConverter.DoubleToInt64Bits));

    private static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.Yield();
    }

    /// <summary>A user model the batch cannot see into: the generic, once-per-customer path.</summary>
    private sealed class OpaqueModel(IHealthScoreModel inner) : IHealthScoreModel
    {
        public string Name => inner.Name;

        public IReadOnlyList<HealthComponent> Components => inner.Components;

        public HealthBandScheme Bands => inner.Bands;

        public MissingDataPolicy MissingData => inner.MissingData;

        public HealthScore Score(ReadOnlySpan<double> componentScores) => inner.Score(componentScores);

        public HealthScoreResult Evaluate(ReadOnlySpan<double> componentScores) => inner.Evaluate(componentScores);

        public HealthScoreResult Evaluate(IReadOnlyDictionary<string, double?> componentScores) => inner.Evaluate(componentScores);
    }
}
