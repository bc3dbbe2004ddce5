using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using CustomerSuccess.Health;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>What a run needs to read and score an input.</summary>
internal sealed record RunSettings(
    string Input,
    IHealthScoreModel Model,
    LocalDate AsOf,
    IReadOnlyDictionary<string, string> Map,
    bool StopAtFirstError,
    string ErrorsPath);

/// <summary>The accounting of a run: every row read is either scored or rejected.</summary>
internal sealed class RunCounts
{
    public long Read { get; set; }

    public long Scored { get; set; }

    public long Rejected { get; set; }

    /// <summary>Set when <c>--on-error fail</c> stopped the run at a bad row.</summary>
    public bool Stopped { get; set; }

    public string? ErrorsFile { get; set; }
}

/// <summary>
/// Streams an input through parsing and scoring, one row at a time: memory stays flat whatever the input's size.
/// <c>start</c> is called once the input is open and its header understood, and gives where scored rows go.
/// Bad rows go to the errors file (or stop the run), a progress line goes to standard error when a person watches it.
/// </summary>
internal static class ScoringRun
{
    private const int ProgressEvery = 65_536;

    public static RunCounts Execute(CliEnvironment env, RunSettings settings, Func<Action<ScoredRow>> start, CancellationToken cancellationToken)
    {
        var counts = new RunCounts();
        using var reader = OpenInput(env, settings.Input);
        var fields = InputField.For(settings.Model);
        using var source = RowSource.Open(settings.Input, reader, fields, settings.Map);
        var layout = new CustomerRow.Layout(fields, settings.Model.Components.Count);
        var scorer = new RowScorer(settings.Model);

        // Only once the input is open and its header understood does anything get written.
        var sink = start();
        AtomicFile? errors = null;
        var clock = Stopwatch.StartNew();
        var progressShown = false;
        try
        {
            while (source.Read())
            {
                counts.Read++;
                if ((counts.Read & (ProgressEvery - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (env.ErrorIsTerminal && clock.ElapsedMilliseconds > 500)
                    {
                        env.Error.Write(string.Create(CultureInfo.InvariantCulture,
                            $"\r{counts.Read:N0} rows, {counts.Read / clock.Elapsed.TotalSeconds:N0} rows/s   "));
                        progressShown = true;
                    }
                }

                var row = CustomerRow.Parse(source, layout, settings.AsOf, RowScorer.Catalog, out var error);
                if (row is null)
                {
                    counts.Rejected++;
                    if (settings.StopAtFirstError)
                    {
                        counts.Stopped = true;
                        env.Error.WriteLine($"customer-success: bad row at {error}; stopping (--on-error fail).");
                        break;
                    }

                    errors ??= OpenErrors(settings.ErrorsPath);
                    WriteError(errors.Writer, error!);
                    continue;
                }

                sink(scorer.Score(row));
                counts.Scored++;
            }

            if (errors is not null)
            {
                errors.Commit();
                counts.ErrorsFile = errors.FullPath;
            }
        }
        finally
        {
            errors?.Dispose();
            if (progressShown)
            {
                env.Error.Write("\r" + new string(' ', 60) + "\r");
            }
        }

        return counts;
    }

    /// <summary>The summary line every run writes to standard error.</summary>
    public static void Report(CliEnvironment env, RunCounts counts)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"customer-success: {counts.Read} rows read, {counts.Scored} scored, {counts.Rejected} rejected");
        if (counts.ErrorsFile is { } file)
        {
            line += $"; the rejected rows are in {file}";
        }

        env.Error.WriteLine(line + ".");
    }

    private static TextReader OpenInput(CliEnvironment env, string input)
    {
        if (input == "-")
        {
            return env.In ?? throw new UsageException("the input '-' (standard input) is not available here.");
        }

        if (Directory.Exists(input))
        {
            throw new UsageException($"the input '{input}' is a folder, not a file.");
        }

        if (!File.Exists(input))
        {
            throw new UsageException($"the input file '{input}' does not exist.");
        }

        return new StreamReader(new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    private static AtomicFile OpenErrors(string path)
    {
        var file = new AtomicFile(path);
        file.Writer.WriteLine("line,column,value,reason");
        return file;
    }

    private static void WriteError(TextWriter writer, RowError error)
    {
        writer.Write(error.Line.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        CsvText.WriteText(writer, error.Column);
        writer.Write(',');
        CsvText.WriteText(writer, error.Value);
        writer.Write(',');
        CsvText.WriteText(writer, error.Reason);
        writer.WriteLine();
    }
}
