using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using CsvHelper;
using NodaTime;

namespace CustomerSuccess.Cli.Tests;

/// <summary>Runs the tool in process, with captured output and a fixed clock, in a scratch folder of its own.</summary>
internal sealed class CliHarness : IDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 9, 0);

    public CliHarness()
    {
        Folder = Directory.CreateTempSubdirectory("cs-cli-").FullName;
    }

    public string Folder { get; }

    public static string RepositoryRoot { get; } =
        typeof(CliHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string SampleFile => Path.Combine(RepositoryRoot, "samples", "data", "customers.csv");

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<Result> Run(params string[] args) => Run(outIsTerminal: false, args);

    /// <summary>Runs the tool as if its standard output were a terminal (<paramref name="outIsTerminal"/>) or a file.</summary>
    public async Task<Result> Run(bool outIsTerminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(output, error, new FixedClock(Now), OutIsTerminal: outIsTerminal);
        var code = await Tool.RunAsync(args, env);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>A CSV file's rows (CsvHelper's parser), by column name.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path) => ParseCsv(File.ReadAllText(path));

    /// <summary>A CSV text's rows (CsvHelper's parser), by column name; a short row's missing cells are empty.</summary>
    public static List<Dictionary<string, string>> ParseCsv(string text)
    {
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        parser.Read();
        var header = parser.Record!;
        var rows = new List<Dictionary<string, string>>();
        while (parser.Read())
        {
            var record = parser.Record!;
            rows.Add(header.Select((h, i) => (h, v: i < record.Length ? record[i] : string.Empty)).ToDictionary(x => x.h, x => x.v));
        }

        return rows;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    internal sealed record Result(int ExitCode, string Out, string Error);

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
