using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Churn;
using CustomerSuccess.Portfolio;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace CustomerSuccess.Data;

/// <summary>
/// Assesses the churn risk of the customers of a Parquet file of signals, one row group at a time (Parquet.Net), with
/// <see cref="ChurnBatch"/>: each row group's signal columns are read, the customers' signals built and assessed, and
/// the risk score, level and priority written back as Parquet, in row groups of at most 128 Ki rows; memory stays bounded by one row
/// group whatever the file's size.
/// </summary>
/// <remarks>
/// <para>
/// The signals are the columns <see cref="ColumnarChurnOptions"/> names: numbers of any type (a null or NaN unknown),
/// whole numbers for the counts and the NPS response, dates (<c>DATE</c>, or a timestamp's date) and a boolean for the
/// champion; a signal whose column the file lacks is unknown for every customer. Every score, level and priority equals
/// the one <see cref="ChurnBatch.Assess"/> (and so the assessor) gives. Each customer's signals are one object while its
/// row group is assessed.
/// </para>
/// <para>
/// The input stream must be readable and seekable; the output stream writable and seekable. Neither is closed. The
/// methods are thread-safe when the assessor is.
/// </para>
/// </remarks>
public static class ParquetChurn
{
    private const string Unit = "row group";

    /// <summary>
    /// Assesses every customer of a Parquet file and writes a Parquet file of the kept columns, the risk score, the
    /// level's name, its rank (0 Low to 3 Critical) and the priority, each input row group as one or more of at most 128 Ki rows.
    /// </summary>
    /// <param name="assessor">The assessor.</param>
    /// <param name="asOf">The date the customers are assessed as of.</param>
    /// <param name="input">The Parquet file of signals: readable and seekable.</param>
    /// <param name="output">Receives the assessed file: writable and seekable.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarChurnOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the work between columns.</param>
    /// <returns>The number of customers at each level.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessor"/>, <paramref name="input"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentException">The options map a column to a signal that does not exist, or keep a column named like an output column.</exception>
    /// <exception cref="ColumnarDataException">
    /// A mapped or kept column is missing; a signal's column is of another type; a count is not a whole number; a
    /// signal is out of its range (a date after <paramref name="asOf"/>, a negative count, ...). The message names the
    /// input, the column, the row group and, where one row is at fault, the row.
    /// </exception>
    /// <exception cref="IOException">The input is not a Parquet file.</exception>
    public static async Task<IReadOnlyDictionary<ChurnRiskLevel, long>> AssessAsync(
        IChurnRiskAssessor assessor,
        LocalDate asOf,
        Stream input,
        Stream output,
        ColumnarChurnOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        options ??= ColumnarChurnOptions.Default;
        var reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var disposeReader = reader.ConfigureAwait(false);
        var top = reader.Schema.Fields;
        var columns = new SignalColumns(assessor, asOf, options, top.Select(f => f.Name).ToList(), Unit);
        var fields = new DataField?[SignalColumns.Signals.Length];
        for (var s = 0; s < fields.Length; s++)
        {
            if (columns.ColumnIndexes[s] < 0)
            {
                continue;
            }

            var field = top[columns.ColumnIndexes[s]];
            var ok = field is DataField { IsArray: false } data && SignalColumns.Signals[s].Kind switch
            {
                SignalColumns.Kind.Date => data.ClrType == typeof(DateTime) || data.ClrType == typeof(DateOnly),
                SignalColumns.Kind.Flag => data.ClrType == typeof(bool),
                _ => ParquetHealth.IsNumber(data.ClrType),
            };
            fields[s] = ok ? (DataField)field : throw columns.WrongType(0, s, ParquetHealth.Describe(field));
        }

        var kept = columns.KeepIndexes.Select(k => ParquetCopy.Keepable(top[k], columns.CannotKeep)).ToArray();
        var scoreField = new DataField<double>(columns.ScoreName);
        var levelField = new DataField<string>(columns.LevelName);
        var rankField = new DataField<int>(columns.LevelRankName);
        var priorityField = new DataField<double>(columns.PriorityName);
        var schema = new ParquetSchema(kept.Select(k => (Field)k.Output).Append(scoreField).Append(levelField).Append(rankField).Append(priorityField));
        var counts = new long[4];
        var names = Enum.GetNames<ChurnRiskLevel>();
        var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            long firstRow = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                for (var s = 0; s < fields.Length; s++)
                {
                    if (fields[s] is { } field)
                    {
                        await ReadAsync(columns, s, field, group, count, cancellationToken).ConfigureAwait(false);
                    }
                }

                var scores = new double[count];
                var levels = new ChurnRiskLevel[count];
                var priorities = new double[count];
                columns.Assess(g, firstRow, count, scores, levels, priorities);
                var levelNames = new string[count];
                var ranks = new int[count];
                for (var i = 0; i < count; i++)
                {
                    ranks[i] = (int)levels[i];
                    levelNames[i] = names[ranks[i]];
                    counts[ranks[i]]++;
                }

                await ParquetCopy.WriteAsync(
                    writer,
                    group,
                    kept,
                    count,
                    async (rows, start, length) =>
                    {
                        await rows.WriteAsync(scoreField, (ReadOnlyMemory<double>)scores.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        await rows.WriteAsync(levelField, new ArraySegment<string>(levelNames, start, length)).ConfigureAwait(false);
                        await rows.WriteAsync(rankField, (ReadOnlyMemory<int>)ranks.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        await rows.WriteAsync(priorityField, (ReadOnlyMemory<double>)priorities.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);

                firstRow += count;
            }
        }

        return Enum.GetValues<ChurnRiskLevel>().ToDictionary(l => l, l => counts[(int)l]);
    }

    private static async ValueTask ReadAsync(SignalColumns columns, int signal, DataField field, ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
    {
        switch (SignalColumns.Signals[signal].Kind)
        {
            case SignalColumns.Kind.Date when field.ClrType == typeof(DateOnly):
                {
                    var values = ArrayPool<DateOnly?>.Shared.Rent(count);
                    try
                    {
                        await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                        var into = columns.Dates(signal, count);
                        for (var i = 0; i < count; i++)
                        {
                            into[i] = values[i] is { } d ? SignalColumns.DayOf(d) : SignalColumns.NoDate;
                        }
                    }
                    finally
                    {
                        ArrayPool<DateOnly?>.Shared.Return(values);
                    }

                    break;
                }

            case SignalColumns.Kind.Date:
                {
                    var values = ArrayPool<DateTime?>.Shared.Rent(count);
                    try
                    {
                        await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                        var into = columns.Dates(signal, count);
                        for (var i = 0; i < count; i++)
                        {
                            into[i] = values[i] is { } d ? SignalColumns.DayOf(DateOnly.FromDateTime(d)) : SignalColumns.NoDate;
                        }
                    }
                    finally
                    {
                        ArrayPool<DateTime?>.Shared.Return(values);
                    }

                    break;
                }

            case SignalColumns.Kind.Flag:
                {
                    var values = ArrayPool<bool?>.Shared.Rent(count);
                    try
                    {
                        await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                        var into = columns.Flags(signal, count);
                        for (var i = 0; i < count; i++)
                        {
                            into[i] = values[i] switch { true => 1, false => 0, null => -1 };
                        }
                    }
                    finally
                    {
                        ArrayPool<bool?>.Shared.Return(values);
                    }

                    break;
                }

            default:
                await ParquetHealth.ReadNumbersAsync(group, field, columns.Numbers(signal, count), count, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
