using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace CustomerSuccess.Cli;

/// <summary>
/// Reads input rows one at a time, CSV (RFC 4180 with a header row) or JSON Lines, and hands out each field's text by
/// the tool's field names, after <c>--map</c>. Holds one row in memory at a time.
/// </summary>
internal abstract class RowSource : IDisposable
{
    private readonly Dictionary<string, int> _fieldByName;

    protected RowSource(IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
    {
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

    /// <summary>The fields, in the order <see cref="Value"/> is indexed by.</summary>
    public IReadOnlyList<InputField> Fields { get; }

    /// <summary>The input line the current row starts on (1 is the first line of the file).</summary>
    public long Line { get; protected set; }

    /// <summary>What is wrong with the current row as a whole (its column count, its JSON), or null.</summary>
    public string? RowProblem { get; protected set; }

    /// <summary>The current row's raw text, for the errors file when the row as a whole is bad.</summary>
    public abstract string RawRow { get; }

    protected IReadOnlyDictionary<string, string> Map { get; }

    /// <summary>Opens a reader for a path; JSON Lines for <c>.jsonl</c> and <c>.ndjson</c>, CSV otherwise.</summary>
    public static RowSource Open(string path, TextReader reader, IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? new JsonLinesRowSource(reader, fields, map)
            : new CsvRowSource(reader, fields, map);
    }

    /// <summary>Moves to the next row; false at the end of the input.</summary>
    public abstract bool Read();

    /// <summary>The text of a field in the current row, or null when the row does not have it or it is empty.</summary>
    public abstract string? Value(int field);

    /// <summary>The input's name for a field (its column header or JSON property), for error reports.</summary>
    public abstract string ColumnName(int field);

    /// <summary>The field an input column feeds, after <c>--map</c>, or -1.</summary>
    protected int FieldOf(string column)
    {
        if (Map.TryGetValue(column, out var mapped))
        {
            return _fieldByName[mapped];
        }

        return _fieldByName.TryGetValue(column.Trim(), out var field) ? field : -1;
    }

    public abstract void Dispose();

    private sealed class CsvRowSource : RowSource
    {
        private readonly CsvParser _parser;
        private readonly int[] _columnOf;
        private readonly string[] _header;
        private bool _badQuotes;

        public CsvRowSource(TextReader reader, IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
            : base(fields, map)
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                BadDataFound = _ => _badQuotes = true,
                MissingFieldFound = null,
                DetectColumnCountChanges = false,
                CacheFields = false, // the field cache keeps every distinct value: memory would grow with the file
            };
            _parser = new CsvParser(reader, configuration);
            if (!_parser.Read())
            {
                throw new UsageException("the input is empty: a CSV input needs a header row.");
            }

            _header = _parser.Record ?? [];
            _columnOf = Enumerable.Repeat(-1, fields.Count).ToArray();
            var columns = new HashSet<string>(_header, StringComparer.Ordinal);
            foreach (var column in map.Keys.Where(c => !columns.Contains(c)))
            {
                throw new UsageException($"--map {column}={map[column]}: the input has no column '{column}'; its columns are {string.Join(", ", _header)}.");
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
                    throw new UsageException($"columns '{_header[_columnOf[field]]}' and '{_header[c]}' both give the field '{fields[field].Name}'.");
                }

                _columnOf[field] = c;
            }

            if (_columnOf[_fieldByName[InputField.Id]] < 0)
            {
                throw new UsageException(
                    $"the input has no '{InputField.Id}' column (its columns are {string.Join(", ", _header)}); name it, or map one with --map COLUMN={InputField.Id}.");
            }
        }

        public override string RawRow => _parser.RawRecord.TrimEnd('\r', '\n');

        public override bool Read()
        {
            var previous = _parser.RawRow;
            _badQuotes = false;
            if (!_parser.Read())
            {
                return false;
            }

            Line = previous + 1;
            RowProblem = _badQuotes
                ? "the row has a quote inside an unquoted field or an unclosed quote (RFC 4180)"
                : _parser.Count != _header.Length
                    ? string.Create(CultureInfo.InvariantCulture, $"the row has {_parser.Count} columns but the header has {_header.Length}")
                    : null;
            return true;
        }

        public override string? Value(int field)
        {
            var column = _columnOf[field];
            if (column < 0 || column >= _parser.Count)
            {
                return null;
            }

            var text = _parser[column];
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        public override string ColumnName(int field) => _columnOf[field] >= 0 ? _header[_columnOf[field]] : Fields[field].Name;

        public override void Dispose() => _parser.Dispose();
    }

    private sealed class JsonLinesRowSource(TextReader reader, IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, string> map)
        : RowSource(fields, map)
    {
        private readonly string?[] _values = new string?[fields.Count];
        private readonly string?[] _names = new string?[fields.Count];
        private long _lineNumber;
        private string _raw = string.Empty;

        public override string RawRow => _raw;

        public override bool Read()
        {
            while (reader.ReadLine() is { } line)
            {
                _lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                Line = _lineNumber;
                _raw = line;
                Array.Clear(_values);
                Array.Clear(_names);
                RowProblem = null;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        RowProblem = "the line is not a JSON object";
                        return true;
                    }

                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        var field = FieldOf(property.Name);
                        if (field >= 0)
                        {
                            if (_names[field] is { } other)
                            {
                                RowProblem = $"properties '{other}' and '{property.Name}' both give the field '{Fields[field].Name}'";
                                return true;
                            }

                            _names[field] = property.Name;
                            _values[field] = Text(property.Value);
                        }
                    }
                }
                catch (JsonException e)
                {
                    RowProblem = $"the line is not valid JSON ({e.Message.Split('.')[0]})";
                }

                return true;
            }

            return false;
        }

        public override string? Value(int field) => _values[field];

        public override string ColumnName(int field) => _names[field] ?? Fields[field].Name;

        public override void Dispose() => reader.Dispose();

        private static string? Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }
}
