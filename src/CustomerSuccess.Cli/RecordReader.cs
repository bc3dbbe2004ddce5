using System;
using System.IO;

namespace CustomerSuccess.Cli;

/// <summary>
/// Cuts a UTF-8 input into records without decoding it: CSV records (RFC 4180: a quoted field may hold commas,
/// doubled quotes and line breaks) or JSON Lines. Blank lines are skipped, a byte order mark is ignored, and each
/// record knows the line it starts on. Holds one buffer of input, not the file.
/// </summary>
internal sealed class RecordReader(Stream stream, bool csv)
{
    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';
    private const byte NewLine = (byte)'\n';

    private byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _end;
    private bool _endOfInput;
    private bool _started;
    private long _line = 1;

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

            Fill();
        }
    }

    /// <summary>
    /// Finds where the record at the current position ends. A quote opens a quoted field only at the start of a field;
    /// elsewhere it is a stray quote, which the field splitter reports. At the end of the input an unclosed quote runs
    /// to the end, and the splitter reports that too.
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
            length = span.Length;
            next = _end;
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
