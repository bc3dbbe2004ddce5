using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// Malformed inputs, made by mutating the sample data, through <c>score</c> and <c>summary</c>: every run ends with
/// exit 0 or 1 and the accounting line (read = scored + rejected), or exit 2 with one short line; never an internal
/// error, and never a file touched but the output and the errors file.
/// </summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class CliFuzzTests : IDisposable
{
    private static readonly string[] Sample = File.ReadLines(CliHarness.SampleFile).Take(25).ToArray();

    /// <summary>Texts that broke the tool, or could: stray quotes, line endings, control bytes, dates, amounts, long cells.</summary>
    private static readonly string[] Hostile =
    [
        "\"", "\"\"", ",", "\r", "\n", "\r\n", "\0", "\u001b]0;t\u0007", "\u0085", "\u2028", "\uFF1D1+2", "=1+2", "-42",
        "2099-01-01", "2026-11-23", "0001-01-01", "9999-12-31", "2026-13-45", "1e28", "79228162514264337593543950335",
        "-1", "NaN", "Infinity", "12,5", "1,,,0", "1,234.5", "$45,500.00", "", " ", "true", "maybe", "11", "100.0001",
        new string('x', 5000), "é", "\uFFFD", "\uD800",
    ];

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Property(MaxTest = 2000)]
    public Property MutatedSamples_NeverCrashLoseARowOrTouchAnotherFile()
    {
        var cases = 0;
        return Prop.ForAll(Inputs().ToArbitrary(), input =>
        {
            cases++;
            var folder = _cli.PathOf($"case{cases}");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "in.csv");
            File.WriteAllText(path, input, new UTF8Encoding(false));
            var written = File.ReadAllBytes(path);
            var score = Check(folder, "score", path, "--as-of", "2026-11-22", "--output", Path.Combine(folder, "out.csv"));
            var summary = Check(folder, "summary", path, "--as-of", "2026-11-22", "--format", "json");
            var untouched = File.ReadAllBytes(path).AsSpan().SequenceEqual(written);
            var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).ToArray();
            if (!untouched || !files.All(f => f is "in.csv" or "out.csv" or "out.errors.csv" or "in.errors.csv"))
            {
                throw new InvalidOperationException($"case {cases}: input untouched {untouched}; files {string.Join(", ", files)}");
            }

            Directory.Delete(folder, recursive: true);
            return score && summary;
        });
    }

    private bool Check(string folder, params string[] args)
    {
        var result = _cli.Run(args).GetAwaiter().GetResult();
        return RunCheck.Problem(result.ExitCode, result.Error) is not { } problem
            ? true
            : throw new InvalidOperationException($"{problem} in {folder} for '{string.Join(' ', args)}':\n{result.Error}");
    }

    /// <summary>The sample's first rows with one to four mutations: a hostile text put in, a cell replaced, a byte dropped, a line doubled or dropped, the file cut.</summary>
    private static Gen<string> Inputs()
    {
        var text = string.Join("\n", Sample) + "\n";
        Gen<Func<string, string>> mutation = Gen.OneOf(
            from at in Gen.Choose(0, 10_000)
            from hostile in Gen.Elements(Hostile)
            select (Func<string, string>)(s => s.Insert(at % (s.Length + 1), hostile)),
            from line in Gen.Choose(0, Sample.Length - 1)
            from cell in Gen.Choose(0, 24)
            from hostile in Gen.Elements(Hostile)
            select (Func<string, string>)(s => ReplaceCell(s, line, cell, hostile)),
            from at in Gen.Choose(0, 10_000)
            select (Func<string, string>)(s => s.Length == 0 ? s : s.Remove(at % s.Length, 1)),
            from line in Gen.Choose(0, Sample.Length - 1)
            from drop in Gen.Elements(false, true)
            select (Func<string, string>)(s => EditLine(s, line, drop)),
            from at in Gen.Choose(0, 10_000)
            select (Func<string, string>)(s => s[..(at % (s.Length + 1))]));
        return from mutations in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(mutation, n))
               select mutations.Aggregate(text, (s, m) => m(s));
    }

    private static string ReplaceCell(string text, int line, int cell, string value)
    {
        var lines = text.Split('\n');
        var i = line % lines.Length;
        var cells = lines[i].Split(',');
        cells[cell % cells.Length] = value;
        lines[i] = string.Join(",", cells);
        return string.Join("\n", lines);
    }

    private static string EditLine(string text, int line, bool drop)
    {
        var lines = text.Split('\n').ToList();
        var i = line % lines.Count;
        if (drop)
        {
            lines.RemoveAt(i);
        }
        else
        {
            lines.Insert(i, lines[i]);
        }

        return string.Join("\n", lines);
    }
}
