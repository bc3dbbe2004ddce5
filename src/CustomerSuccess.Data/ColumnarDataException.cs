using System;

namespace CustomerSuccess.Data;

/// <summary>
/// A Parquet or Arrow input that cannot be scored as asked: a mapped column missing, a column of a type that is not a
/// number, a value outside [0, 100], or a missing value the model rejects. It names the input, the column and the row
/// group (or record batch), and the row when one row is at fault.
/// </summary>
public sealed class ColumnarDataException : Exception
{
    /// <summary>Creates an exception with no details (for serializers and tests).</summary>
    public ColumnarDataException()
        : this("the columnar input cannot be scored.")
    {
    }

    /// <summary>Creates an exception with a message and no details.</summary>
    /// <param name="message">The message.</param>
    public ColumnarDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message, the exception that caused it, and no details.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ColumnarDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming where in the input it arose.</summary>
    /// <param name="message">The whole message (it already names the place).</param>
    /// <param name="source">What the input is called (<see cref="ColumnarHealthOptions.SourceName"/>).</param>
    /// <param name="column">The column at fault, or null.</param>
    /// <param name="batch">The row group or record batch (from 0), or null when the fault is in the file's schema.</param>
    /// <param name="row">The row of the file (from 0), or null when no one row is at fault.</param>
    /// <param name="innerException">The cause, or null.</param>
    public ColumnarDataException(string message, string? source, string? column, int? batch, long? row, Exception? innerException = null)
        : base(message, innerException)
    {
        InputName = source;
        Column = column;
        Batch = batch;
        Row = row;
    }

    /// <summary>What the input is called, or null.</summary>
    public string? InputName { get; }

    /// <summary>The column at fault, or null.</summary>
    public string? Column { get; }

    /// <summary>The row group (Parquet) or record batch (Arrow), from 0, or null when the fault is in the schema.</summary>
    public int? Batch { get; }

    /// <summary>The row of the file, from 0, or null when no one row is at fault.</summary>
    public long? Row { get; }
}
