using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;

namespace CustomerSuccess.Cli;

/// <summary>
/// One record's fields, by the tool's field index, as trimmed UTF-8 text: no string is made per field. One per thread;
/// <see cref="Load"/> moves it to another record.
/// </summary>
internal abstract class FieldSource(IReadOnlyList<InputField> fields)
{
    private readonly int[] _fieldStart = new int[fields.Count];
    private readonly int[] _fieldLength = new int[fields.Count];
    private ReadOnlyMemory<byte> _record;
    private byte[] _recordArray = [];
    private int _recordOffset;
    private int _recordLength;
    private byte[] _side = new byte[256];
    private int _sideUsed;

    /// <summary>The fields, in index order.</summary>
    public IReadOnlyList<InputField> Fields { get; } = fields;

    /// <summary>The input line the record starts on (1 is the first line of the file).</summary>
    public long Line { get; private set; }

    /// <summary>What is wrong with the record as a whole (its column count, its quotes, its JSON), or null.</summary>
    public string? RowProblem { get; protected set; }

    /// <summary>Marks the loaded record as longer than the reader's limit: a bad row, whatever its start parses as.</summary>
    public void MarkTooLong() =>
        RowProblem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the record is longer than {RecordReader.MaxRecordBytes / 1024} KiB, the longest the reader takes; the rest of its line was skipped");

    /// <summary>The record's text, for the errors file when the record as a whole is bad.</summary>
    public string RawRow => Utf8Text.ToText(Record);

    protected ReadOnlySpan<byte> Record => new(_recordArray, _recordOffset, _recordLength);

    protected ReadOnlyMemory<byte> RecordMemory => _record;

    /// <summary>Reads a record in place: its bytes must stay as they are until the next <see cref="Load"/>.</summary>
    public void Load(ReadOnlyMemory<byte> record, long line)
    {
        _record = record;
        if (MemoryMarshal.TryGetArray(record, out var segment))
        {
            (_recordArray, _recordOffset, _recordLength) = (segment.Array!, segment.Offset, segment.Count);
        }
        else
        {
            (_recordArray, _recordOffset, _recordLength) = (record.ToArray(), 0, record.Length);
        }

        Line = line;
        RowProblem = null;
        _sideUsed = 0;
        Array.Clear(_fieldLength);
        Parse();
    }

    /// <summary>The field's text, trimmed; false when the record does not have it or it is blank.</summary>
    public bool TryGet(int field, out ReadOnlySpan<byte> text)
    {
        text = Raw(field);
        if (text.IsEmpty)
        {
            return false;
        }

        // Most values have no white space around them: look at both ends before trimming.
        if (text[0] <= (byte)' ' || text[^1] <= (byte)' ')
        {
            text = Utf8Text.Trim(text);
        }

        return !text.IsEmpty;
    }

    /// <summary>The field's text as a string, for error reports.</summary>
    public string Text(int field) => Utf8Text.ToText(Raw(field));

    /// <summary>The input's name for a field (its column header or JSON property), for error reports.</summary>
    public abstract string ColumnName(int field);

    /// <summary>Finds the record's fields: calls <see cref="SetField"/> for each field the record gives.</summary>
    protected abstract void Parse();

    /// <summary>
    /// Says where a field's text is: at <paramref name="start"/> in the record, or, when <paramref name="start"/> is
    /// negative, at <c>~start</c> in the text kept beside it (<see cref="KeepBeside"/>).
    /// </summary>
    protected void SetField(int field, int start, int length)
    {
        _fieldStart[field] = start;
        _fieldLength[field] = length;
    }

    /// <summary>Bytes at a position given as <see cref="SetField"/> takes it.</summary>
    protected ReadOnlySpan<byte> At(int start, int length) =>
        start >= 0 ? new ReadOnlySpan<byte>(_recordArray, _recordOffset + start, length) : new ReadOnlySpan<byte>(_side, ~start, length);

    /// <summary>Room for <paramref name="length"/> bytes of text that is not in the record as it stands (unquoted or decoded text).</summary>
    protected Span<byte> Beside(int length)
    {
        if (_side.Length < _sideUsed + length)
        {
            Array.Resize(ref _side, Math.Max(_side.Length * 2, _sideUsed + length));
        }

        return _side.AsSpan(_sideUsed, length);
    }

    /// <summary>Keeps <paramref name="length"/> bytes written into <see cref="Beside"/>; returns their position as <see cref="SetField"/> takes it.</summary>
    protected int KeepBeside(int length)
    {
        var start = _sideUsed;
        _sideUsed += length;
        return ~start;
    }

    /// <summary>The field's text as given, or empty.</summary>
    private ReadOnlySpan<byte> Raw(int field) => At(_fieldStart[field], _fieldLength[field]);
}

/// <summary>
/// Splits a CSV record into its columns (RFC 4180: quoted fields may hold commas, line breaks and doubled quotes).
/// A quote inside an unquoted field, text after a closing quote or an unclosed quote, and a column count other than
/// the header's, make the record bad as a whole.
/// </summary>
internal sealed class CsvFieldSource(IReadOnlyList<InputField> fields, string[] header, int[] columnOf) : FieldSource(fields)
{
    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';

    private int[] _start = new int[64];
    private int[] _length = new int[64];

    /// <summary>The number of columns of the record.</summary>
    public int ColumnCount { get; private set; }

    /// <summary>A column's text as a string (used for the header).</summary>
    public string ColumnText(int column) => Utf8Text.ToText(Column(column));

    public override string ColumnName(int field) => columnOf[field] >= 0 ? header[columnOf[field]] : Fields[field].Name;

    protected override void Parse()
    {
        var record = Record;
        var badQuotes = false;
        ColumnCount = 0;
        if (!Vector256.IsHardwareAccelerated || !SplitAtCommas(record))
        {
            ColumnCount = 0;
            var i = 0;
            while (true)
            {
                int end;
                if (i < record.Length && record[i] == Quote)
                {
                    end = Quoted(record, i, ref badQuotes);
                }
                else
                {
                    var k = record[i..].IndexOfAny(Comma, Quote);
                    if (k >= 0 && record[i + k] == Quote)
                    {
                        badQuotes = true;
                        k = record[i..].IndexOf(Comma);
                    }

                    end = k < 0 ? record.Length : i + k;
                    Add(i, end - i);
                }

                if (end >= record.Length)
                {
                    break;
                }

                i = end + 1;
            }
        }

        for (var field = 0; field < columnOf.Length; field++)
        {
            var column = columnOf[field];
            if (column >= 0 && column < ColumnCount)
            {
                SetField(field, _start[column], _length[column]);
            }
        }

        RowProblem = badQuotes
            ? "the row has a quote inside an unquoted field or an unclosed quote (RFC 4180)"
            : header.Length > 0 && ColumnCount != header.Length
                ? string.Create(CultureInfo.InvariantCulture, $"the row has {ColumnCount} columns but the header has {header.Length}")
                : null;
    }

    /// <summary>
    /// Splits a record without quotes (most records) at every comma: 32 bytes at a time, each comma a bit of a mask,
    /// instead of a search per field. False, with the split unfinished, when the record has a quote.
    /// </summary>
    private bool SplitAtCommas(ReadOnlySpan<byte> record)
    {
        var commas = Vector256.Create(Comma);
        var quotes = Vector256.Create(Quote);
        ref var first = ref MemoryMarshal.GetReference(record);
        var start = 0;
        var at = 0;
        for (; at + Vector256<byte>.Count <= record.Length; at += Vector256<byte>.Count)
        {
            var bytes = Vector256.LoadUnsafe(ref first, (nuint)at);
            if (Vector256.EqualsAny(bytes, quotes))
            {
                return false;
            }

            var mask = Vector256.Equals(bytes, commas).ExtractMostSignificantBits();
            while (mask != 0)
            {
                var comma = at + BitOperations.TrailingZeroCount(mask);
                Add(start, comma - start);
                start = comma + 1;
                mask &= mask - 1;
            }
        }

        for (; at < record.Length; at++)
        {
            if (record[at] == Comma)
            {
                Add(start, at - start);
                start = at + 1;
            }
            else if (record[at] == Quote)
            {
                return false;
            }
        }

        Add(start, record.Length - start);
        return true;
    }

    /// <summary>Reads the quoted field starting at <paramref name="start"/>; returns the index of the comma after it, or the record's length.</summary>
    private int Quoted(ReadOnlySpan<byte> record, int start, ref bool badQuotes)
    {
        var j = start + 1;
        var doubled = false;
        while (true)
        {
            var q = record[j..].IndexOf(Quote);
            if (q < 0)
            {
                badQuotes = true;
                Add(start + 1, record.Length - start - 1);
                return record.Length;
            }

            q += j;
            if (q + 1 < record.Length && record[q + 1] == Quote)
            {
                doubled = true;
                j = q + 2;
                continue;
            }

            var content = record[(start + 1)..q];
            if (doubled)
            {
                AddUnquoted(content);
            }
            else
            {
                Add(start + 1, content.Length);
            }

            var end = q + 1;
            if (end < record.Length && record[end] != Comma)
            {
                badQuotes = true;
                var comma = record[end..].IndexOf(Comma);
                end = comma < 0 ? record.Length : end + comma;
            }

            return end;
        }
    }

    private ReadOnlySpan<byte> Column(int column)
    {
        var start = _start[column];
        return At(_start[column], _length[column]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int start, int length)
    {
        if (ColumnCount == _start.Length)
        {
            Grow();
        }

        _start[ColumnCount] = start;
        _length[ColumnCount] = length;
        ColumnCount++;
    }

    private void Grow()
    {
        Array.Resize(ref _start, _start.Length * 2);
        Array.Resize(ref _length, _length.Length * 2);
    }

    /// <summary>Keeps a quoted field's text with each doubled quote made single, outside the record.</summary>
    private void AddUnquoted(ReadOnlySpan<byte> content)
    {
        var text = Beside(content.Length);
        var length = 0;
        for (var i = 0; i < content.Length; i++)
        {
            text[length++] = content[i];
            if (content[i] == Quote)
            {
                i++;
            }
        }

        Add(KeepBeside(length), length);
    }
}

/// <summary>Reads a JSON Lines record: one JSON object, whose properties feed the fields by name.</summary>
internal sealed class JsonFieldSource(IReadOnlyList<InputField> fields, Func<string, int> fieldOf) : FieldSource(fields)
{
    private readonly string?[] _names = new string?[fields.Count];

    public override string ColumnName(int field) => _names[field] ?? Fields[field].Name;


    protected override void Parse()
    {
        Array.Clear(_names);
        try
        {
            using var document = JsonDocument.Parse(RecordMemory);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                RowProblem = "the line is not a JSON object";
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = fieldOf(property.Name);
                if (field < 0)
                {
                    continue;
                }

                if (_names[field] is { } other)
                {
                    RowProblem = $"properties '{other}' and '{property.Name}' both give the field '{Fields[field].Name}'";
                    return;
                }

                _names[field] = property.Name;
                if (Value(property.Value) is { } text)
                {
                    var length = Encoding.UTF8.GetBytes(text, Beside(Encoding.UTF8.GetMaxByteCount(text.Length)));
                    SetField(field, KeepBeside(length), length);
                }
            }
        }
        catch (JsonException e)
        {
            RowProblem = $"the line is not valid JSON ({e.Message.Split('.')[0]})";
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            // A property name or string value that is not valid UTF-8: the reader parses it, and only turning it
            // into text fails.
            RowProblem = "the line holds text that is not valid UTF-8";
        }
    }

    private static string? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
