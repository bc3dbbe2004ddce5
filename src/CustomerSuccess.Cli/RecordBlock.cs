using System;

namespace CustomerSuccess.Cli;

/// <summary>
/// Up to <see cref="Capacity"/> whole input records, copied out of the reader so that they can be parsed and scored
/// on several threads while the reader moves on: each record's text as read, the line it starts on, what is wrong
/// with it as a whole (if anything), and, for CSV, where each of the tool's fields sits in its text. Reused from block
/// to block: its buffers grow, then stay.
/// </summary>
internal sealed class RecordBlock
{
    public const int Capacity = 4096;

    /// <summary>The most characters a block takes before it stops (one more record may pass it): memory stays bounded whatever the records.</summary>
    public const int MaxChars = 16 << 20;

    private readonly int[] _start = new int[Capacity];
    private readonly int[] _length = new int[Capacity];
    private readonly long[] _line = new long[Capacity];
    private readonly string?[] _problem = new string?[Capacity];
    private readonly bool[] _quoted = new bool[Capacity];
    private readonly int _fieldCount;
    private readonly int[] _fieldStart;
    private readonly int[] _fieldLength;
    private char[] _data = new char[1 << 19];
    private int _used;

    /// <param name="fieldCount">How many fields a CSV record's columns are mapped to (0 for JSON Lines, whose fields are found when parsed).</param>
    public RecordBlock(int fieldCount)
    {
        _fieldCount = fieldCount;
        _fieldStart = new int[Capacity * fieldCount];
        _fieldLength = new int[Capacity * fieldCount];
    }

    public int Count { get; private set; }

    /// <summary>Whether the block takes another record.</summary>
    public bool HasRoom => Count < Capacity && _used < MaxChars;

    /// <summary>A record's text as read, unchanged until the block is refilled.</summary>
    public ReadOnlyMemory<char> Record(int index) => _data.AsMemory(_start[index], _length[index]);

    public long Line(int index) => _line[index];

    /// <summary>What is wrong with the record as a whole (its quotes, its column count, its length), or null.</summary>
    public string? Problem(int index) => _problem[index];

    /// <summary>Whether a CSV record holds a quote: only then may a field need unquoting.</summary>
    public bool Quoted(int index) => _quoted[index];

    /// <summary>Where a field sits in its record's text, and its length (0 when the record does not have it).</summary>
    public (int Start, int Length) Field(int index, int field)
    {
        var at = (index * _fieldCount) + field;
        return (_fieldStart[at], _fieldLength[at]);
    }

    /// <summary>
    /// Every record's field positions, <see cref="FieldCount"/> a record (a record's fields start at its index times
    /// that), for a reader that looks them up without copying.
    /// </summary>
    public (int[] Starts, int[] Lengths) FieldPositions => (_fieldStart, _fieldLength);

    /// <summary>How many fields each record's positions hold.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Empties the block and fills it with the reader's next records; false when the input had none left.</summary>
    public bool Fill(RecordReader reader)
    {
        Count = 0;
        _used = 0;
        while (HasRoom && reader.Next(this))
        {
        }

        return Count > 0;
    }

    /// <summary>Adds a record (called by a reader); its fields start absent. Returns its index.</summary>
    public int Add(ReadOnlySpan<char> text, long line, string? problem, bool quoted = false)
    {
        if (_used + text.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + text.Length));
        }

        text.CopyTo(_data.AsSpan(_used));
        var index = Count++;
        _start[index] = _used;
        _length[index] = text.Length;
        _line[index] = line;
        _problem[index] = problem;
        _quoted[index] = quoted;
        _used += text.Length;
        _fieldLength.AsSpan(index * _fieldCount, _fieldCount).Clear();
        return index;
    }

    /// <summary>Says where a field of a record added with <see cref="Add"/> sits in its text.</summary>
    public void SetField(int index, int field, int start, int length)
    {
        var at = (index * _fieldCount) + field;
        _fieldStart[at] = start;
        _fieldLength[at] = length;
    }
}
