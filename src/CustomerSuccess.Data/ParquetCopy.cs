using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace CustomerSuccess.Data;

/// <summary>
/// Copies the columns a Parquet writer keeps: each is read whole from a row group of the input, then written in slices,
/// one for each of the output's smaller row groups.
/// </summary>
internal static class ParquetCopy
{
    /// <summary>
    /// The most rows of an output row group: 128 Ki. Writing a million-row group at once holds every column's encoded
    /// pages as large arrays until the collector's next full collection; an eighth of that keeps the working set flat.
    /// </summary>
    public const int OutputRowGroupRows = 1 << 17;

    /// <summary>
    /// Writes one input row group's output as row groups of at most <see cref="OutputRowGroupRows"/> rows (one, empty,
    /// for an empty input group): the kept columns read whole from <paramref name="group"/>, then
    /// <paramref name="writeOutputs"/> for each slice (its start and length).
    /// </summary>
    public static async ValueTask WriteAsync(
        ParquetWriter writer,
        ParquetRowGroupReader group,
        KeptColumn[] kept,
        int count,
        Func<ParquetRowGroupWriter, int, int, ValueTask> writeOutputs,
        CancellationToken cancellationToken)
    {
        var values = new KeptValues[kept.Length];
        try
        {
            for (var k = 0; k < kept.Length; k++)
            {
                values[k] = await kept[k].ReadAsync(group, count, cancellationToken).ConfigureAwait(false);
            }

            var slices = Math.Max(1, (count + OutputRowGroupRows - 1) / OutputRowGroupRows);
            for (var slice = 0; slice < slices; slice++)
            {
                var start = slice * OutputRowGroupRows;
                var length = Math.Min(OutputRowGroupRows, count - start);
                using var rows = writer.CreateRowGroup();
                for (var k = 0; k < kept.Length; k++)
                {
                    await values[k].WriteAsync(rows, kept[k].Output, start, length, cancellationToken).ConfigureAwait(false);
                }

                await writeOutputs(rows, start, length).ConfigureAwait(false);
                rows.CompleteValidate();
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    public static KeptColumn Keepable(Field field, Func<string, string, Exception> cannotKeep)
    {
        if (field is not DataField { IsArray: false } data)
        {
            throw cannotKeep(field.Name, ParquetHealth.Describe(field));
        }

        var type = data.ClrType;
        return type == typeof(ReadOnlyMemory<char>) ? new KeptColumn(new DataField<string>(data.Name, data.IsNullable), (g, n, c) => NullableValues<ReadOnlyMemory<char>>.ReadAsync(data, g, n, c))
            : type == typeof(string) ? new KeptColumn(new DataField<string>(data.Name, data.IsNullable), (g, n, c) => Strings.ReadAsync(data, g, n, c))
            : type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) ? new KeptColumn(new DataField<byte[]>(data.Name, data.IsNullable), (g, n, c) => Bytes.ReadAsync(data, g, n, c))
            : type == typeof(int) ? Values<int>(data)
            : type == typeof(long) ? Values<long>(data)
            : type == typeof(double) ? Values<double>(data)
            : type == typeof(float) ? Values<float>(data)
            : type == typeof(decimal) ? Values<decimal>(data)
            : type == typeof(bool) ? Values<bool>(data)
            : type == typeof(short) ? Values<short>(data)
            : type == typeof(sbyte) ? Values<sbyte>(data)
            : type == typeof(byte) ? Values<byte>(data)
            : type == typeof(ushort) ? Values<ushort>(data)
            : type == typeof(uint) ? Values<uint>(data)
            : type == typeof(ulong) ? Values<ulong>(data)
            : type == typeof(DateTime) ? Values<DateTime>(data)
            : type == typeof(DateOnly) ? Values<DateOnly>(data)
            : type == typeof(TimeOnly) ? Values<TimeOnly>(data)
            : type == typeof(TimeSpan) ? Values<TimeSpan>(data)
            : type == typeof(Guid) ? Values<Guid>(data)
            : throw cannotKeep(field.Name, ParquetHealth.Describe(field));
    }

    private static KeptColumn Values<T>(DataField data)
        where T : struct =>
        data.IsNullable
            ? new KeptColumn(data, (g, n, c) => NullableValues<T>.ReadAsync(data, g, n, c))
            : new KeptColumn(data, (g, n, c) => RequiredValues<T>.ReadAsync(data, g, n, c));

    /// <summary>A kept column: the output's field (the input's, or text and bytes as the writer takes them), and how a row group's values are read.</summary>
    public sealed class KeptColumn(DataField output, Func<ParquetRowGroupReader, int, CancellationToken, ValueTask<KeptValues>> read)
    {
        public DataField Output => output;

        public ValueTask<KeptValues> ReadAsync(ParquetRowGroupReader group, int count, CancellationToken cancellationToken) => read(group, count, cancellationToken);
    }

    /// <summary>A row group's values of a kept column, in a rented array: written in slices, then returned.</summary>
    public abstract class KeptValues : IDisposable
    {
        public abstract ValueTask WriteAsync(ParquetRowGroupWriter rows, DataField output, int start, int count, CancellationToken cancellationToken);

        public abstract void Dispose();
    }

    private sealed class Strings(string?[] values) : KeptValues
    {
        public static async ValueTask<KeptValues> ReadAsync(DataField field, ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
        {
            var values = ArrayPool<string?>.Shared.Rent(count);
            await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new Strings(values);
        }

        public override async ValueTask WriteAsync(ParquetRowGroupWriter rows, DataField output, int start, int count, CancellationToken cancellationToken) =>
            await rows.WriteAsync(output, new ArraySegment<string?>(values, start, count)!).ConfigureAwait(false);

        public override void Dispose() => ArrayPool<string?>.Shared.Return(values, clearArray: true);
    }

    private sealed class Bytes(byte[]?[] values) : KeptValues
    {
        public static async ValueTask<KeptValues> ReadAsync(DataField field, ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
        {
            var values = ArrayPool<byte[]?>.Shared.Rent(count);
            await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new Bytes(values);
        }

        public override async ValueTask WriteAsync(ParquetRowGroupWriter rows, DataField output, int start, int count, CancellationToken cancellationToken) =>
            await rows.WriteAsync(output, new ArraySegment<byte[]?>(values, start, count)!).ConfigureAwait(false);

        public override void Dispose() => ArrayPool<byte[]?>.Shared.Return(values, clearArray: true);
    }

    private sealed class NullableValues<T>(T?[] values) : KeptValues
        where T : struct
    {
        public static async ValueTask<KeptValues> ReadAsync(DataField field, ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
        {
            var values = ArrayPool<T?>.Shared.Rent(count);
            await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new NullableValues<T>(values);
        }

        public override async ValueTask WriteAsync(ParquetRowGroupWriter rows, DataField output, int start, int count, CancellationToken cancellationToken) =>
            await rows.WriteAsync(output, (ReadOnlyMemory<T?>)values.AsMemory(start, count), cancellationToken: cancellationToken).ConfigureAwait(false);

        public override void Dispose() => ArrayPool<T?>.Shared.Return(values);
    }

    private sealed class RequiredValues<T>(T[] values) : KeptValues
        where T : struct
    {
        public static async ValueTask<KeptValues> ReadAsync(DataField field, ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
        {
            var values = ArrayPool<T>.Shared.Rent(count);
            await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new RequiredValues<T>(values);
        }

        public override async ValueTask WriteAsync(ParquetRowGroupWriter rows, DataField output, int start, int count, CancellationToken cancellationToken) =>
            await rows.WriteAsync(output, (ReadOnlyMemory<T>)values.AsMemory(start, count), cancellationToken: cancellationToken).ConfigureAwait(false);

        public override void Dispose() => ArrayPool<T>.Shared.Return(values);
    }
}
