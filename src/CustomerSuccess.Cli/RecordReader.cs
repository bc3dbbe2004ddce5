using System;
using System.Globalization;
using System.IO;

namespace CustomerSuccess.Cli;

/// <summary>
/// Cuts an input into records, each added to a <see cref="RecordBlock"/> with the line it starts on. A record is at
/// most <see cref="MaxRecordChars"/> characters: a longer one is added as its start, marked bad, and the reader goes on
/// after it. Blank lines are skipped.
/// </summary>
internal abstract class RecordReader : IDisposable
{
    /// <summary>The longest record, in characters: 1 Mi.</summary>
    public const int MaxRecordChars = 1 << 20;

    /// <summary>How much of a too-long record is kept, for its report.</summary>
    protected const int TooLongPrefix = 200;

    /// <summary>
    /// What the input's decoder puts for bytes that are not UTF-8: U+FDD0, a noncharacter, which text never holds, so
    /// that a record holding it is known to have held such bytes.
    /// </summary>
    public const char NotUtf8 = '\uFDD0';

    /// <summary>The problem of a record holding bytes that are not UTF-8.</summary>
    protected const string NotUtf8Problem = "the row holds bytes that are not valid UTF-8";

    /// <summary>The problem of a record longer than <see cref="MaxRecordChars"/>.</summary>
    protected static string TooLong { get; } = string.Create(CultureInfo.InvariantCulture,
        $"the record is longer than {MaxRecordChars / 1024} Ki characters, the longest the reader takes; the rest of its line was skipped");

    /// <summary>Adds the next record to <paramref name="block"/>; false at the end of the input.</summary>
    public abstract bool Next(RecordBlock block);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Whether a line holds nothing but white space.</summary>
    protected static bool IsBlank(ReadOnlySpan<char> line) => line.IsEmpty || (line[0] <= ' ' && line.Trim().IsEmpty);
}

/// <summary>
/// Reads JSON Lines: one record per line (JSON escapes line breaks inside strings, so a line is always a whole record).
/// </summary>
internal sealed class JsonLinesReader(TextReader text) : RecordReader
{
    private char[] _buffer = new char[1 << 16];
    private int _position;
    private int _end;
    private bool _endOfInput;
    private long _line = 1;

    public override bool Next(RecordBlock block)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_position, _end - _position);
            var lineBreak = pending.IndexOf('\n');
            if (lineBreak < 0 && !_endOfInput && pending.Length < MaxRecordChars)
            {
                Fill();
                continue;
            }

            if (lineBreak < 0 && pending.IsEmpty)
            {
                return false;
            }

            var line = _line++;
            if (lineBreak < 0 && !_endOfInput)
            {
                block.Add(pending[..TooLongPrefix], line, TooLong);
                SkipLine();
                return true;
            }

            var record = lineBreak < 0 ? pending : pending[..lineBreak];
            _position += lineBreak < 0 ? pending.Length : lineBreak + 1;
            if (!record.IsEmpty && record[^1] == '\r')
            {
                record = record[..^1];
            }

            if (IsBlank(record))
            {
                continue;
            }

            block.Add(record, line, record.Contains(NotUtf8) ? NotUtf8Problem : null);
            return true;
        }
    }

    protected override void Dispose(bool disposing) => text.Dispose();

    /// <summary>Skips to the end of the current line (the rest of a record that was too long).</summary>
    private void SkipLine()
    {
        while (true)
        {
            var lineBreak = _buffer.AsSpan(_position, _end - _position).IndexOf('\n');
            if (lineBreak >= 0)
            {
                _position += lineBreak + 1;
                return;
            }

            _position = _end;
            if (_endOfInput)
            {
                return;
            }

            Fill();
        }
    }

    /// <summary>Keeps the unread characters, grows the buffer when one line fills it, and reads more input.</summary>
    private void Fill()
    {
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _end - _position).CopyTo(_buffer);
            _end -= _position;
            _position = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = text.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfInput = true;
        }

        _end += read;
    }
}
