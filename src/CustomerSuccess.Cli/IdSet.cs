using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace CustomerSuccess.Cli;

/// <summary>
/// The ids a run has seen, each with the line it was first on, to report a duplicate. An open-addressing table of
/// 8-byte slots (an id's hash and where it is kept), and each id kept in large chunks of characters after its line and
/// length: no object per id, so a million ids cost the garbage collector nothing to scan (2 bytes a character plus
/// about 30 bytes an id). An insert costs one memory access a cache cannot hold; a caller that knows the next ids asks
/// for their slots early with <see cref="Prefetch"/>, so that access overlaps other work.
/// </summary>
internal sealed class IdSet
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;

    /// <summary>What an id takes before its characters: its line (four characters) and its length (two).</summary>
    private const int HeadSize = 6;

    private readonly List<char[]> _chunks = [new char[ChunkSize]];
    private long[] _slots = new long[1 << 17];

    /// <summary>Where the next id goes in the last chunk: the first chunk starts at 1, so that no id's slot is 0, the empty slot.</summary>
    private int _used = 1;
    private int _count;

    /// <summary>Asks the processor to load the slot an id of this hash starts at, ahead of <see cref="TryAdd"/>.</summary>
    public unsafe void Prefetch(int hash)
    {
        if (Sse.IsSupported)
        {
            fixed (long* slot = &_slots[hash & (_slots.Length - 1)])
            {
                Sse.Prefetch0(slot);
            }
        }
    }

    /// <summary>Adds an id first seen on <paramref name="line"/>; false, with the earlier line, when it was there already.</summary>
    /// <param name="id">The id.</param>
    /// <param name="hash">The id's hash, the same for the same id (worked out where the id was read, off this thread).</param>
    /// <param name="line">The line the id is on.</param>
    /// <param name="firstLine">The line the id was first on.</param>
    public bool TryAdd(string id, int hash, long line, out long firstLine)
    {
        var mask = _slots.Length - 1;
        for (var at = hash & mask; ; at = (at + 1) & mask)
        {
            var slot = _slots[at];
            if (slot == 0)
            {
                _slots[at] = ((long)hash << 32) | Store(id, line);
                if (++_count * 2 > _slots.Length)
                {
                    Grow();
                }

                firstLine = line;
                return true;
            }

            if ((int)(slot >> 32) == hash)
            {
                var place = (uint)slot;
                var chunk = _chunks[(int)(place >> ChunkBits)];
                var offset = (int)(place & (ChunkSize - 1));
                var head = chunk.AsSpan(offset, HeadSize);
                var length = head[4] | (head[5] << 16);
                if (length == id.Length && chunk.AsSpan(offset + HeadSize, length).SequenceEqual(id))
                {
                    firstLine = MemoryMarshal.Read<long>(MemoryMarshal.AsBytes(head[..4]));
                    return false;
                }
            }
        }
    }

    /// <summary>Keeps an id after its line and length; gives where (its chunk in the high bits, its offset in the low).</summary>
    private uint Store(string id, long line)
    {
        var size = id.Length + HeadSize;
        if (_used + size > _chunks[^1].Length)
        {
            if (_chunks.Count == 1 << (32 - ChunkBits))
            {
                throw new InvalidOperationException("more than 4 Gi characters of ids: the input is beyond what the duplicate check holds.");
            }

            // An id longer than a chunk gets a chunk of its own, full at once; the next id starts a new one.
            _chunks.Add(new char[Math.Max(ChunkSize, size)]);
            _used = 0;
        }

        var chunk = _chunks[^1];
        var head = chunk.AsSpan(_used, HeadSize);
        MemoryMarshal.Write(MemoryMarshal.AsBytes(head[..4]), in line);
        head[4] = (char)(id.Length & 0xFFFF);
        head[5] = (char)(id.Length >> 16);
        id.CopyTo(chunk.AsSpan(_used + HeadSize));
        var place = ((uint)(_chunks.Count - 1) << ChunkBits) | (uint)_used;
        _used = size > ChunkSize ? chunk.Length : _used + size;
        return place;
    }

    /// <summary>Doubles the slots and places every id again.</summary>
    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot == 0)
            {
                continue;
            }

            var at = (int)(slot >> 32) & mask;
            while (_slots[at] != 0)
            {
                at = (at + 1) & mask;
            }

            _slots[at] = slot;
        }
    }
}
