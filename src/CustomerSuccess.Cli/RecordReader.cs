using System;
using System.IO;

namespace CustomerSuccess.Cli;

/// <summary>
/// Cuts a UTF-8 input into records without decoding it: CSV records (RFC 4180: a quoted field may hold commas,
/// doubled quotes and line breaks) or JSON Lines. Blank lines are skipped, a byte order mark is ignored, and each
/// record knows the line it starts on. Holds one buffer of input, not the file: a record is at most
/// <see cref="MaxRecordBytes"/>. A quoted field still open after that many bytes is taken as a stray quote, and its
/// line is cut at its line break (the field splitter then reports the quote on that line); a line longer than the
/// limit is returned as a short prefix marked <see cref="TooLong"/>, and the rest of it is skipped.
/// </summary>
internal sealed class RecordReader(Stream stream, bool csv)
{
    /// <summary>The longest record, in bytes: 1 MiB.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>How much of a too-long record is kept, for its report.</summary>
    private const int TooLongPrefix = 200;

    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';
    private const byte NewLine = (byte)'\n';

    private byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _end;
    private bool _endOfInput;
    private bool _started;
    private long _line = 1;
    private bool _skipping;

    /// <summary>Whether the record <see cref="Next"/> gave last was longer than <see cref="MaxRecordBytes"/> (only its start is given).</summary>
    public bool TooLong { get; private set; }

    /// <summary>
    /// Moves to the next record: <paramref name="record"/> is its bytes (without the line break), valid until the next
    /// call, and <paramref name="line"/> the line it starts on. False at the end of the input.
    /// </summary>
    public bool Next(out ReadOnlySpan<byte> record, out long line)
    {
        while (true)
        {
            if (!_started)
            {
                Fill();
                _started = true;
                if (_buffer.AsSpan(_position, _end - _position).StartsWith("\uFEFF"u8))
                {
                    _position += 3;
                }
            }

            TooLong = false;
            if (_skipping)
            {
                var pending = _buffer.AsSpan(_position, _end - _position);
                var lineBreak = pending.IndexOf(NewLine);
                if (lineBreak >= 0)
                {
                    _position += lineBreak + 1;
                    _line++;
                    _skipping = false;
                    continue;
                }

                _position = _end;
                if (_endOfInput)
                {
                    record = default;
                    line = _line;
                    return false;
                }

                Fill();
                continue;
            }

            if (TryCut(out var length, out var next, out var quoted))
            {
                record = _buffer.AsSpan(_position, length);
                line = _line;
                _line += 1 + (quoted ? record.Count(NewLine) : 0);
                _position = next;
                if (!record.IsEmpty && record[^1] == (byte)'\r')
                {
                    record = record[..^1];
                }

                if (record.IsEmpty || (record[0] <= (byte)' ' && Utf8Text.Trim(record).IsEmpty))
                {
                    continue;
                }

                return true;
            }

            if (_endOfInput)
            {
                record = default;
                line = _line;
                return false;
            }

            if (_end - _position >= MaxRecordBytes)
            {
                var pending = _buffer.AsSpan(_position, _end - _position);
                var lineBreak = pending.IndexOf(NewLine);
                line = _line;
                if (lineBreak >= 0)
                {
                    // Only an open quote keeps a record going past a line break: past the limit it is a stray quote.
                    record = pending[..lineBreak];
                    if (!record.IsEmpty && record[^1] == (byte)'\r')
                    {
                        record = record[..^1];
                    }

                    _position += lineBreak + 1;
                    _line++;
                    return true;
                }

                record = pending[..TooLongPrefix];
                TooLong = true;
                _skipping = true;
                _position = _end;
                return true;
            }

            Fill();
        }
    }

    /// <summary>
    /// Finds where the record at the current position ends. A quote opens a quoted field only at the start of a field;
    /// elsewhere it is a stray quote, which the field splitter reports. A quote still open at the end of the input ends
    /// its record at the record's first line break, and the splitter reports the unclosed quote on that line.
    /// </summary>
    private bool TryCut(out int length, out int next, out bool quoted)
    {
        var span = _buffer.AsSpan(_position, _end - _position);
        var inQuotes = false;
        quoted = false;
        var i = 0;
        while (true)
        {
            var rest = span[i..];
            var k = inQuotes ? rest.IndexOf(Quote) : csv ? rest.IndexOfAny(Quote, NewLine) : rest.IndexOf(NewLine);
            if (k < 0)
            {
                break;
            }

            k += i;
            if (span[k] == NewLine)
            {
                length = k;
                next = _position + k + 1;
                return true;
            }

            if (inQuotes)
            {
                if (k + 1 == span.Length && !_endOfInput)
                {
                    break; // a doubled quote may continue in the next buffer
                }

                if (k + 1 < span.Length && span[k + 1] == Quote)
                {
                    i = k + 2;
                    continue;
                }

                inQuotes = false;
            }
            else if (k == 0 || span[k - 1] == Comma)
            {
                inQuotes = true;
                quoted = true;
            }

            i = k + 1;
        }

        if (_endOfInput && !span.IsEmpty)
        {
            // A quote still open at the end of the input never closes: it is a stray quote, and its record ends at its
            // own line break, so the lines after it are read as the records they are.
            var lineBreak = inQuotes ? span.IndexOf(NewLine) : -1;
            quoted = false;
            length = lineBreak >= 0 ? lineBreak : span.Length;
            next = lineBreak >= 0 ? _position + lineBreak + 1 : _end;
            return true;
        }

        length = next = 0;
        return false;
    }

    /// <summary>Keeps the unread bytes, grows the buffer when one record fills it, and reads more input.</summary>
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

        while (_end < _buffer.Length)
        {
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfInput = true;
                return;
            }

            _end += read;
        }
    }
}
