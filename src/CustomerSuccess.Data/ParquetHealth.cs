using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using Parquet;
using Parquet.Schema;

namespace CustomerSuccess.Data;

/// <summary>
/// Scores the customers of a Parquet file by column, one row group at a time (Parquet.Net): the component columns of
/// each row group are read into double columns and scored with <see cref="HealthBatch"/>, so memory stays bounded by
/// one row group whatever the file's size; the scores and bands are written back as Parquet, each input row group as one or
/// more of at most 128 Ki rows (smaller groups keep the writer's working set flat).
/// </summary>
/// <remarks>
/// <para>
/// A component column may hold any number type (doubles, floats, signed or unsigned integers, decimals); a null or a
/// NaN is a missing value, scored by the model's missing-data policy. An unmapped extra column is ignored. Every
/// score and band equals the one <see cref="HealthBatch"/> (and so <see cref="IHealthScoreModel.Score"/>) gives.
/// </para>
/// <para>
/// The input stream must be readable and seekable (Parquet keeps its schema at the end); the output stream writable
/// and seekable. Neither is closed. All methods are thread-safe: they keep no state between calls.
/// </para>
/// </remarks>
public static class ParquetHealth
{
    private const string Unit = "row group";

    /// <summary>Reads the component columns a model needs, one row group at a time.</summary>
    /// <param name="model">The model whose components are read.</param>
    /// <param name="input">The Parquet file: readable and seekable.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarHealthOptions.Default"/> when null (the kept columns are not read here).</param>
    /// <param name="cancellationToken">Stops the read between columns.</param>
    /// <returns>Each row group's component columns; each batch's buffers are reused for the next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The options map a column to a component the model does not have, or the model has no components.</exception>
    /// <exception cref="ColumnarDataException">
    /// The file has no column for a component, or one that is not numbers; a value is outside [0, 100] or infinite; a
    /// value is missing and the model rejects missing data. The message names the input, the column, the row group and the row.
    /// </exception>
    /// <exception cref="IOException">The stream is not a Parquet file.</exception>
    public static async IAsyncEnumerable<ComponentBatch> ReadComponentsAsync(
        IHealthScoreModel model,
        Stream input,
        ColumnarHealthOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        options ??= ColumnarHealthOptions.Default with { Keep = [] };
        var reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var disposeReader = reader.ConfigureAwait(false);
        var (columns, fields) = Open(model, options, reader);
        long firstRow = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var batch = await ReadGroupAsync(columns, fields, group, g, firstRow, cancellationToken).ConfigureAwait(false);
            yield return batch;
            firstRow += batch.Count;
        }
    }

    /// <summary>Counts the customers of a Parquet file per band, one row group at a time, writing nothing.</summary>
    /// <param name="model">The model.</param>
    /// <param name="input">The Parquet file: readable and seekable.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarHealthOptions.Default"/> when null (the kept columns are not read here).</param>
    /// <param name="cancellationToken">Stops the read between columns.</param>
    /// <returns>The band histogram of the whole file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ReadComponentsAsync"/>.</exception>
    /// <exception cref="ColumnarDataException">As for <see cref="ReadComponentsAsync"/>.</exception>
    /// <exception cref="IOException">The stream is not a Parquet file.</exception>
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
    /// Scores every customer of a Parquet file and writes a Parquet file of the kept columns, the score (null when the
    /// customer has none), the band's name and its rank, each input row group as one or more of at most 128 Ki rows.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="input">The Parquet file: readable and seekable.</param>
    /// <param name="output">Receives the scored file: writable and seekable.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarHealthOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the work between columns.</param>
    /// <returns>The band histogram of the scores written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="input"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ReadComponentsAsync"/>, or a kept column has an output column's name.</exception>
    /// <exception cref="ColumnarDataException">As for <see cref="ReadComponentsAsync"/>; or a kept column is missing, nested or of a type the writer cannot copy.</exception>
    /// <exception cref="IOException">The input is not a Parquet file.</exception>
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
        var reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var disposeReader = reader.ConfigureAwait(false);
        var (columns, fields) = Open(model, options, reader);
        var kept = columns.KeepIndexes.Select(k => ParquetCopy.Keepable(reader.Schema.Fields[k], columns.CannotKeep)).ToArray();
        var scoreField = new DataField<double?>(columns.ScoreName);
        var bandField = new DataField<string>(columns.BandName, nullable: true);
        var rankField = new DataField<int?>(columns.BandRankName);
        var schema = new ParquetSchema(kept.Select(k => (Field)k.Output).Append(scoreField).Append(bandField).Append(rankField));
        var counts = new long[columns.BandNames.Length];
        long notScored = 0;
        var scoreSum = 0.0;
        var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            long firstRow = 0;
            double[] scores = [];
            byte[] ranks = [];
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var batch = await ReadGroupAsync(columns, fields, group, g, firstRow, cancellationToken).ConfigureAwait(false);
                var count = batch.Count;
                if (scores.Length < count)
                {
                    scores = new double[count];
                    ranks = new byte[count];
                }

                columns.Score(batch, scores.AsSpan(0, count), ranks.AsSpan(0, count));
                var (nullableScores, bands, nullableRanks) = Outputs(columns, scores, ranks, count, counts, ref notScored, ref scoreSum);
                try
                {
                    await ParquetCopy.WriteAsync(
                        writer,
                        group,
                        kept,
                        count,
                        async (rows, start, length) =>
                        {
                            await rows.WriteAsync<double>(scoreField, nullableScores.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                            await rows.WriteAsync(bandField, new ArraySegment<string>(bands, start, length)).ConfigureAwait(false);
                            await rows.WriteAsync<int>(rankField, nullableRanks.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        },
                        cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<double?>.Shared.Return(nullableScores);
                    ArrayPool<string>.Shared.Return(bands, clearArray: true);
                    ArrayPool<int?>.Shared.Return(nullableRanks);
                }

                firstRow += count;
            }
        }

        return new BandHistogram(model.Bands, counts, notScored, scoreSum);
    }

    private static (ComponentColumns Columns, DataField[] Fields) Open(IHealthScoreModel model, ColumnarHealthOptions options, ParquetReader reader)
    {
        var top = reader.Schema.Fields;
        var columns = new ComponentColumns(model, options, top.Select(f => f.Name).ToList(), Unit);
        var fields = new DataField[columns.ColumnIndexes.Length];
        for (var c = 0; c < fields.Length; c++)
        {
            var field = top[columns.ColumnIndexes[c]];
            if (field is not DataField { IsArray: false } data || !IsNumber(data.ClrType))
            {
                throw columns.NotANumber(0, c, Describe(field));
            }

            fields[c] = data;
        }

        return (columns, fields);
    }

    private static async ValueTask<ComponentBatch> ReadGroupAsync(
        ComponentColumns columns,
        DataField[] fields,
        ParquetRowGroupReader group,
        int index,
        long firstRow,
        CancellationToken cancellationToken)
    {
        if (group.RowCount > Array.MaxLength)
        {
            throw new ColumnarDataException(
                string.Create(CultureInfo.InvariantCulture, $"{columns.Options.SourceName}, {Unit} {index}: the row group has {group.RowCount} rows; the reader takes at most {Array.MaxLength} in one."),
                columns.Options.SourceName,
                null,
                index,
                null);
        }

        var count = (int)group.RowCount;
        for (var c = 0; c < fields.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ReadNumbersAsync(group, fields[c], columns.Buffer(c, count), count, cancellationToken).ConfigureAwait(false);
        }

        return columns.Batch(index, firstRow, count);
    }

    /// <summary>Reads a column of any number type into doubles, <see cref="double.NaN"/> for a null.</summary>
    internal static ValueTask ReadNumbersAsync(ParquetRowGroupReader group, DataField field, double[] into, int count, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        return type == typeof(double) ? ReadDoubles(group, field, into, count, cancellationToken)
            : type == typeof(float) ? ReadNumbers<float>(group, field, into, count, cancellationToken)
            : type == typeof(int) ? ReadNumbers<int>(group, field, into, count, cancellationToken)
            : type == typeof(long) ? ReadNumbers<long>(group, field, into, count, cancellationToken)
            : type == typeof(short) ? ReadNumbers<short>(group, field, into, count, cancellationToken)
            : type == typeof(sbyte) ? ReadNumbers<sbyte>(group, field, into, count, cancellationToken)
            : type == typeof(byte) ? ReadNumbers<byte>(group, field, into, count, cancellationToken)
            : type == typeof(ushort) ? ReadNumbers<ushort>(group, field, into, count, cancellationToken)
            : type == typeof(uint) ? ReadNumbers<uint>(group, field, into, count, cancellationToken)
            : type == typeof(ulong) ? ReadNumbers<ulong>(group, field, into, count, cancellationToken)
            : ReadNumbers<decimal>(group, field, into, count, cancellationToken);
    }

    private static async ValueTask ReadDoubles(ParquetRowGroupReader group, DataField field, double[] into, int count, CancellationToken cancellationToken)
    {
        if (!field.IsNullable)
        {
            await group.ReadAsync(field, into.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReadNumbers<double>(group, field, into, count, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask ReadNumbers<T>(ParquetRowGroupReader group, DataField field, double[] into, int count, CancellationToken cancellationToken)
        where T : struct, INumberBase<T>
    {
        var values = ArrayPool<T?>.Shared.Rent(count);
        try
        {
            await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                into[i] = values[i] is { } value ? double.CreateSaturating(value) : double.NaN;
            }
        }
        finally
        {
            ArrayPool<T?>.Shared.Return(values);
        }
    }

    private static (double?[] Scores, string[] Bands, int?[] Ranks) Outputs(
        ComponentColumns columns,
        double[] scores,
        byte[] ranks,
        int count,
        long[] counts,
        ref long notScored,
        ref double scoreSum)
    {
        var nullableScores = ArrayPool<double?>.Shared.Rent(count);
        var bands = ArrayPool<string>.Shared.Rent(count);
        var nullableRanks = ArrayPool<int?>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
        {
            var rank = ranks[i];
            if (rank == HealthBatch.NoBand)
            {
                nullableScores[i] = null;
                bands[i] = null!;
                nullableRanks[i] = null;
                notScored++;
                continue;
            }

            nullableScores[i] = scores[i];
            bands[i] = columns.BandNames[rank];
            nullableRanks[i] = rank;
            counts[rank]++;
            scoreSum += scores[i];
        }

        return (nullableScores, bands, nullableRanks);
    }

    internal static bool IsNumber(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal)
        || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte)
        || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

    internal static string Describe(Field field) => field switch
    {
        DataField { IsArray: true } => "lists",
        DataField data when data.ClrType == typeof(string) || data.ClrType == typeof(ReadOnlyMemory<char>) => "text",
        DataField data => data.ClrType.Name + " values",
        _ => field.SchemaType.ToString().ToLowerInvariant() + " values",
    };
}
