using System;

namespace CustomerSuccess.Data;

/// <summary>
/// One row group of a Parquet file or one record batch of an Arrow file, as the component columns a model reads:
/// one column of doubles per component, in the model's order, <see cref="double.NaN"/> where a value is missing
/// (null or NaN in the file). Ready for <see cref="CustomerSuccess.Portfolio.HealthBatch"/>'s columnar paths.
/// </summary>
/// <remarks>
/// The columns are the reader's buffers: they hold this batch's values until the enumeration moves on, and are then
/// reused for the next batch. Copy what must outlive it. Not thread-safe to read while the enumeration moves.
/// </remarks>
public sealed class ComponentBatch
{
    private readonly ReadOnlyMemory<double>[] _columns;

    internal ComponentBatch(ComponentColumns owner, int index, long firstRow, int count, ReadOnlyMemory<double>[] columns)
    {
        Owner = owner;
        Index = index;
        FirstRow = firstRow;
        Count = count;
        _columns = columns;
    }

    /// <summary>The reader's mapping and checks, which scored this batch's errors name.</summary>
    internal ComponentColumns Owner { get; }

    /// <summary>The row group or record batch, from 0.</summary>
    public int Index { get; }

    /// <summary>The row of the file this batch starts at, from 0.</summary>
    public long FirstRow { get; }

    /// <summary>The number of rows in the batch.</summary>
    public int Count { get; }

    /// <summary>One column per component of the model, in the model's order, each <see cref="Count"/> long.</summary>
    public ReadOnlySpan<ReadOnlyMemory<double>> Columns => _columns;
}
