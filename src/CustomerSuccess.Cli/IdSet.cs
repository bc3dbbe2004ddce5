using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace CustomerSuccess.Cli;

/// <summary>
/// The ids a run has seen, each with the line it was first on, to report a duplicate. Kept as characters in large
/// chunks and an open-addressing table of plain structs, not as a string object per id: a million ids cost the
/// garbage collector nothing to scan, and about 2 bytes a character plus 30 to 40 bytes an id.
/// </summary>
internal sealed class IdSet
{
    private const int ChunkSize = 1 << 20;

    private readonly List<char[]> _chunks = [new char[ChunkSize]];
    private Entry[] _entries = new Entry[1 << 16];
    private int _used;
    private int _count;

    /// <summary>Adds an id first seen on <paramref name="line"/>; false, with the earlier line, when it was there already.</summary>
    public bool TryAdd(string id, int hash, long line, out long firstLine)
    {
        if (_count * 4 >= _entries.Length * 3)
        {
            Grow();
        }

        var mask = _entries.Length - 1;
        for (var at = hash & mask; ; at = (at + 1) & mask)
        {
            ref var entry = ref _entries[at];
            if (entry.Length == 0)
            {
                entry = Store(id, hash, line);
                _count++;
                firstLine = line;
                return true;
            }

            if (entry.Hash == hash && entry.Length == id.Length + 1 && Text(entry).SequenceEqual(id))
            {
                firstLine = LineOf(entry);
                return false;
            }
        }
    }

    /// <summary>An id's characters: after its first line, which takes the first four characters of its place.</summary>
    private ReadOnlySpan<char> Text(in Entry entry) => _chunks[(int)(entry.Position >> 32)].AsSpan((int)entry.Position + 4, entry.Length - 1);

    private long LineOf(in Entry entry) =>
        MemoryMarshal.Read<long>(MemoryMarshal.AsBytes(_chunks[(int)(entry.Position >> 32)].AsSpan((int)entry.Position, 4)));

    private Entry Store(string id, int hash, long line)
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
        var entry = new Entry(hash, id.Length + 1, ((long)(_chunks.Count - 1) << 32) | (uint)_used);
        _used += size;
        return entry;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Length == 0)
            {
                continue;
            }

            var at = entry.Hash & mask;
            while (_entries[at].Length != 0)
            {
                at = (at + 1) & mask;
            }

            _entries[at] = entry;
        }
    }

    /// <summary>An id's place: its hash, its length plus one (0 marks an empty slot), and where its line and characters are (chunk, offset).</summary>
    private readonly record struct Entry(int Hash, int Length, long Position);
}
