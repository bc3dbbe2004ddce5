using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using CustomerSuccess.Health;
using Parquet;
using Parquet.Schema;

namespace CustomerSuccess.Cli;

/// <summary>
/// Writes a synthetic Parquet or Arrow file of component scores for the <c>health</c> command: an id and one nullable
/// double column per component of a model. Each customer has a health drawn around 65 with a spread of 18, and each
/// of its components lies around it with a spread of 12 (to one decimal, within [0, 100]), missing one time in twenty. It writes one row group (Parquet) or record batch (Arrow) at a time, so
/// any number of rows fits in the memory of one.
/// </summary>
internal sealed class ColumnarGenerator(int seed, IHealthScoreModel model)
{
    /// <summary>The rows of a Parquet row group: 1 Mi, the size warehouses commonly write.</summary>
    public const int RowGroupRows = 1 << 20;

    /// <summary>The rows of an Arrow record batch: 64 Ki.</summary>
    public const int RecordBatchRows = 1 << 16;

    private readonly Random _random = new(seed);

    public async Task WriteParquetAsync(Stream output, long count, CancellationToken cancellationToken)
    {
        var id = new DataField<string>("id");
        var fields = model.Components.Select(c => new DataField<double?>(c.Key)).ToArray();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.Prepend<Parquet.Schema.Field>(id)), output, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var ids = new string[Math.Min(count, RowGroupRows)];
            var values = fields.Select(_ => new double?[ids.Length]).ToArray();
            for (long start = 0; start < count; start += RowGroupRows)
            {
                var rows = (int)Math.Min(RowGroupRows, count - start);
                using var group = writer.CreateRowGroup();
                for (var i = 0; i < rows; i++)
                {
                    ids[i] = Id(start + i);
                }

                Fill(values, rows);
                await group.WriteAsync(id, new ArraySegment<string>(ids, 0, rows)).ConfigureAwait(false);
                for (var c = 0; c < fields.Length; c++)
                {
                    await group.WriteAsync<double>(fields[c], values[c].AsMemory(0, rows), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                group.CompleteValidate();
            }
        }
    }

    public async Task WriteArrowAsync(Stream output, long count, CancellationToken cancellationToken)
    {
        var builder = new Schema.Builder().Field(f => f.Name("id").DataType(Apache.Arrow.Types.StringType.Default).Nullable(false));
        foreach (var component in model.Components)
        {
            builder.Field(f => f.Name(component.Key).DataType(Apache.Arrow.Types.DoubleType.Default).Nullable(true));
        }

        var schema = builder.Build();
        using var writer = new ArrowFileWriter(output, schema, leaveOpen: true);
        await writer.WriteStartAsync(cancellationToken).ConfigureAwait(false);
        var values = model.Components.Select(_ => new double?[RecordBatchRows]).ToArray();
        for (long start = 0; start < count; start += RecordBatchRows)
        {
            var rows = (int)Math.Min(RecordBatchRows, count - start);
            var arrays = new IArrowArray[model.Components.Count + 1];
            var ids = new StringArray.Builder();
            for (var i = 0; i < rows; i++)
            {
                ids.Append(Id(start + i));
            }

            arrays[0] = ids.Build();
            Fill(values, rows);
            for (var c = 0; c < model.Components.Count; c++)
            {
                var column = new DoubleArray.Builder().Reserve(rows);
                for (var i = 0; i < rows; i++)
                {
                    _ = values[c][i] is { } score ? column.Append(score) : column.AppendNull();
                }

                arrays[c + 1] = column.Build();
            }

            using var batch = new RecordBatch(schema, arrays, rows);
            await writer.WriteRecordBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        await writer.WriteEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Id(long row) => string.Create(CultureInfo.InvariantCulture, $"C{row + 1:D9}");

    /// <summary>Draws the components of <paramref name="rows"/> customers, row by row.</summary>
    private void Fill(double?[][] columns, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            var health = 65 + (18 * Normal());
            foreach (var column in columns)
            {
                var score = Math.Round(Math.Clamp(health + (12 * Normal()), 0, 100), 1);
                column[i] = _random.Next(20) == 0 ? null : score;
            }
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private double Normal()
    {
        var u = 1.0 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
