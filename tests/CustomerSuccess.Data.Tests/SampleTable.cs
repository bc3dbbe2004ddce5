using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Parquet;
using Parquet.Schema;

namespace CustomerSuccess.Data.Tests;

/// <summary>
/// A seeded table of customers as a warehouse holds it: a text id, usage as nullable doubles (some null, some NaN),
/// engagement as nullable integers, support as required floats, and a plan the model does not read. Written as
/// Parquet with the row groups asked for, or as Arrow (file or stream) with the record batches asked for.
/// </summary>
internal sealed class SampleTable
{
    public SampleTable(int rows, int seed)
    {
        var random = new Random(seed);
        Ids = new string[rows];
        Usage = new double?[rows];
        Engagement = new int?[rows];
        Support = new float[rows];
        Plans = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            Ids[i] = $"C{i:D6}";
            var u = random.NextDouble();
            Usage[i] = u < 0.1 ? null : u < 0.12 ? double.NaN : Math.Round(random.NextDouble() * 100, 3);
            Engagement[i] = random.NextDouble() < 0.15 ? null : random.Next(0, 101);
            Support[i] = (float)(random.Next(0, 401) / 4.0);
            Plans[i] = random.NextDouble() < 0.5 ? "Pro" : null;
        }
    }

    public string[] Ids { get; }

    public double?[] Usage { get; }

    public int?[] Engagement { get; }

    public float[] Support { get; }

    public string?[] Plans { get; }

    public int Count => Ids.Length;

    /// <summary>The model's columns (usage, engagement, support) as the library's columnar paths take them.</summary>
    public ReadOnlyMemory<double>[] Columns() =>
    [
        Usage.Select(v => v ?? double.NaN).ToArray(),
        Engagement.Select(v => v is { } e ? e : double.NaN).ToArray(),
        Support.Select(v => (double)v).ToArray(),
    ];

    public async Task<MemoryStream> ToParquetAsync(params int[] groups)
    {
        Check(groups);
        var id = new DataField<string>("id");
        var usage = new DataField<double?>("usage");
        var engagement = new DataField<int?>("engagement");
        var support = new DataField<float>("support");
        var plan = new DataField<string>("plan", nullable: true);
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, usage, engagement, support, plan), stream))
        {
            var start = 0;
            foreach (var size in groups)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(id, new ArraySegment<string>(Ids, start, size));
                await group.WriteAsync<double>(usage, Usage.AsMemory(start, size));
                await group.WriteAsync<int>(engagement, Engagement.AsMemory(start, size));
                await group.WriteAsync(support, (ReadOnlyMemory<float>)Support.AsMemory(start, size));
                await group.WriteAsync(plan, new ArraySegment<string>(Plans!, start, size));
                start += size;
            }
        }

        stream.Position = 0;
        return stream;
    }

    public async Task<MemoryStream> ToArrowAsync(bool fileFormat, params int[] batches)
    {
        Check(batches);
        var schema = new Schema.Builder()
            .Field(f => f.Name("id").DataType(Apache.Arrow.Types.StringType.Default).Nullable(false))
            .Field(f => f.Name("usage").DataType(Apache.Arrow.Types.DoubleType.Default).Nullable(true))
            .Field(f => f.Name("engagement").DataType(Apache.Arrow.Types.Int32Type.Default).Nullable(true))
            .Field(f => f.Name("support").DataType(Apache.Arrow.Types.FloatType.Default).Nullable(false))
            .Field(f => f.Name("plan").DataType(Apache.Arrow.Types.StringType.Default).Nullable(true))
            .Build();
        var stream = new MemoryStream();
        using (ArrowStreamWriter writer = fileFormat ? new ArrowFileWriter(stream, schema, leaveOpen: true) : new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            var start = 0;
            foreach (var size in batches)
            {
                var range = Enumerable.Range(start, size).ToArray();
                var ids = new StringArray.Builder().AppendRange(range.Select(i => Ids[i])).Build();
                var usage = new DoubleArray.Builder();
                var engagement = new Int32Array.Builder();
                var plans = new StringArray.Builder();
                foreach (var i in range)
                {
                    _ = Usage[i] is { } u ? usage.Append(u) : usage.AppendNull();
                    _ = Engagement[i] is { } e ? engagement.Append(e) : engagement.AppendNull();
                    _ = Plans[i] is { } p ? plans.Append(p) : plans.AppendNull();
                }

                var support = new FloatArray.Builder().AppendRange(range.Select(i => Support[i])).Build();
                using var batch = new RecordBatch(schema, new IArrowArray[] { ids, usage.Build(), engagement.Build(), support, plans.Build() }, size);
                await writer.WriteRecordBatchAsync(batch);
                start += size;
            }

            await writer.WriteEndAsync();
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Reads a scored Parquet file's columns: the kept id, the score, the band and its rank.</summary>
    public static async Task<(string[] Ids, double?[] Scores, string?[] Bands, int?[] Ranks, int Groups)> ReadScoredParquetAsync(Stream stream, string prefix = "health_")
    {
        stream.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.DataFields;
        var ids = new List<string>();
        var scores = new List<double?>();
        var bands = new List<string?>();
        var ranks = new List<int?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var id = new string?[n];
            var score = new double?[n];
            var band = new string?[n];
            var rank = new int?[n];
            await group.ReadAsync(fields.Single(f => f.Name == "id"), id.AsMemory());
            await group.ReadAsync<double>(fields.Single(f => f.Name == prefix + "score"), score.AsMemory());
            await group.ReadAsync(fields.Single(f => f.Name == prefix + "band"), band.AsMemory());
            await group.ReadAsync<int>(fields.Single(f => f.Name == prefix + "band_rank"), rank.AsMemory());
            ids.AddRange(id!);
            scores.AddRange(score);
            bands.AddRange(band);
            ranks.AddRange(rank);
        }

        return (ids.ToArray(), scores.ToArray(), bands.ToArray(), ranks.ToArray(), reader.RowGroupCount);
    }

    private void Check(int[] sizes)
    {
        if (sizes.Sum() != Count)
        {
            throw new ArgumentException($"the sizes add up to {sizes.Sum()}, not {Count}.", nameof(sizes));
        }
    }
}
