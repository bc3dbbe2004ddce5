using System;

namespace CustomerSuccess.Cli;

/// <summary>
/// Up to <see cref="Capacity"/> whole input records, copied out of the reader so that they can be parsed and scored
/// on several threads while the reader moves on. Reused from block to block: its buffers grow, then stay.
/// </summary>
internal sealed class RecordBlock
{
    public const int Capacity = 4096;

    private readonly int[] _start = new int[Capacity];
    private readonly int[] _length = new int[Capacity];
    private readonly long[] _line = new long[Capacity];
    private readonly bool[] _tooLong = new bool[Capacity];
    private byte[] _data = new byte[1 << 20];
    private int _used;

    public int Count { get; private set; }

    /// <summary>A record's bytes, unchanged until the next <see cref="Fill"/>.</summary>
    public ReadOnlyMemory<byte> Record(int index) => _data.AsMemory(_start[index], _length[index]);

    public long Line(int index) => _line[index];

    /// <summary>Whether the record was longer than <see cref="RecordReader.MaxRecordBytes"/>: only its start is kept.</summary>
    public bool TooLong(int index) => _tooLong[index];

    /// <summary>The most bytes a block takes before it stops (one more record may pass it): memory stays bounded whatever the records.</summary>
    public const int MaxBytes = 32 << 20;

    /// <summary>Empties the block and fills it with the reader's next records; false when the input had none left.</summary>
    public bool Fill(RecordReader reader)
    {
        Count = 0;
        _used = 0;
        while (Count < Capacity && _used < MaxBytes && reader.Next(out var record, out var line))
        {
            if (_used + record.Length > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + record.Length));
            }

            record.CopyTo(_data.AsSpan(_used));
            _start[Count] = _used;
            _length[Count] = record.Length;
            _line[Count] = line;
            _tooLong[Count] = reader.TooLong;
            _used += record.Length;
            Count++;
        }

        return Count > 0;
    }
}
