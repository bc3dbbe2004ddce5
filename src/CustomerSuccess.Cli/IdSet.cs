using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace CustomerSuccess.Cli;

/// <summary>
/// The ids a run has seen, each with the line it was first on, to report a duplicate. An open-addressing table of
/// 8-byte slots (an id's hash and where its entry is), the entries appended in order, and the ids' characters in
/// large chunks: no string object per id, so a million ids cost the garbage collector nothing to scan (about 2 bytes
/// a character plus 36 bytes an id). An insert costs one memory access a cache cannot hold; a caller that knows the
/// next ids asks for their slots early with <see cref="Prefetch"/>, so that access overlaps other work.
/// </summary>
internal sealed class IdSet
{
    private const int ChunkSize = 1 << 20;

    private readonly List<char[]> _chunks = [new char[ChunkSize]];
    private long[] _slots = new long[1 << 17];
    private Entry[] _entries = new Entry[1 << 16];
    private int _used;
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
                if (_count == _entries.Length)
                {
                    Array.Resize(ref _entries, _entries.Length * 2);
                }

                _entries[_count] = Store(id, line);
                _slots[at] = ((long)hash << 32) | (uint)++_count;
                if (_count * 2 > _slots.Length)
                {
                    Grow();
                }

                firstLine = line;
                return true;
            }

            if ((int)(slot >> 32) == hash)
            {
                ref var entry = ref _entries[(int)(uint)slot - 1];
                if (entry.Length == id.Length && Text(entry).SequenceEqual(id))
                {
                    firstLine = LineOf(entry);
                    return false;
                }
            }
        }
    }

    /// <summary>An id's characters: after its first line, which takes the first four characters of its place.</summary>
    private ReadOnlySpan<char> Text(in Entry entry) => _chunks[entry.Chunk].AsSpan(entry.Offset + 4, entry.Length);

    private long LineOf(in Entry entry) =>
        MemoryMarshal.Read<long>(MemoryMarshal.AsBytes(_chunks[entry.Chunk].AsSpan(entry.Offset, 4)));

    private Entry Store(string id, long line)
    {
        var chunk = _chunks[^1];
        var size = id.Length + 4;
        if (_used + size > chunk.Length)
        {
            chunk = new char[Math.Max(ChunkSize, size)];
            _chunks.Add(chunk);
            _used = 0;
        }

        MemoryMarshal.Write(MemoryMarshal.AsBytes(chunk.AsSpan(_used, 4)), in line);
        id.CopyTo(chunk.AsSpan(_used + 4));
        var entry = new Entry(_chunks.Count - 1, _used, id.Length);
        _used += size;
        return entry;
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

    /// <summary>Where an id's line and characters are.</summary>
    private readonly record struct Entry(int Chunk, int Offset, int Length);
}
