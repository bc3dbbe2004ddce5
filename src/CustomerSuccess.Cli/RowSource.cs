using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CustomerSuccess.Cli;

/// <summary>
/// An input, CSV (RFC 4180 with a header row) or JSON Lines, in UTF-8: its records, and how their columns or
/// properties feed the tool's fields after <c>--map</c>. Each thread reads fields through a <see cref="FieldSource"/>
/// of its own.
/// </summary>
internal abstract class RowSource
{
    private readonly Dictionary<string, int> _fieldByName;

    protected RowSource(RecordReader records, IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
    {
        Records = records;
        Fields = fields;
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

    /// <summary>Opens an input; JSON Lines for <c>.jsonl</c> and <c>.ndjson</c>, CSV otherwise. A CSV input's header is read here.</summary>
    public static RowSource Open(string path, Stream stream, IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? new JsonLinesRowSource(new RecordReader(stream, csv: false), fields, map)
            : new CsvRowSource(new RecordReader(stream, csv: true), fields, map);
    }

    /// <summary>A reader of one record's fields, for one thread.</summary>
    public abstract FieldSource CreateFieldSource();

    /// <summary>The field an input column or property feeds, after <c>--map</c>, or -1.</summary>
    protected int FieldOf(string column)
    {
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

        public CsvRowSource(RecordReader records, IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
            : base(records, fields, map)
        {
            if (!records.Next(out var headerRecord, out _))
            {
                throw new UsageException("the input is empty: a CSV input needs a header row.");
            }

            if (records.TooLong)
            {
                throw new UsageException($"the input's first line is longer than {RecordReader.MaxRecordBytes / 1024} KiB: it is not the header of a CSV file.");
            }

            RefuseOtherLineEndings(headerRecord);
            var splitter = new CsvFieldSource(fields, [], []);
            splitter.Load(headerRecord.ToArray(), 1);
            _header = [.. Enumerable.Range(0, splitter.ColumnCount).Select(splitter.ColumnText)];
            _columnOf = Enumerable.Repeat(-1, fields.Count).ToArray();
            var columns = new HashSet<string>(_header, StringComparer.Ordinal);
            foreach (var column in map.Keys.Where(c => !columns.Contains(c)))
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

            if (_columnOf[_fieldByName[InputField.Id]] < 0)
            {
                throw new UsageException(
                    $"the input has no '{InputField.Id}' column (it has {Echo.List(_header)}); add one, or pass --map COLUMN={InputField.Id}.");
            }
        }

        public override FieldSource CreateFieldSource() => new CsvFieldSource(Fields, _header, _columnOf);

        /// <summary>
        /// Refuses a header that holds a line ending the reader does not split records on (a carriage return alone, NEL
        /// or U+2028): in such a file the whole input would read as its header and every row would be lost.
        /// </summary>
        private static void RefuseOtherLineEndings(ReadOnlySpan<byte> header)
        {
            var kind = header.IndexOf((byte)'\r') is var cr and >= 0 && (cr + 1 >= header.Length || header[cr + 1] != (byte)'\n') ? "carriage returns alone (old Mac line endings)"
                : header.IndexOf("\u0085"u8) >= 0 ? "NEL (U+0085)"
                : header.IndexOf("\u2028"u8) >= 0 || header.IndexOf("\u2029"u8) >= 0 ? "a Unicode line or paragraph separator (U+2028, U+2029)"
                : null;
            if (kind is not null)
            {
                throw new UsageException($"the input's lines end with {kind}, which this reader does not take; convert it to LF or CRLF line endings.");
            }
        }
    }

    private sealed class JsonLinesRowSource(RecordReader records, IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
        : RowSource(records, fields, map)
    {
        public override FieldSource CreateFieldSource() => new JsonFieldSource(Fields, FieldOf);
    }
}
