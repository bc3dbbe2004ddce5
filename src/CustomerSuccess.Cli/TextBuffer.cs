using System;
using System.IO;
using System.Text;

namespace CustomerSuccess.Cli;

/// <summary>A <see cref="TextWriter"/> into a reusable character buffer: one thread's formatted rows between two writes.</summary>
internal sealed class TextBuffer : TextWriter
{
    private char[] _chars = new char[1 << 16];

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The number of characters written since <see cref="Clear"/>.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<char> Slice(int start, int length) => _chars.AsSpan(start, length);

    public void Clear() => Length = 0;

    /// <summary>Room for at least <paramref name="size"/> characters at the end; <see cref="Advance"/> says how many were written.</summary>
    public Span<char> GetSpan(int size)
    {
        Reserve(size);
        return _chars.AsSpan(Length);
    }

    /// <summary>Counts characters written into the span <see cref="GetSpan"/> gave.</summary>
    public void Advance(int count) => Length += count;

    public override void Write(char value)
    {
        Reserve(1);
        _chars[Length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        buffer.CopyTo(_chars.AsSpan(Length));
        Length += buffer.Length;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    private void Reserve(int count)
    {
        if (Length + count > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + count));
        }
    }
}
