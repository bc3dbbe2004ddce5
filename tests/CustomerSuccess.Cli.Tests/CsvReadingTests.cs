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

/// <summary>The tool's CSV reading (Sep, with its checks of quotes and columns), checked against CsvHelper's parser on random documents and by hand.</summary>
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
    public void Reader_AnUnclosedQuote_IsReportedAtItsLine_AndTheLinesAfterItAreReadAsRows()
    {
        var rows = ReadOurs("a,b\n1,\"never closed\n2,3\n4,\"x\"\"y\"\n");
        Assert.Equal([2L, 3L, 4L], rows.Skip(1).Select(r => r.Line));
        Assert.Contains("unclosed quote", rows[1].Problem, StringComparison.Ordinal);
        Assert.Equal(["2", "3"], rows[2].Fields);
        Assert.Equal(["4", "x\"y"], rows[3].Fields);
        Assert.Null(rows[3].Problem);
    }

    [Fact]
    public void Reader_AStrayQuoteInsideAField_DoesNotSwallowTheRowsUpToTheNextQuote()
    {
        var rows = ReadOurs("a,b\n1,x\"y\n2,z\n3,w\"v\n4,u\n");
        Assert.Equal([(2L, true), (3L, false), (4L, true), (5L, false)], rows.Skip(1).Select(r => (r.Line, r.Problem is not null)));
        Assert.Equal(["2", "z"], rows[2].Fields);
        Assert.Equal(["4", "u"], rows[4].Fields);
    }

    [Fact]
    public void Reader_AnUnclosedQuoteBeforeMoreThanTheRecordLimit_IsCut_AndEveryLineAfterItIsRead()
    {
        // 40 000 rows of about 30 characters: far more than the 1 Mi characters a record may take.
        var text = new StringBuilder("a,b\n1,\"open\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 2},{new string('v', 24)}\n");
        }

        var rows = ReadOurs(text.ToString());
        Assert.Equal(40_002, rows.Count);
        Assert.Contains("unclosed quote", rows[1].Problem, StringComparison.Ordinal);
        for (var r = 2; r < rows.Count; r++)
        {
            Assert.Null(rows[r].Problem);
            Assert.Equal(r + 1L, rows[r].Line);
            Assert.Equal(r.ToString(CultureInfo.InvariantCulture), rows[r].Fields[0]);
        }
    }

    [Fact]
    public void Reader_ALineLongerThanTheRecordLimit_IsCut_AndTheNextLineIsRead()
    {
        var rows = ReadOurs($"a,b\n1,{new string('z', 3 << 20)}\n2,3\n");
        Assert.Equal(3, rows.Count);
        Assert.Contains("longer than", rows[1].Problem, StringComparison.Ordinal);
        Assert.Equal((3L, "2"), (rows[2].Line, rows[2].Fields[0]));
    }

    [Theory]
    [InlineData("a;b;c\n1;2;3\n", "looks separated by ';'; pass --delimiter ';'")]
    [InlineData("a\tb\n1\t2\n", "looks separated by tab; pass --delimiter tab")]
    public void Reader_AHeaderSeparatedOtherwise_IsRefusedWithWhatToPass(string text, string message)
    {
        var e = Assert.Throws<UsageException>(() => ReadOurs(text));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_AnotherSeparator_IsReadWhenGiven()
    {
        using var reader = new CsvRecordReader(new StringReader("a;b\n\"1;5\";2\n"), ';');
        Assert.Equal(["a", "b"], reader.Header);
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
        var fields = Enumerable.Range(0, 64).Select(i => new InputField($"c{i}", FieldKind.Text, 0, 0, "column")).ToArray();
        using var reader = new CsvRecordReader(new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), separator: null);
        var header = reader.Header;
        reader.MapColumns([.. Enumerable.Range(0, header.Length)]);
        var source = new CsvFieldSource(fields, header, [.. Enumerable.Range(0, 64).Select(i => i < header.Length ? i : -1)]);
        var rows = new List<(long, string[], string?)> { (1L, header, null) };
        var block = new RecordBlock(fields.Length);
        while (block.Fill(reader))
        {
            for (var r = 0; r < block.Count; r++)
            {
                source.Load(block, r);
                rows.Add((source.Line, [.. Enumerable.Range(0, header.Length).Select(source.Text)], source.RowProblem));
            }
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
