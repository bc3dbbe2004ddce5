using System;
using System.IO;
using System.Threading;
using CustomerSuccess.Cli;
using NodaTime;
using SharpFuzz;

// The command-line tool's readers (CSV and JSON Lines) and cell parsing, fed whatever AFL++ makes: each input is
// scored and summarized in process, and any ending but the allowed ones (RunCheck) is a crash for AFL++.
//   customer-success-fuzz             run under afl-fuzz (tests/fuzz/fuzz.sh)
//   customer-success-fuzz --replay D  run every file of folder D once, without AFL++ (CI, and a crash to debug)
var folder = Directory.CreateTempSubdirectory("cs-fuzz-").FullName;
try
{
    if (args is ["--replay", var corpus])
    {
        var files = Directory.GetFiles(corpus);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            Harness.Run(File.ReadAllBytes(file), folder);
        }

        Console.WriteLine($"{files.Length} inputs replayed, every run ended as allowed.");
        return 0;
    }

    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        Harness.Run(bytes.ToArray(), folder);
    });
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

/// <summary>One input through <c>score</c> and <c>summary</c>.</summary>
internal static class Harness
{
    private static readonly IClock Clock = new FixedClock(Instant.FromUtc(2026, 11, 22, 9, 0));

    public static void Run(byte[] input, string folder)
    {
        // JSON Lines when the first byte after a byte-order mark opens an object, CSV otherwise.
        var start = input.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var path = Path.Combine(folder, start < input.Length && input[start] == (byte)'{' ? "in.jsonl" : "in.csv");
        File.WriteAllBytes(path, input);
        Once(["score", path, "--as-of", "2026-11-22", "--output", Path.Combine(folder, "out.csv")]);
        Once(["summary", path, "--as-of", "2026-11-22", "--format", "json"]);
    }

    private static void Once(string[] args)
    {
        using var error = new StringWriter();
        var env = new CliEnvironment(TextWriter.Null, error, Clock);
        var code = Tool.RunAsync(args, env, CancellationToken.None).GetAwaiter().GetResult();
        if (RunCheck.Problem(code, error.ToString()) is { } problem)
        {
            throw new InvalidOperationException($"{args[0]}: {problem}\n{error}");
        }
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
