using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace CustomerSuccess.Cli;

/// <summary>
/// One record's fields, by the tool's field index, as trimmed text: no string is made per field. One per thread;
/// <see cref="Load"/> moves it to another record.
/// </summary>
internal abstract class FieldSource(IReadOnlyList<InputField> fields)
{
    private readonly int[] _ownStart = new int[fields.Count];
    private readonly int[] _ownLength = new int[fields.Count];
    private int[] _fieldStart = [];
    private int[] _fieldLength = [];
    private int _fieldBase;
    private char[] _side = new char[256];
    private int _sideUsed;
    private char[] _record = [];
    private int _recordOffset;
    private int _recordLength;

    /// <summary>The fields, in index order.</summary>
    public IReadOnlyList<InputField> Fields { get; } = fields;

    /// <summary>The input line the record starts on (1 is the first line of the file).</summary>
    public long Line { get; private set; }

    /// <summary>What is wrong with the record as a whole (its column count, its quotes, its JSON), or null.</summary>
    public string? RowProblem { get; protected set; }

    /// <summary>The record's text, for the errors file when the record as a whole is bad.</summary>
    public string RawRow => Record.ToString();

    protected ReadOnlySpan<char> Record => new(_record, _recordOffset, _recordLength);

    protected ReadOnlyMemory<char> RecordMemory => new(_record, _recordOffset, _recordLength);

    /// <summary>Reads a block's record in place: the block must stay as it is until the next <see cref="Load"/>.</summary>
    public void Load(RecordBlock block, int index)
    {
        var memory = block.Record(index);
        if (MemoryMarshal.TryGetArray(memory, out var segment))
        {
            (_record, _recordOffset, _recordLength) = (segment.Array!, segment.Offset, segment.Count);
        }
        else
        {
            (_record, _recordOffset, _recordLength) = (memory.ToArray(), 0, memory.Length);
        }

        Line = block.Line(index);
        RowProblem = block.Problem(index);
        _sideUsed = 0;
        if (RowProblem is null && UsesBlockPositions(block, index))
        {
            // The reader found the fields and none needs unquoting: read them where the block keeps them.
            (_fieldStart, _fieldLength) = block.FieldPositions;
            _fieldBase = index * block.FieldCount;
            return;
        }

        (_fieldStart, _fieldLength, _fieldBase) = (_ownStart, _ownLength, 0);
        Array.Clear(_ownLength);
        if (RowProblem is null)
        {
            Parse(block, index);
        }
    }

    /// <summary>Whether the record's fields are read from the block's positions as they are, without <see cref="Parse"/>.</summary>
    protected virtual bool UsesBlockPositions(RecordBlock block, int index) => false;

    /// <summary>The field's text, trimmed; false when the record does not have it or it is blank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int field, out ReadOnlySpan<char> text)
    {
        text = Raw(field);
        if (text.IsEmpty)
        {
            return false;
        }

        // Most values have no white space around them: look at both ends before trimming.
        if (MayBeWhiteSpace(text[0]) || MayBeWhiteSpace(text[^1]))
        {
            text = text.Trim();
        }

        return !text.IsEmpty;
    }

    /// <summary>Whether a character may be white space: ASCII controls and the space, or a character from U+0085 on that is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayBeWhiteSpace(char c) => c <= ' ' || (c >= '\u0085' && char.IsWhiteSpace(c));

    /// <summary>The field's text as a string, for error reports.</summary>
    public string Text(int field) => Raw(field).ToString();

    /// <summary>The input's name for a field (its column header or JSON property), for error reports.</summary>
    public abstract string ColumnName(int field);

    /// <summary>Finds the record's fields: calls <see cref="SetField"/> for each field the record gives.</summary>
    protected abstract void Parse(RecordBlock block, int index);

    /// <summary>
    /// Says where a field's text is: at <paramref name="start"/> in the record, or, when <paramref name="start"/> is
    /// negative, at <c>~start</c> in the text kept beside it (<see cref="KeepBeside"/>).
    /// </summary>
    protected void SetField(int field, int start, int length)
    {
        _ownStart[field] = start;
        _ownLength[field] = length;
    }

    /// <summary>Keeps text that is not in the record as it stands (unquoted or decoded text); returns its position as <see cref="SetField"/> takes it.</summary>
    protected int KeepBeside(ReadOnlySpan<char> text)
    {
        if (_side.Length < _sideUsed + text.Length)
        {
            Array.Resize(ref _side, Math.Max(_side.Length * 2, _sideUsed + text.Length));
        }

        text.CopyTo(_side.AsSpan(_sideUsed));
        var start = _sideUsed;
        _sideUsed += text.Length;
        return ~start;
    }

    /// <summary>The field's text as given (unquoted), or empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<char> Raw(int field)
    {
        var at = _fieldBase + field;
        var length = _fieldLength[at];
        if (length == 0)
        {
            return [];
        }

        var start = _fieldStart[at];
        return start >= 0 ? new ReadOnlySpan<char>(_record, _recordOffset + start, length) : _side.AsSpan(~start, length);
    }
}

/// <summary>
/// A CSV record's fields, as the reader found them (<see cref="CsvRecordReader"/>): a quoted field is unquoted here,
/// on the thread that parses it.
/// </summary>
internal sealed class CsvFieldSource(IReadOnlyList<InputField> fields, IReadOnlyList<string> header, int[] columnOf) : FieldSource(fields)
{
    public override string ColumnName(int field) => columnOf[field] >= 0 ? header[columnOf[field]] : Fields[field].Name;

    protected override bool UsesBlockPositions(RecordBlock block, int index) => !block.Quoted(index);

    protected override void Parse(RecordBlock block, int index)
    {
        var record = Record;
        for (var field = 0; field < Fields.Count; field++)
        {
            var (start, length) = block.Field(index, field);
            if (length == 0)
            {
                continue;
            }

            // The reader let through only quoted fields as RFC 4180 writes them: a quote at each end, inner quotes doubled.
            if (length >= 2 && record[start] == '"')
            {
                var text = record.Slice(start, length);
                if (text[1..^1].Contains('"'))
                {
                    var unquoted = CsvRecordReader.Unquote(text);
                    SetField(field, KeepBeside(unquoted), unquoted.Length);
                }
                else
                {
                    SetField(field, start + 1, length - 2);
                }

                continue;
            }

            SetField(field, start, length);
        }
    }
}

/// <summary>Reads a JSON Lines record: one JSON object, whose properties feed the fields by name.</summary>
internal sealed class JsonFieldSource(IReadOnlyList<InputField> fields, Func<string, int> fieldOf) : FieldSource(fields)
{
    private readonly string?[] _names = new string?[fields.Count];

    public override string ColumnName(int field) => _names[field] ?? Fields[field].Name;

    protected override void Parse(RecordBlock block, int index)
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
                    SetField(field, KeepBeside(text), text.Length);
                }
            }
        }
        catch (JsonException e)
        {
            RowProblem = $"the line is not valid JSON ({e.Message.Split('.')[0]})";
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
