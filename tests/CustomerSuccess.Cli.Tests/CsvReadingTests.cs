using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The tool's own RFC 4180 reader, checked against CsvHelper's parser on random documents and by hand.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class CsvReadingTests
{
    private static readonly string[] Pieces = ["a", "Zoë", "42", " ", ",", "\"", "\n", "\r\n", "x y", "=1+2", "'"];

    /// <summary>A document: a header and rows of 2 to 5 columns, each field quoted when it must be (and sometimes when not).</summary>
    private static readonly Gen<(string Text, List<string[]> Rows, bool Crlf)> Documents =
        from columns in Gen.Choose(2, 5)
        from rows in Gen.Choose(0, 12)
        from cells in Gen.ArrayOf(Gen.ArrayOf(Gen.Elements(Pieces)).Select(p => string.Concat(p)), columns * (rows + 1))
        from quoteAnyway in Gen.ArrayOf(Gen.Elements(false, false, false, true), columns * (rows + 1))
        from crlf in Gen.Elements(false, true)
        from bom in Gen.Elements(false, true)
        from finalBreak in Gen.Elements(false, true)
        select Build(columns, rows + 1, cells, quoteAnyway, crlf, bom, finalBreak);

    /// <summary>Wide documents without a quote anywhere (the common export): 1 to 40 columns, records of any length.</summary>
    private static readonly Gen<(string Text, List<string[]> Rows, bool Crlf)> UnquotedDocuments =
        from columns in Gen.Choose(1, 40)
        from rows in Gen.Choose(0, 6)
        from cells in Gen.ArrayOf(Gen.ArrayOf(Gen.Elements("a", "Zoë", "42", " ", "x y", "=1+2", "'", "2026-11-22")).Select(p => string.Concat(p)), columns * (rows + 1))
        from crlf in Gen.Elements(false, true)
        from finalBreak in Gen.Elements(false, true)
        select Build(columns, rows + 1, cells, new bool[columns * (rows + 1)], crlf, bom: false, finalBreak);

    [Property]
    public Property Reader_RandomUnquotedDocuments_GivesCsvHelpersFields() =>
        Prop.ForAll(UnquotedDocuments.ToArbitrary(), d =>
        {
            var ours = ReadOurs(d.Text);
            var theirs = ReadCsvHelper(d.Text);
            Assert.Equal(theirs.Count, ours.Count);
            for (var r = 0; r < ours.Count; r++)
            {
                Assert.Equal(theirs[r], ours[r].Fields);
                Assert.Null(ours[r].Problem);
            }

            return true;
        });

    [Property]
    public Property Reader_RandomDocuments_GivesCsvHelpersFieldsAndLines()
    {
        return Prop.ForAll(Documents.ToArbitrary(), d =>
        {
            var ours = ReadOurs(d.Text);
            var theirs = ReadCsvHelper(d.Text.TrimStart('\uFEFF'));
            Assert.Equal(theirs.Count, ours.Count);
            var line = 1L;
            for (var r = 0; r < ours.Count; r++)
            {
                Assert.Equal(theirs[r], ours[r].Fields);
                Assert.Null(ours[r].Problem);
                Assert.Equal(line, ours[r].Line);
                line += 1 + d.Rows[r].Sum(f => f.Count(c => c == '\n'));
            }

            return true;
        });
    }

    [Theory]
    [InlineData("a,b\n1,\"x\"y\n", "quote inside an unquoted field or an unclosed quote")]
    [InlineData("a,b\n1,x\"y\n", "quote inside an unquoted field or an unclosed quote")]
    [InlineData("a,b\n1,\"never closed\n2,3\n", "quote inside an unquoted field or an unclosed quote")]
    [InlineData("a,b\n1,2,3\n", "the row has 3 columns but the header has 2")]
    [InlineData("a,b\n1\n", "the row has 1 columns but the header has 2")]
    public void Reader_BrokenRows_AreBadAsAWhole(string text, string problem)
    {
        var rows = ReadOurs(text);
        Assert.Contains(problem, rows[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_BlankLinesAndARecordLongerThanTheBuffer_AreHandled()
    {
        var big = new string('z', 900 << 10); // far longer than the 64 KiB read, within the 1 MiB record limit
        var rows = ReadOurs($"a,b\n\n  \n1,\"{big}\"\r\n\n2,3");
        Assert.Equal([(1L, "a"), (4L, "1"), (6L, "2")], rows.Select(r => (r.Line, r.Fields[0])));
        Assert.Equal(big, rows[1].Fields[1]);
        Assert.Equal("3", rows[2].Fields[1]);
    }

    private static (string, List<string[]>, bool) Build(int columns, int rows, string[] cells, bool[] quoteAnyway, bool crlf, bool bom, bool finalBreak)
    {
        var text = new StringBuilder(bom ? "\uFEFF" : string.Empty);
        var table = new List<string[]>();
        for (var r = 0; r < rows; r++)
        {
            var row = cells.Skip(r * columns).Take(columns).ToArray();
            table.Add(row);
            for (var c = 0; c < columns; c++)
            {
                var cell = row[c];
                var quote = quoteAnyway[(r * columns) + c] || cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || cell.Length == 0 || cell.Trim().Length == 0;
                text.Append(c > 0 ? "," : string.Empty).Append(quote ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell);
            }

            if (r < rows - 1 || finalBreak)
            {
                text.Append(crlf ? "\r\n" : "\n");
            }
        }

        return (text.ToString(), table, crlf);
    }

    private static List<(long Line, string[] Fields, string? Problem)> ReadOurs(string text)
    {
        var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), csv: true);
        var fields = new CsvFieldSource([], [], []);
        var rows = new List<(long, string[], string?)>();
        string[]? header = null;
        while (reader.Next(out var record, out var line))
        {
            var source = header is null ? fields : new CsvFieldSource([], header, []);
            source.Load(record.ToArray(), line);
            var values = Enumerable.Range(0, source.ColumnCount).Select(source.ColumnText).ToArray();
            header ??= values;
            rows.Add((line, values, source.RowProblem));
        }

        return rows;
    }

    private static List<string[]> ReadCsvHelper(string text)
    {
        using var parser = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false });
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }
}
