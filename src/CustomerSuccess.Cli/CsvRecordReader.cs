using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace CustomerSuccess.Cli;

/// <summary>
/// Reads CSV records with Sep (RFC 4180: a quoted field may hold separators, doubled quotes and line breaks), keeping
/// each record's text as read and where the tool's fields sit in it. The first non-blank line is the header.
/// </summary>
/// <remarks>
/// Sep reads a quote anywhere as opening or closing a quoted stretch, so a stray quote (inside an unquoted field, or
/// one that never closes) makes it read the lines after it as part of the same record, up to the next quote or the
/// end of the input. Such a record, when it runs over several lines, is not lost and does not swallow its neighbours:
/// its first line is reported as the bad row and the lines after it are read again as rows of their own. A record
/// that grows past <see cref="RecordReader.MaxRecordChars"/> (a quote that never closes in a large file) is cut there
/// the same way, so memory stays bounded whatever the input.
/// </remarks>
internal sealed class CsvRecordReader : RecordReader
{
    /// <summary>The problem of a record whose quotes are not as RFC 4180 writes them.</summary>
    public const string BadQuotes = "the row has a quote inside an unquoted field or an unclosed quote (RFC 4180)";

    private const string StrayQuote = BadQuotes + "; the lines after it were read as rows of their own";

    private readonly GuardedText _text;
    private readonly Sep _separator;
    private readonly Stack<Source> _sources = new();
    private int[] _fieldOf = [];
    private readonly int _columns;

    /// <param name="text">The input.</param>
    /// <param name="separator">The separator; null for a comma, with a clear refusal of a header that looks separated by something else.</param>
    public CsvRecordReader(TextReader text, char? separator)
    {
        _text = new GuardedText(text, MaxRecordChars);
        _separator = Sep.New(separator ?? ',');
        _sources.Push(new Source(Open(_text, leaveOpen: true), 1, Main: true));
        Header = ReadHeader(separator is null);
        _columns = Header.Length;
    }

    /// <summary>The header's column names, unquoted.</summary>
    public string[] Header { get; }

    /// <summary>Says which field each column feeds (-1 for none); columns past the array's end feed none.</summary>
    public void MapColumns(int[] fieldOf) => _fieldOf = fieldOf;

    public override bool Next(RecordBlock block)
    {
        while (_sources.TryPeek(out var source))
        {
            if (!source.Reader.MoveNext())
            {
                source.Reader.Dispose();
                _sources.Pop();
                continue;
            }

            var row = source.Reader.Current;
            var raw = row.Span;
            // Sep 0.17 numbers the first row of a reader without a header as line 2: the first row is the reader's first line.
            var line = row.RowIndex == 0 ? source.FirstLine : source.FirstLine + row.LineNumberFrom - 1;
            if (source.Main && _text.Cut)
            {
                Cut(block, raw, line);
                return true;
            }

            _text.RowDone();
            if (IsBlank(raw))
            {
                continue;
            }

            // One pass finds whether the record has a quote or a byte that was not UTF-8; most have neither.
            string? problem = null;
            var special = raw.IndexOfAny('"', NotUtf8) >= 0;
            var quoted = special && raw.Contains('"');
            if (quoted && !QuotesWellFormed(row))
            {
                var firstEnd = raw.IndexOfAny('\r', '\n');
                if (firstEnd >= 0)
                {
                    block.Add(raw[..firstEnd], line, StrayQuote);
                    var rest = raw[AfterLineBreak(raw, firstEnd)..];
                    if (!rest.IsEmpty)
                    {
                        _sources.Push(new Source(Open(new StringReader(rest.ToString()), leaveOpen: false), line + 1, Main: false));
                    }

                    return true;
                }

                problem = BadQuotes;
            }
            else if (special && raw.Contains(NotUtf8))
            {
                problem = NotUtf8Problem;
            }
            else if (row.ColCount != _columns)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the row has {row.ColCount} columns but the header has {_columns}");
            }

            var index = block.Add(raw, line, problem, quoted: problem is null && quoted);
            if (problem is null)
            {
                // Sep gives each column as a slice of the record's text: where it starts is its distance from the record's start.
                ref var first = ref MemoryMarshal.GetReference(raw);
                var columns = Math.Min(row.ColCount, _fieldOf.Length);
                for (var c = 0; c < columns; c++)
                {
                    var field = _fieldOf[c];
                    if (field >= 0)
                    {
                        var column = row[c].Span;
                        if (!column.IsEmpty)
                        {
                            var start = (int)(Unsafe.ByteOffset(ref first, ref MemoryMarshal.GetReference(column)) / sizeof(char));
                            block.SetField(index, field, start, column.Length);
                        }
                    }
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>Unquotes a field as RFC 4180 writes it: the quotes around it removed and each doubled quote made single.</summary>
    public static string Unquote(ReadOnlySpan<char> field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : field.ToString();

    protected override void Dispose(bool disposing)
    {
        while (_sources.TryPop(out var source))
        {
            source.Reader.Dispose();
        }

        _text.Dispose();
    }

    /// <summary>Whether every field is either unquoted without a quote in it, or quoted whole with its inner quotes doubled.</summary>
    private static bool QuotesWellFormed(SepReader.Row row)
    {
        for (var c = 0; c < row.ColCount; c++)
        {
            var field = row[c].Span;
            if (field.IsEmpty)
            {
                continue;
            }

            if (field[0] != '"')
            {
                if (field.Contains('"'))
                {
                    return false;
                }

                continue;
            }

            if (field.Length < 2 || field[^1] != '"')
            {
                return false;
            }

            var inner = field[1..^1];
            for (var i = inner.IndexOf('"'); i >= 0; i = inner.IndexOf('"'))
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return false;
                }

                inner = inner[(i + 2)..];
            }
        }

        return true;
    }

    /// <summary>Where the text after the line break at <paramref name="at"/> starts (a CRLF is one line break).</summary>
    private static int AfterLineBreak(ReadOnlySpan<char> text, int at) =>
        at + (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1);

    /// <summary>How many line breaks a text holds (a CRLF is one).</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var at = text.IndexOfAny('\r', '\n'); at >= 0; at = text.IndexOfAny('\r', '\n'))
        {
            count++;
            text = text[AfterLineBreak(text, at)..];
        }

        return count;
    }

    private SepReader Open(TextReader text, bool leaveOpen) =>
        _separator.Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = false, InitialBufferLength = 1 << 17 }).From(text, leaveOpen);

    /// <summary>
    /// Handles the record the reader stopped at its limit: its first line is the bad row; the whole lines after it are
    /// read again on their own, then the input goes on from the unfinished last line (or, when the record was one
    /// line, after that line).
    /// </summary>
    private void Cut(RecordBlock block, ReadOnlySpan<char> raw, long line)
    {
        // raw lies in the reader's buffer: the reader is let go only once raw has been copied.
        var cutReader = _sources.Pop().Reader;
        var firstEnd = raw.IndexOfAny('\r', '\n');
        if (firstEnd < 0)
        {
            block.Add(raw[..Math.Min(raw.Length, TooLongPrefix)], line, TooLong);
            cutReader.Dispose();
            _text.Resume(string.Empty, skipLine: true);
            _sources.Push(new Source(Open(_text, leaveOpen: true), line + 1, Main: true));
            return;
        }

        block.Add(raw[..firstEnd], line, StrayQuote);
        var restStart = AfterLineBreak(raw, firstEnd);
        var lastEnd = raw.LastIndexOfAny('\r', '\n');
        var unfinished = lastEnd < restStart ? string.Empty : raw[(lastEnd + 1)..].ToString();
        var whole = lastEnd < restStart ? raw[restStart..] : raw[restStart..(lastEnd + 1)];
        var unfinishedLine = line + 1 + LineBreaks(whole);
        var again = lastEnd >= restStart ? whole.ToString() : string.Empty;
        var prefix = lastEnd < restStart ? raw[restStart..].ToString() : unfinished;
        cutReader.Dispose();
        _text.Resume(prefix, skipLine: false);
        _sources.Push(new Source(Open(_text, leaveOpen: true), lastEnd < restStart ? line + 1 : unfinishedLine, Main: true));
        if (again.Length > 0)
        {
            _sources.Push(new Source(Open(new StringReader(again), leaveOpen: false), line + 1, Main: false));
        }
    }

    /// <summary>Reads the first non-blank record as the header; refuses one that is too long or looks separated otherwise.</summary>
    private string[] ReadHeader(bool separatorGuessed)
    {
        var reader = _sources.Peek().Reader;
        while (reader.MoveNext())
        {
            var row = reader.Current;
            if (_text.Cut)
            {
                throw new UsageException($"the input's first line is longer than {MaxRecordChars / 1024} Ki characters: it is not the header of a CSV file.");
            }

            _text.RowDone();
            var raw = row.Span;
            if (IsBlank(raw))
            {
                continue;
            }

            RefuseOtherLineEndings(raw);
            if (raw.Contains('"') && !QuotesWellFormed(row))
            {
                throw new UsageException("the header has a quote inside an unquoted column name or an unclosed quote (RFC 4180); fix the header row.");
            }

            if (row.ColCount == 1)
            {
                RefuseOtherSeparator(raw, separatorGuessed);
            }

            return [.. Enumerable.Range(0, row.ColCount).Select(c => Unquote(reader.Current[c].Span))];
        }

        throw new UsageException("the input is empty: a CSV input needs a header row.");
    }

    /// <summary>Refuses a one-column header that holds another usual separator: the whole input would read as one column.</summary>
    private void RefuseOtherSeparator(ReadOnlySpan<char> header, bool separatorGuessed)
    {
        foreach (var (other, name) in new[] { (';', "';'"), ('\t', "tab"), ('|', "'|'"), (',', "','") })
        {
            if (other != _separator.Separator && header.Contains(other))
            {
                var given = separatorGuessed ? "no ','" : $"no '{Echo.Of(_separator.Separator.ToString())}'";
                var pass = other == '\t' ? "--delimiter tab" : $"--delimiter '{other}'";
                throw new UsageException($"the header has {given} but has {name}: it looks separated by {name}; pass {pass}.");
            }
        }
    }

    /// <summary>
    /// Refuses a header that holds a line ending Sep does not split records on (NEL, U+2028, U+2029): in such a file the
    /// whole input would read as its header and every row would be lost.
    /// </summary>
    private static void RefuseOtherLineEndings(ReadOnlySpan<char> header)
    {
        var kind = header.Contains('\u0085') ? "NEL (U+0085)"
            : header.IndexOfAny('\u2028', '\u2029') >= 0 ? "a Unicode line or paragraph separator (U+2028, U+2029)"
            : null;
        if (kind is not null)
        {
            throw new UsageException($"the input's lines end with {kind}, which this reader does not take; convert it to LF or CRLF line endings.");
        }
    }

    /// <summary>A Sep reader and the input line its first line is; the main one reads the input, the others text read again.</summary>
    private readonly record struct Source(SepReader Reader, long FirstLine, bool Main);

    /// <summary>
    /// The input as Sep reads it: at most 64 Ki characters a read, and an end of input once one record has taken more
    /// than a limit, so that no record (a quote that never closes) makes Sep hold the whole file. <see cref="Resume"/>
    /// goes on after such a cut, with text put back before the rest.
    /// </summary>
    private sealed class GuardedText(TextReader inner, int limit) : TextReader
    {
        private const int MaxRead = 1 << 16;
        private string _prefix = string.Empty;
        private int _prefixAt;
        private long _sinceRow;

        /// <summary>Whether the reader ended the input early because one record took more than the limit.</summary>
        public bool Cut { get; private set; }

        /// <summary>Says that a record ended: the count starts again.</summary>
        public void RowDone() => _sinceRow = 0;

        /// <summary>Goes on after a cut: <paramref name="prefix"/> comes first; with <paramref name="skipLine"/>, the rest of the current line is skipped.</summary>
        public void Resume(string prefix, bool skipLine)
        {
            Cut = false;
            _sinceRow = 0;
            _prefix = prefix;
            _prefixAt = 0;
            if (skipLine)
            {
                int c;
                while ((c = inner.Read()) >= 0 && c != '\n')
                {
                }
            }
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (Cut || buffer.IsEmpty)
            {
                return 0;
            }

            if (_sinceRow > limit + MaxRead)
            {
                Cut = true;
                return 0;
            }

            buffer = buffer[..Math.Min(buffer.Length, MaxRead)];
            int read;
            if (_prefixAt < _prefix.Length)
            {
                read = Math.Min(buffer.Length, _prefix.Length - _prefixAt);
                _prefix.AsSpan(_prefixAt, read).CopyTo(buffer);
                _prefixAt += read;
            }
            else
            {
                read = inner.Read(buffer);
            }

            _sinceRow += read;
            return read;
        }

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 1 ? one[0] : -1;
        }

        public override int Peek() => -1;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
