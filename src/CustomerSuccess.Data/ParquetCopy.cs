using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace CustomerSuccess.Data;

/// <summary>Copies a Parquet column from a row group of the input to one of the output, for the columns a writer keeps.</summary>
internal static class ParquetCopy
{
    public static KeptColumn Keepable(Field field, Func<string, string, Exception> cannotKeep)
    {
        if (field is not DataField { IsArray: false } data)
        {
            throw cannotKeep(field.Name, ParquetHealth.Describe(field));
        }

        var type = data.ClrType;
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? new KeptColumn(data, new DataField<string>(data.Name, data.IsNullable), CopyStrings)
            : type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) ? new KeptColumn(data, new DataField<byte[]>(data.Name, data.IsNullable), CopyBytes)
            : type == typeof(int) ? new KeptColumn(data, data, CopyValues<int>)
            : type == typeof(long) ? new KeptColumn(data, data, CopyValues<long>)
            : type == typeof(double) ? new KeptColumn(data, data, CopyValues<double>)
            : type == typeof(float) ? new KeptColumn(data, data, CopyValues<float>)
            : type == typeof(decimal) ? new KeptColumn(data, data, CopyValues<decimal>)
            : type == typeof(bool) ? new KeptColumn(data, data, CopyValues<bool>)
            : type == typeof(short) ? new KeptColumn(data, data, CopyValues<short>)
            : type == typeof(sbyte) ? new KeptColumn(data, data, CopyValues<sbyte>)
            : type == typeof(byte) ? new KeptColumn(data, data, CopyValues<byte>)
            : type == typeof(ushort) ? new KeptColumn(data, data, CopyValues<ushort>)
            : type == typeof(uint) ? new KeptColumn(data, data, CopyValues<uint>)
            : type == typeof(ulong) ? new KeptColumn(data, data, CopyValues<ulong>)
            : type == typeof(DateTime) ? new KeptColumn(data, data, CopyValues<DateTime>)
            : type == typeof(DateOnly) ? new KeptColumn(data, data, CopyValues<DateOnly>)
            : type == typeof(TimeOnly) ? new KeptColumn(data, data, CopyValues<TimeOnly>)
            : type == typeof(TimeSpan) ? new KeptColumn(data, data, CopyValues<TimeSpan>)
            : type == typeof(Guid) ? new KeptColumn(data, data, CopyValues<Guid>)
            : throw cannotKeep(field.Name, ParquetHealth.Describe(field));
    }

    private static async ValueTask CopyStrings(DataField field, DataField output, ParquetRowGroupReader group, ParquetRowGroupWriter rows, int count, CancellationToken cancellationToken)
    {
        var values = ArrayPool<string?>.Shared.Rent(count);
        try
        {
            await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            await rows.WriteAsync(output, new ArraySegment<string?>(values, 0, count)!).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<string?>.Shared.Return(values, clearArray: true);
        }
    }

    private static async ValueTask CopyBytes(DataField field, DataField output, ParquetRowGroupReader group, ParquetRowGroupWriter rows, int count, CancellationToken cancellationToken)
    {
        var values = ArrayPool<byte[]?>.Shared.Rent(count);
        try
        {
            await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            await rows.WriteAsync(output, new ArraySegment<byte[]?>(values, 0, count)!).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte[]?>.Shared.Return(values, clearArray: true);
        }
    }

    private static async ValueTask CopyValues<T>(DataField field, DataField output, ParquetRowGroupReader group, ParquetRowGroupWriter rows, int count, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = ArrayPool<T?>.Shared.Rent(count);
            try
            {
                await group.ReadAsync(field, values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(output, (ReadOnlyMemory<T?>)values.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<T?>.Shared.Return(values);
            }

            return;
        }

        var required = ArrayPool<T>.Shared.Rent(count);
        try
        {
            await group.ReadAsync(field, required.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            await rows.WriteAsync(output, (ReadOnlyMemory<T>)required.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(required);
        }
    }

    public delegate ValueTask CopyColumn(DataField field, DataField output, ParquetRowGroupReader group, ParquetRowGroupWriter rows, int count, CancellationToken cancellationToken);

    /// <summary>A kept column: the input's field, the output's (the input's, or text and bytes as the writer takes them), and how its values are copied.</summary>
    public sealed class KeptColumn(DataField input, DataField output, CopyColumn copy)
    {
        public DataField Output => output;

        public ValueTask Copy(ParquetRowGroupReader group, ParquetRowGroupWriter rows, int count, CancellationToken cancellationToken) =>
            copy(input, output, group, rows, count, cancellationToken);
    }
}
