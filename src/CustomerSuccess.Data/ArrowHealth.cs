using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Data;

/// <summary>
/// Scores the customers of an Arrow IPC file or stream by column, one record batch at a time (Apache.Arrow): the
/// component columns of each batch are read into double columns and scored with <see cref="HealthBatch"/>, so memory
/// stays bounded by one batch whatever the file's size; the scores and bands are written back as an Arrow IPC file,
/// one record batch for each, the kept columns passed through without a copy.
/// </summary>
/// <remarks>
/// <para>
/// Both IPC formats are read: the file format (Feather version 2, which starts with <c>ARROW1</c>) from a seekable
/// stream, and the streaming format otherwise. A component column may hold any number type (floating point, signed or
/// unsigned integers, 128-bit decimals); a null or a NaN is a missing value, scored by the model's missing-data policy.
/// An unmapped extra column is ignored. Every score and band equals the one <see cref="HealthBatch"/> (and so
/// <see cref="IHealthScoreModel.Score"/>) gives.
/// </para>
/// <para>Neither stream is closed. All methods are thread-safe: they keep no state between calls.</para>
/// </remarks>
public static class ArrowHealth
{
    private const string Unit = "record batch";

    private static ReadOnlySpan<byte> FileMagic => "ARROW1"u8;

    /// <summary>Reads the component columns a model needs, one record batch at a time.</summary>
    /// <param name="model">The model whose components are read.</param>
    /// <param name="input">An Arrow IPC file (seekable) or stream.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarHealthOptions.Default"/> when null (the kept columns are not read here).</param>
    /// <param name="cancellationToken">Stops the read between batches.</param>
    /// <returns>Each record batch's component columns; each batch's buffers are reused for the next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The options map a column to a component the model does not have, or the model has no components.</exception>
    /// <exception cref="ColumnarDataException">
    /// The input has no column for a component, or one that is not numbers; a value is outside [0, 100] or infinite; a
    /// value is missing and the model rejects missing data. The message names the input, the column, the record batch and the row.
    /// </exception>
    public static async IAsyncEnumerable<ComponentBatch> ReadComponentsAsync(
        IHealthScoreModel model,
        Stream input,
        ColumnarHealthOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        options ??= ColumnarHealthOptions.Default with { Keep = [] };
        using var reader = Open(input);
        var columns = await ColumnsAsync(model, options, reader, cancellationToken).ConfigureAwait(false);
        long firstRow = 0;
        for (var b = 0; ; b++)
        {
            using var batch = await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false);
            if (batch is null)
            {
                yield break;
            }

            var components = Read(columns, batch, b, firstRow);
            yield return components;
            firstRow += components.Count;
        }
    }

    /// <summary>Counts the customers of an Arrow IPC file or stream per band, one record batch at a time, writing nothing.</summary>
    /// <param name="model">The model.</param>
    /// <param name="input">An Arrow IPC file (seekable) or stream.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarHealthOptions.Default"/> when null (the kept columns are not read here).</param>
    /// <param name="cancellationToken">Stops the read between batches.</param>
    /// <returns>The band histogram of the whole input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ReadComponentsAsync"/>.</exception>
    /// <exception cref="ColumnarDataException">As for <see cref="ReadComponentsAsync"/>.</exception>
    public static Task<BandHistogram> CountBandsAsync(
        IHealthScoreModel model,
        Stream input,
        ColumnarHealthOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        return ComponentColumns.CountBandsAsync(model, ReadComponentsAsync(model, input, options, cancellationToken));
    }

    /// <summary>
    /// Scores every customer of an Arrow IPC file or stream and writes an Arrow IPC file of the kept columns, the
    /// score (null when the customer has none), the band's name and its rank, one record batch for each of the input's.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="input">An Arrow IPC file (seekable) or stream.</param>
    /// <param name="output">Receives the scored Arrow IPC file.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarHealthOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the work between batches.</param>
    /// <returns>The band histogram of the scores written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="input"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ReadComponentsAsync"/>, or a kept column has an output column's name.</exception>
    /// <exception cref="ColumnarDataException">As for <see cref="ReadComponentsAsync"/>, or a kept column is missing.</exception>
    public static async Task<BandHistogram> ScoreAsync(
        IHealthScoreModel model,
        Stream input,
        Stream output,
        ColumnarHealthOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        options ??= ColumnarHealthOptions.Default;
        using var reader = Open(input);
        var columns = await ColumnsAsync(model, options, reader, cancellationToken).ConfigureAwait(false);
        var fields = reader.Schema.FieldsList;
        var schema = ArrowArrays.KeptThen(
            fields,
            columns.KeepIndexes,
            new Field(columns.ScoreName, DoubleType.Default, nullable: true),
            new Field(columns.BandName, StringType.Default, nullable: true),
            new Field(columns.BandRankName, Int32Type.Default, nullable: true));
        var counts = new long[columns.BandNames.Length];
        long notScored = 0;
        var scoreSum = 0.0;
        using (var writer = new ArrowFileWriter(output, schema, leaveOpen: true))
        {
            await writer.WriteStartAsync(cancellationToken).ConfigureAwait(false);
            long firstRow = 0;
            for (var b = 0; ; b++)
            {
                using var batch = await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false);
                if (batch is null)
                {
                    break;
                }

                var components = Read(columns, batch, b, firstRow);
                var count = components.Count;
                var scores = new double[count];
                var ranks = new byte[count];
                columns.Score(components, scores, ranks);
                var valid = new byte[(count + 7) / 8];
                var rankValues = new int[count];
                var bands = new StringArray.Builder();
                var nulls = 0;
                for (var i = 0; i < count; i++)
                {
                    var rank = ranks[i];
                    if (rank == HealthBatch.NoBand)
                    {
                        nulls++;
                        notScored++;
                        bands.AppendNull();
                        continue;
                    }

                    valid[i >> 3] |= (byte)(1 << (i & 7));
                    rankValues[i] = rank;
                    counts[rank]++;
                    scoreSum += scores[i];
                    bands.Append(columns.BandNames[rank]);
                }

                var bitmap = new ArrowBuffer(valid);
                var arrays = columns.KeepIndexes.Select(k => batch.Column(k)).ToList();
                arrays.Add(ArrowArrays.Doubles(scores, bitmap, nulls));
                arrays.Add(bands.Build());
                arrays.Add(ArrowArrays.Ints(rankValues, bitmap, nulls));
                using var scored = new RecordBatch(schema, arrays, count);
                await writer.WriteRecordBatchAsync(scored, cancellationToken).ConfigureAwait(false);
                firstRow += count;
            }

            await writer.WriteEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return new BandHistogram(model.Bands, counts, notScored, scoreSum);
    }

    internal static ArrowStreamReader Open(Stream input)
    {
        if (input.CanSeek)
        {
            var start = input.Position;
            Span<byte> magic = stackalloc byte[6];
            var read = input.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            input.Position = start;
            if (read == magic.Length && magic.SequenceEqual(FileMagic))
            {
                return new ArrowFileReader(input, leaveOpen: true);
            }
        }

        return new ArrowStreamReader(input, leaveOpen: true);
    }

    private static async ValueTask<ComponentColumns> ColumnsAsync(IHealthScoreModel model, ColumnarHealthOptions options, ArrowStreamReader reader, CancellationToken cancellationToken)
    {
        var schema = await reader.GetSchema(cancellationToken).ConfigureAwait(false);
        var fields = schema.FieldsList;
        var columns = new ComponentColumns(model, options, fields.Select(f => f.Name).ToList(), Unit);
        for (var c = 0; c < columns.ColumnIndexes.Length; c++)
        {
            var type = fields[columns.ColumnIndexes[c]].DataType;
            if (!IsNumber(type.TypeId))
            {
                throw columns.NotANumber(0, c, type.Name + " values");
            }
        }

        return columns;
    }

    private static ComponentBatch Read(ComponentColumns columns, RecordBatch batch, int index, long firstRow)
    {
        var count = batch.Length;
        for (var c = 0; c < columns.ColumnIndexes.Length; c++)
        {
            var into = columns.Buffer(c, count);
            var array = batch.Column(columns.ColumnIndexes[c]);
            if (!ReadNumbers(array, into, count))
            {
                throw columns.NotANumber(index, c, array.Data.DataType.Name + " values");
            }
        }

        return columns.Batch(index, firstRow, count);
    }

    /// <summary>Reads an array of any number type into doubles, <see cref="double.NaN"/> for a null; false when it holds something else.</summary>
    internal static bool ReadNumbers(IArrowArray array, double[] into, int count)
    {
        switch (array)
        {
            case DoubleArray doubles:
                doubles.Values.CopyTo(into);
                if (doubles.NullCount > 0)
                {
                    for (var i = 0; i < count; i++)
                    {
                        if (doubles.IsNull(i))
                        {
                            into[i] = double.NaN;
                        }
                    }
                }

                return true;
            case FloatArray floats: Convert(floats, into); return true;
            case Int8Array ints: Convert(ints, into); return true;
            case Int16Array ints: Convert(ints, into); return true;
            case Int32Array ints: Convert(ints, into); return true;
            case Int64Array ints: Convert(ints, into); return true;
            case UInt8Array ints: Convert(ints, into); return true;
            case UInt16Array ints: Convert(ints, into); return true;
            case UInt32Array ints: Convert(ints, into); return true;
            case UInt64Array ints: Convert(ints, into); return true;
            case Decimal128Array decimals:
                for (var i = 0; i < count; i++)
                {
                    into[i] = decimals.GetValue(i) is { } value ? (double)value : double.NaN;
                }

                return true;
            default:
                return false;
        }
    }

    private static void Convert<T>(PrimitiveArray<T> array, double[] into)
        where T : struct, INumber<T>
    {
        var values = array.Values;
        var nulls = array.NullCount > 0;
        for (var i = 0; i < values.Length; i++)
        {
            into[i] = nulls && array.IsNull(i) ? double.NaN : double.CreateSaturating(values[i]);
        }
    }

    private static bool IsNumber(ArrowTypeId type) => type is ArrowTypeId.Double or ArrowTypeId.Float
        or ArrowTypeId.Int8 or ArrowTypeId.Int16 or ArrowTypeId.Int32 or ArrowTypeId.Int64
        or ArrowTypeId.UInt8 or ArrowTypeId.UInt16 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64
        or ArrowTypeId.Decimal128;
}
