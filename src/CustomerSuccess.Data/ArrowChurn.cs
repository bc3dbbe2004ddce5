using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using CustomerSuccess.Churn;
using CustomerSuccess.Portfolio;
using NodaTime;

namespace CustomerSuccess.Data;

/// <summary>
/// Assesses the churn risk of the customers of an Arrow IPC file or stream of signals, one record batch at a time
/// (Apache.Arrow), with <see cref="ChurnBatch"/>, and writes the risk score, level and priority back as an Arrow IPC
/// file, one record batch for each, the kept columns passed through without a copy.
/// </summary>
/// <remarks>
/// The signals are read as <see cref="ParquetChurn"/> reads them: numbers of any type, dates (<c>date32</c>,
/// <c>date64</c>, or a timestamp's date in UTC), a boolean for the champion; a signal whose column the input lacks is
/// unknown for every customer. Both IPC formats are read, as by <see cref="ArrowHealth"/>. Neither stream is closed.
/// The methods are thread-safe when the assessor is.
/// </remarks>
public static class ArrowChurn
{
    private const string Unit = "record batch";

    /// <summary>
    /// Assesses every customer of an Arrow IPC file or stream and writes an Arrow IPC file of the kept columns, the risk
    /// score, the level's name, its rank (0 Low to 3 Critical) and the priority, one record batch for each of the input's.
    /// </summary>
    /// <param name="assessor">The assessor.</param>
    /// <param name="asOf">The date the customers are assessed as of.</param>
    /// <param name="input">An Arrow IPC file (seekable) or stream of signals.</param>
    /// <param name="output">Receives the assessed Arrow IPC file.</param>
    /// <param name="options">The columns and names; <see cref="ColumnarChurnOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the work between batches.</param>
    /// <returns>The number of customers at each level.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessor"/>, <paramref name="input"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ParquetChurn.AssessAsync"/>.</exception>
    /// <exception cref="ColumnarDataException">As for <see cref="ParquetChurn.AssessAsync"/>, naming the record batch.</exception>
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
        using var reader = ArrowHealth.Open(input);
        var inputSchema = await reader.GetSchema(cancellationToken).ConfigureAwait(false);
        var fields = inputSchema.FieldsList;
        var columns = new SignalColumns(assessor, asOf, options, fields.Select(f => f.Name).ToList(), Unit);
        var schema = ArrowArrays.KeptThen(
            fields,
            columns.KeepIndexes,
            new Field(columns.ScoreName, DoubleType.Default, nullable: false),
            new Field(columns.LevelName, StringType.Default, nullable: false),
            new Field(columns.LevelRankName, Int32Type.Default, nullable: false),
            new Field(columns.PriorityName, DoubleType.Default, nullable: false));
        var counts = new long[4];
        var names = Enum.GetNames<ChurnRiskLevel>();
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

                var count = batch.Length;
                for (var s = 0; s < SignalColumns.Signals.Length; s++)
                {
                    if (columns.ColumnIndexes[s] >= 0)
                    {
                        Read(columns, s, batch.Column(columns.ColumnIndexes[s]), b, count);
                    }
                }

                var scores = new double[count];
                var levels = new ChurnRiskLevel[count];
                var priorities = new double[count];
                columns.Assess(b, firstRow, count, scores, levels, priorities);
                var ranks = new int[count];
                var levelNames = new StringArray.Builder();
                for (var i = 0; i < count; i++)
                {
                    ranks[i] = (int)levels[i];
                    counts[ranks[i]]++;
                    levelNames.Append(names[ranks[i]]);
                }

                var arrays = columns.KeepIndexes.Select(k => batch.Column(k)).ToList();
                arrays.Add(ArrowArrays.Doubles(scores, ArrowBuffer.Empty, 0));
                arrays.Add(levelNames.Build());
                arrays.Add(ArrowArrays.Ints(ranks, ArrowBuffer.Empty, 0));
                arrays.Add(ArrowArrays.Doubles(priorities, ArrowBuffer.Empty, 0));
                using var assessed = new RecordBatch(schema, arrays, count);
                await writer.WriteRecordBatchAsync(assessed, cancellationToken).ConfigureAwait(false);
                firstRow += count;
            }

            await writer.WriteEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return Enum.GetValues<ChurnRiskLevel>().ToDictionary(l => l, l => counts[(int)l]);
    }

    private static void Read(SignalColumns columns, int signal, IArrowArray array, int batch, int count)
    {
        switch (SignalColumns.Signals[signal].Kind)
        {
            case SignalColumns.Kind.Date:
                {
                    var into = columns.Dates(signal, count);
                    Func<int, DateOnly?> date = array switch
                    {
                        Date32Array d32 => d32.GetDateOnly,
                        Date64Array d64 => d64.GetDateOnly,
                        TimestampArray ts => i => ts.GetTimestamp(i) is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null,
                        _ => throw columns.WrongType(batch, signal, array.Data.DataType.Name + " values"),
                    };
                    for (var i = 0; i < count; i++)
                    {
                        into[i] = date(i) is { } d ? SignalColumns.DayOf(d) : SignalColumns.NoDate;
                    }

                    break;
                }

            case SignalColumns.Kind.Flag:
                {
                    var flags = array as BooleanArray ?? throw columns.WrongType(batch, signal, array.Data.DataType.Name + " values");
                    var into = columns.Flags(signal, count);
                    for (var i = 0; i < count; i++)
                    {
                        into[i] = flags.GetValue(i) switch { true => 1, false => 0, null => -1 };
                    }

                    break;
                }

            default:
                if (!ArrowHealth.ReadNumbers(array, columns.Numbers(signal, count), count))
                {
                    throw columns.WrongType(batch, signal, array.Data.DataType.Name + " values");
                }

                break;
        }
    }
}
