using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
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

/// <summary>Where scored rows go: formatted on the threads that score them, then taken one at a time, in input order.</summary>
internal abstract class RowSink
{
    /// <summary>A formatter for one scoring thread, writing into <paramref name="text"/>; null when rows are not formatted.</summary>
    public virtual ScoreWriter? CreateFormatter(TextBuffer text) => null;

    /// <summary>Takes a scored row and the text its thread's formatter wrote for it, in input order, on one thread.</summary>
    public abstract void Take(in ScoredRow row, ReadOnlySpan<char> text);
}

/// <summary>
/// Streams an input through parsing and scoring in blocks of records: memory stays flat whatever the input's size.
/// Each block is cut into records on one thread, parsed, scored and formatted on every core, then handed on (and its
/// bad rows reported) in input order. <c>start</c> is called once the input is open and its header understood, and
/// gives where scored rows go. Bad rows go to the errors file (or stop the run), a progress line goes to standard error
/// when a person watches it.
/// </summary>
internal static class ScoringRun
{
    /// <summary>Below this many records a block is scored on the calling thread alone.</summary>
    private const int ParallelFrom = 512;

    public static RunCounts Execute(CliEnvironment env, RunSettings settings, Func<RowSink> start, CancellationToken cancellationToken)
    {
        var counts = new RunCounts();
        using var input = OpenInput(env, settings.Input);
        var fields = InputField.For(settings.Model);
        var source = RowSource.Open(settings.Input, input, fields, settings.Map);
        var layout = new CustomerRow.Layout(fields, settings.Model);
        var scorer = new RowScorer();

        // Only once the input is open and its header understood does anything get written.
        var sink = start();
        var workers = new Worker[Math.Max(1, Environment.ProcessorCount)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = new Worker(source.CreateFieldSource(), settings.Model.Components.Count, sink);
        }

        var block = new RecordBlock();
        var results = new Result[RecordBlock.Capacity];
        AtomicFile? errors = null;
        var clock = Stopwatch.StartNew();
        var progressShown = false;
        var progressAt = 500L;
        try
        {
            while (!counts.Stopped && block.Fill(source.Records))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = block.Count;
                var parts = n < ParallelFrom ? 1 : workers.Length;
                var size = (n + parts - 1) / parts;
                void Run(int p)
                {
                    var worker = workers[p];
                    worker.Text.Clear();
                    for (var r = p * size; r < Math.Min(n, (p + 1) * size); r++)
                    {
                        results[r] = worker.Score(block, r, layout, settings, scorer);
                    }
                }

                if (parts == 1)
                {
                    Run(0);
                }
                else
                {
                    try
                    {
                        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, Run);
                    }
                    catch (AggregateException e)
                    {
                        // Report a failure as if it happened on this thread: its own message, not "one or more errors".
                        ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                        throw;
                    }
                }

                for (var r = 0; r < n; r++)
                {
                    counts.Read++;
                    var result = results[r];
                    results[r] = default;
                    if (result.Error is { } error)
                    {
                        counts.Rejected++;
                        if (settings.StopAtFirstError)
                        {
                            counts.Stopped = true;
                            env.Error.WriteLine($"customer-success: bad row at {error}; stopping (--on-error fail).");
                            break;
                        }

                        errors ??= OpenErrors(settings.ErrorsPath);
                        WriteError(errors.Writer, error);
                        continue;
                    }

                    sink.Take(result.Row, workers[r / size].Text.Slice(result.TextStart, result.TextLength));
                    counts.Scored++;
                }

                if (env.ErrorIsTerminal && clock.ElapsedMilliseconds > progressAt)
                {
                    progressAt = clock.ElapsedMilliseconds + 250;
                    env.Error.Write(string.Create(CultureInfo.InvariantCulture,
                        $"\r{counts.Read:N0} rows, {counts.Read / clock.Elapsed.TotalSeconds:N0} rows/s   "));
                    progressShown = true;
                }
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

    private static Stream OpenInput(CliEnvironment env, string input)
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

        return new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
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

    /// <summary>What became of one record: its scored row and where its text is in its thread's buffer, or its error.</summary>
    private readonly record struct Result(ScoredRow Row, RowError? Error, int TextStart, int TextLength);

    /// <summary>One scoring thread's reusable state.</summary>
    private sealed class Worker(FieldSource fields, int components, RowSink sink)
    {
        private readonly double[] _components = new double[components];
        private ScoreWriter? _formatter;

        public TextBuffer Text { get; } = new();

        public Result Score(RecordBlock block, int index, CustomerRow.Layout layout, RunSettings settings, RowScorer scorer)
        {
            fields.Load(block.Record(index), block.Line(index));
            var row = CustomerRow.Parse(fields, layout, settings.AsOf, settings.Model, RowScorer.Catalog, _components, out var error);
            if (row is null)
            {
                return new Result(default, error, 0, 0);
            }

            var scored = scorer.Score(row);
            var start = Text.Length;
            (_formatter ??= sink.CreateFormatter(Text))?.Write(scored);
            return new Result(scored, null, start, Text.Length - start);
        }
    }
}
