using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// How the columns of an input are read: <c>--map</c>, <c>--ignore</c> and <c>--delimiter</c>; <paramref name="Maps"/>
/// says whether the command offers <c>--map</c> at all, for the messages.
/// </summary>
internal sealed record ColumnOptions(IReadOnlyDictionary<string, string> Map, IReadOnlyCollection<string> Ignore, char? Delimiter, bool Maps = true);

/// <summary>
/// An input, CSV (RFC 4180 with a header row) or JSON Lines, in UTF-8: its records, and how their columns or
/// properties feed the tool's fields after <c>--map</c> and <c>--ignore</c>. Each thread reads fields through a
/// <see cref="FieldSource"/> of its own.
/// </summary>
internal abstract class RowSource : IDisposable
{
    private readonly Dictionary<string, int> _fieldByName;
    private readonly HashSet<string> _ignored;

    protected RowSource(RecordReader records, IReadOnlyList<InputField> fields, ColumnOptions columns)
    {
        Records = records;
        Fields = fields;
        _ignored = new HashSet<string>(columns.Ignore, StringComparer.Ordinal);
        var map = columns.Map;
        _fieldByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            _fieldByName[fields[i].Name] = i;
        }

        foreach (var (column, field) in map)
        {
            if (!_fieldByName.ContainsKey(field))
            {
                throw new UsageException(
                    $"--map {column}={field}: there is no field '{field}'; the fields are {string.Join(", ", fields.Select(f => f.Name))}.");
            }
        }

        Map = map;
    }

    /// <summary>The fields, in the order a <see cref="FieldSource"/> is indexed by.</summary>
    public IReadOnlyList<InputField> Fields { get; }

    /// <summary>The input's records after the header.</summary>
    public RecordReader Records { get; }

    protected IReadOnlyDictionary<string, string> Map { get; }

    /// <summary>
    /// Opens an input; JSON Lines for <c>.jsonl</c> and <c>.ndjson</c>, CSV otherwise. A CSV input's header is read
    /// here, and must have a column for the field <paramref name="key"/> (the id by default).
    /// </summary>
    public static RowSource Open(string path, Stream stream, IReadOnlyList<InputField> fields, ColumnOptions columns, string key = InputField.Id)
    {
        var extension = Path.GetExtension(path);
        if (extension.ToLowerInvariant() is ".parquet" or ".arrow" or ".feather" or ".arrows" or ".ipc")
        {
            throw new UsageException(
                $"{Echo.Of(path)} is a Parquet or Arrow file; this command reads CRM exports (CSV or JSON Lines). Score a file of component scores with 'customer-success health {Echo.Of(path)}'.");
        }

        var text = new StreamReader(stream, Utf8WithMarker, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        if (extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonLinesRowSource(new JsonLinesReader(text), fields, columns);
        }

        var reader = new CsvRecordReader(text, columns.Delimiter);
        try
        {
            return new CsvRowSource(reader, fields, columns, key);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>UTF-8 that decodes a byte sequence that is not UTF-8 as <see cref="RecordReader.NotUtf8"/>, so that its record is found and reported.</summary>
    private static Encoding Utf8WithMarker { get; } = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(RecordReader.NotUtf8.ToString()));

    /// <summary>A reader of one record's fields, for one thread.</summary>
    public abstract FieldSource CreateFieldSource();

    /// <summary>A block for this input's records.</summary>
    public abstract RecordBlock CreateBlock();

    /// <summary>Whether the input may give a field: a CSV input when a column feeds it, a JSON Lines input always (each line decides).</summary>
    public abstract bool Gives(int field);

    public void Dispose() => Records.Dispose();

    /// <summary>The field an input column or property feeds, after <c>--map</c> and <c>--ignore</c>, or -1.</summary>
    protected int FieldOf(string column)
    {
        if (_ignored.Contains(column))
        {
            return -1;
        }

        if (Map.TryGetValue(column, out var mapped))
        {
            return _fieldByName[mapped];
        }

        return _fieldByName.TryGetValue(column.Trim(), out var field) ? field : -1;
    }

    private sealed class CsvRowSource : RowSource
    {
        private readonly int[] _columnOf;
        private readonly string[] _header;

        public CsvRowSource(CsvRecordReader records, IReadOnlyList<InputField> fields, ColumnOptions columns, string key)
            : base(records, fields, columns)
        {
            _header = records.Header;
            foreach (var ignored in columns.Ignore.Where(c => !_header.Contains(c, StringComparer.Ordinal)))
            {
                throw new UsageException($"--ignore {Echo.Of(ignored)}: the input has no such column (it has {Echo.List(_header)}).");
            }

            var map = columns.Map;
            _columnOf = Enumerable.Repeat(-1, fields.Count).ToArray();
            var names = new HashSet<string>(_header, StringComparer.Ordinal);
            foreach (var column in map.Keys.Where(c => !names.Contains(c)))
            {
                throw new UsageException($"--map {column}={map[column]}: the input has no column '{Echo.Of(column)}' (it has {Echo.List(_header)}).");
            }

            for (var c = 0; c < _header.Length; c++)
            {
                var field = FieldOf(_header[c]);
                if (field < 0)
                {
                    continue;
                }

                if (_columnOf[field] >= 0)
                {
                    throw new UsageException($"columns '{Echo.Of(_header[_columnOf[field]])}' and '{Echo.Of(_header[c])}' both give the field '{fields[field].Name}'.");
                }

                _columnOf[field] = c;
            }

            var fieldOf = Enumerable.Repeat(-1, _header.Length).ToArray();
            for (var field = 0; field < _columnOf.Length; field++)
            {
                if (_columnOf[field] >= 0)
                {
                    fieldOf[_columnOf[field]] = field;
                }
            }

            records.MapColumns(fieldOf);

            if (_columnOf[_fieldByName[key]] < 0)
            {
                var fix = columns.Maps ? $"add one, or pass --map COLUMN={key}" : "add one";
                throw new UsageException($"the input has no '{key}' column (it has {Echo.List(_header)}); {fix}.");
            }
        }

        public override FieldSource CreateFieldSource() => new CsvFieldSource(Fields, _header, _columnOf);

        public override RecordBlock CreateBlock() => new(Fields.Count);

        public override bool Gives(int field) => field >= 0 && _columnOf[field] >= 0;
    }

    private sealed class JsonLinesRowSource(RecordReader records, IReadOnlyList<InputField> fields, ColumnOptions columns)
        : RowSource(records, fields, columns)
    {
        public override FieldSource CreateFieldSource() => new JsonFieldSource(Fields, FieldOf);

        public override RecordBlock CreateBlock() => new(0);

        public override bool Gives(int field) => field >= 0;
    }
}
