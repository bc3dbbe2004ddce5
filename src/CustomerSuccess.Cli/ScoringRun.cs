using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>What a run needs to read and score an input.</summary>
internal sealed record RunSettings(
    string Input,
    RunModels Models,
    LocalDate AsOf,
    ColumnOptions Columns,
    ReadingOptions Reading,
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

    /// <summary>The portfolio's currency: <c>--currency</c>, or the first one a row names; null when neither names one.</summary>
    public string? Currency { get; set; }
}

/// <summary>Where scored rows go: formatted on the threads that score them, then taken one at a time, in input order.</summary>
internal abstract class RowSink
{
    /// <summary>A formatter for one scoring thread, writing into <paramref name="text"/>; null when rows are not formatted.</summary>
    public virtual ScoreWriter? CreateFormatter(TextBuffer text) => null;

    /// <summary>
    /// Whether <see cref="Take"/> reads the scored row itself, not only its text. When false, a row's objects are let go
    /// as soon as it is formatted, so they die young instead of surviving a collection while the block waits to be written.
    /// </summary>
    public virtual bool TakesRows => true;

    /// <summary>Takes a scored row (default when <see cref="TakesRows"/> is false) and the text its thread's formatter wrote for it, in input order, on one thread.</summary>
    public abstract void Take(in ScoredRow row, ReadOnlySpan<char> text);
}

/// <summary>
/// Streams an input through parsing and scoring in blocks of records: memory stays flat whatever the input's size.
/// The calling thread cuts the input into blocks of records and hands each block on in parts; worker threads (and the
/// calling thread, while it waits) parse, score and format the parts; the calling thread then hands the rows on and
/// reports the bad ones in input order, while the workers score the next block. So reading and writing overlap with
/// scoring, and the output is the same whatever the number of cores. <c>start</c> is called once the input is open
/// and its header understood, and gives where scored rows go. Bad rows go to the errors file (or stop the run), a
/// progress line goes to standard error when a person watches it.
/// </summary>
internal static class ScoringRun
{
    /// <summary>Records per part: the unit of work a thread takes. A block smaller than this is one part.</summary>
    private const int PartSize = 512;

    /// <summary>How many rows ahead the ids' table is asked to load a row's slot, so that the access overlaps the rows between.</summary>
    private const int IdLookahead = 8;

    /// <summary>Blocks in flight, and so blocks in all: one is written (then refilled) while the next is scored.</summary>
    private const int InFlight = 2;

    /// <param name="env">Where messages go.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="start">Makes the sink, once the input's header is understood: given the output columns the input decides.</param>
    /// <param name="streamsRows">
    /// Whether the sink writes rows to standard output as they come: the errors file is then created before the first
    /// row, since output that has gone cannot be taken back; otherwise it is created at the first bad row.
    /// </param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static RunCounts Execute(CliEnvironment env, RunSettings settings, Func<ScoreColumns, RowSink> start, bool streamsRows, CancellationToken cancellationToken)
    {
        var counts = new RunCounts();
        using var input = OpenInput(env, settings.Input);
        var fields = InputField.For(settings.Models);
        using var source = RowSource.Open(settings.Input, input, fields, settings.Columns);
        var layout = new CustomerRow.Layout(fields, settings.Models);
        var job = new Job(settings, layout, new RowScorer(), new CellReader(settings.Reading));
        var checks = new RowChecks(source.CreateFieldSource().ColumnName(layout.Id));
        counts.Currency = settings.Reading.Currency;

        // Only once the input is open and its header understood does anything get written. Rows streamed to standard
        // output cannot be taken back, so such a run creates its errors file first and stops before any output if it
        // cannot; the errors file gets its header, and replaces any earlier one, only when a row is rejected.
        using var errors = new ErrorsFile(settings.ErrorsPath);
        if (streamsRows && !settings.StopAtFirstError)
        {
            errors.Open();
        }

        var sink = start(ColumnsOf(source, layout, settings));
        var blocks = new Queue<Block>();
        for (var b = 0; b < InFlight; b++)
        {
            blocks.Enqueue(new Block(source, settings.Models, sink));
        }

        using var workers = new Workers(Math.Max(1, Environment.ProcessorCount - 1), job);
        var inFlight = new Queue<Block>();
        var exhausted = false;
        var clock = Stopwatch.StartNew();
        var progressShown = false;
        var progressAt = 500L;
        try
        {
            while (!counts.Stopped)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (!exhausted && inFlight.Count < InFlight)
                {
                    var block = blocks.Dequeue();
                    if (block.Records.Fill(source.Records))
                    {
                        workers.Score(block);
                        inFlight.Enqueue(block);
                    }
                    else
                    {
                        blocks.Enqueue(block);
                        exhausted = true;
                    }
                }

                if (inFlight.Count == 0)
                {
                    break;
                }

                var done = inFlight.Dequeue();
                workers.WaitFor(done);
                for (var r = 0; r < done.Records.Count; r++)
                {
                    counts.Read++;
                    ref var result = ref done.Results[r];
                    var errorsOfRow = result.Errors ?? checks.Check(done, r, counts);
                    if (errorsOfRow is not null)
                    {
                        counts.Rejected++;
                        if (settings.StopAtFirstError)
                        {
                            counts.Stopped = true;
                            env.Error.WriteLine($"customer-success: bad row at {string.Join("; ", errorsOfRow.Select(e => e.ToString()))}; stopping (--on-error fail).");
                            break;
                        }

                        foreach (var error in errorsOfRow)
                        {
                            errors.Write(error);
                        }

                        continue;
                    }

                    sink.Take(result.Row, done.Parts[r / PartSize].Text.Slice(result.TextStart, result.TextLength));
                    counts.Scored++;
                }

                done.Clear();
                blocks.Enqueue(done);
                if (env.ErrorIsTerminal && clock.ElapsedMilliseconds > progressAt)
                {
                    progressAt = clock.ElapsedMilliseconds + 250;
                    env.Error.Write(string.Create(CultureInfo.InvariantCulture,
                        $"\r{counts.Read:N0} rows, {counts.Read / clock.Elapsed.TotalSeconds:N0} rows/s   "));
                    progressShown = true;
                }
            }

            if (errors.Written)
            {
                counts.ErrorsFile = errors.Commit();
            }
            else if (!counts.Stopped)
            {
                // A run without bad rows leaves no errors file of an earlier run beside its output to be mistaken for its own.
                errors.Dispose();
                AtomicFile.RemoveEarlier(settings.ErrorsPath);
            }
        }
        finally
        {
            if (progressShown)
            {
                env.Error.Write("\r" + new string(' ', 60) + "\r");
            }
        }

        return counts;
    }

    /// <summary>The output columns the input decides: a name, an ARR, a currency and a parent when it may give them; a profile with a profile set.</summary>
    private static ScoreColumns ColumnsOf(RowSource source, CustomerRow.Layout layout, RunSettings settings) => new(
        Name: source.Gives(layout.Name),
        Arr: source.Gives(layout.Arr),
        Currency: settings.Reading.Currency is not null || source.Gives(layout.Currency),
        DefaultCurrency: settings.Reading.Currency,
        Parent: source.Gives(layout.ParentId),
        Profile: settings.Models.Profiles is not null);

    /// <summary>
    /// What is wrong with a good row given the rows before it: an id seen before (a customer scored twice would count
    /// twice in every figure), or a currency other than the portfolio's (sums cannot mix currencies). Rows are
    /// checked in input order, on one thread.
    /// </summary>
    private sealed class RowChecks(string idColumn)
    {
        private readonly IdSet _ids = new();
        private long? _currencyLine;

        /// <summary>The problem of the good row <paramref name="r"/> of a block, or null.</summary>
        public RowError[]? Check(Block block, int r, RunCounts counts)
        {
            if (r + IdLookahead < block.Records.Count)
            {
                _ids.Prefetch(block.Results[r + IdLookahead].IdHash);
            }

            ref var result = ref block.Results[r];
            if (result.Currency is { } currency)
            {
                if (counts.Currency is null)
                {
                    counts.Currency = currency;
                    _currencyLine = result.Line;
                }
                else if (!string.Equals(currency, counts.Currency, StringComparison.Ordinal))
                {
                    var from = _currencyLine is { } line ? string.Create(CultureInfo.InvariantCulture, $"the row on line {line}") : "--currency";
                    return [new RowError(result.Line, InputField.Currency, currency,
                        $"the portfolio is in {counts.Currency} (from {from}): its sums cannot mix currencies; score each currency's rows apart")];
                }
            }

            if (!_ids.TryAdd(result.Id!, result.IdHash, result.Line, out var first))
            {
                return [new RowError(result.Line, idColumn, result.Id!, string.Create(CultureInfo.InvariantCulture,
                    $"duplicate id: the row on line {first} has it, and was scored; one row per customer"))];
            }

            return null;
        }
    }

    /// <summary>The summary line every run writes to standard error.</summary>
    public static void Report(CliEnvironment env, RunCounts counts)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"customer-success: {counts.Read} {(counts.Read == 1 ? "row" : "rows")} read, {counts.Scored} scored, {counts.Rejected} rejected");
        if (counts.ErrorsFile is { } file)
        {
            line += $"; the rejected rows are in {file}";
        }

        if (counts.Read == 0)
        {
            line += ": the input has a header but no rows";
        }

        env.Error.WriteLine(line + ".");
    }

    /// <summary>Opens an input file, or standard input for '-'; a missing file or a folder is a usage error.</summary>
    public static Stream OpenInput(CliEnvironment env, string input)
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

    /// <summary>
    /// What became of one record: its scored row, id, currency and line, and where its text is in its part's buffer;
    /// or its bad cells.
    /// </summary>
    private readonly record struct Result(ScoredRow Row, RowError[]? Errors, int TextStart, int TextLength, string? Id, int IdHash, string? Currency, long Line);

    /// <summary>What every part of a run shares: the settings, the field layout, the scorer and the cell reader.</summary>
    private sealed record Job(RunSettings Settings, CustomerRow.Layout Layout, RowScorer Scorer, CellReader Cells);

    /// <summary>A block of records in flight: its records, its parts' state and text, and what became of each record.</summary>
    private sealed class Block
    {
        private int _next;
        private int _remaining;
        private ExceptionDispatchInfo? _failure;

        public Block(RowSource source, RunModels models, RowSink sink)
        {
            Records = source.CreateBlock();
            Parts = new Part[(RecordBlock.Capacity + PartSize - 1) / PartSize];
            for (var p = 0; p < Parts.Length; p++)
            {
                Parts[p] = new Part(source.CreateFieldSource(), models, sink);
            }
        }

        public RecordBlock Records { get; }

        public Result[] Results { get; } = new Result[RecordBlock.Capacity];

        public Part[] Parts { get; }

        /// <summary>How many parts the current records make.</summary>
        public int PartCount => (Records.Count + PartSize - 1) / PartSize;

        public bool Done => Volatile.Read(ref _remaining) == 0;

        /// <summary>Makes every part of the current records available to take.</summary>
        public void Open()
        {
            _failure = null;
            _next = 0;
            Volatile.Write(ref _remaining, PartCount);
        }

        /// <summary>Takes the next part nobody has taken yet; false when all are taken.</summary>
        public bool TryTake(out int part)
        {
            part = Interlocked.Increment(ref _next) - 1;
            return part < PartCount;
        }

        /// <summary>Scores a part taken with <see cref="TryTake"/>; true when it was the block's last part to finish.</summary>
        public bool Run(int part, Job job)
        {
            try
            {
                var state = Parts[part];
                state.Text.Clear();
                for (var r = part * PartSize; r < Math.Min(Records.Count, (part + 1) * PartSize); r++)
                {
                    Results[r] = state.Score(Records, r, job);
                }
            }
            catch (Exception e)
            {
                _failure ??= ExceptionDispatchInfo.Capture(e);
            }

            return Interlocked.Decrement(ref _remaining) == 0;
        }

        /// <summary>Throws what went wrong on a scoring thread, as if it happened on this one: its own message and stack.</summary>
        public void ThrowIfFailed() => _failure?.Throw();

        /// <summary>Forgets the rows handed on, so the next records do not keep them alive.</summary>
        public void Clear() => Array.Clear(Results, 0, Records.Count);
    }

    /// <summary>One part's reusable state: its field source, component scratch, formatter and text.</summary>
    private sealed class Part(FieldSource fields, RunModels models, RowSink sink)
    {
        private readonly double[] _components = new double[models.ComponentKeys.Count];
        private readonly double[] _scratch = new double[models.MaxComponents];
        private readonly List<RowError> _errors = [];
        private ScoreWriter? _formatter;

        public TextBuffer Text { get; } = new();

        public Result Score(RecordBlock block, int index, Job job)
        {
            fields.Load(block, index);
            var settings = job.Settings;
            var row = CustomerRow.Parse(fields, job.Layout, settings.AsOf, settings.Models, job.Cells, _components, _scratch, _errors);
            if (row is null)
            {
                return new Result(default, [.. _errors], 0, 0, null, 0, null, fields.Line);
            }

            var scored = job.Scorer.Score(row);
            var start = Text.Length;
            (_formatter ??= sink.CreateFormatter(Text))?.Write(scored);
            return new Result(sink.TakesRows ? scored : default, null, start, Text.Length - start, row.Id, StringComparer.Ordinal.GetHashCode(row.Id), row.Currency, fields.Line);
        }
    }

    /// <summary>
    /// Threads that score the parts of the blocks handed to them, oldest block first. The calling thread takes parts
    /// too while it waits for a block, so no core idles while there is work.
    /// </summary>
    private sealed class Workers : IDisposable
    {
        private readonly Job _job;
        private readonly object _lock = new();
        private readonly Queue<Block> _open = new();
        private bool _stopping;

        public Workers(int count, Job job)
        {
            _job = job;
            for (var w = 0; w < count; w++)
            {
                new Thread(Work) { IsBackground = true, Name = "customer-success scoring" }.Start();
            }
        }

        /// <summary>Hands a filled block on to be scored.</summary>
        public void Score(Block block)
        {
            block.Open();
            lock (_lock)
            {
                _open.Enqueue(block);
                Monitor.PulseAll(_lock);
            }
        }

        /// <summary>Returns once every part of <paramref name="block"/> is scored, scoring parts itself meanwhile.</summary>
        public void WaitFor(Block block)
        {
            while (!block.Done)
            {
                if (TryTake(out var open, out var part))
                {
                    Finish(open, part);
                    continue;
                }

                lock (_lock)
                {
                    while (!block.Done && _open.Count == 0)
                    {
                        Monitor.Wait(_lock);
                    }
                }
            }

            block.ThrowIfFailed();
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _stopping = true;
                Monitor.PulseAll(_lock);
            }
        }

        private void Work()
        {
            while (true)
            {
                lock (_lock)
                {
                    while (!_stopping && _open.Count == 0)
                    {
                        Monitor.Wait(_lock);
                    }

                    if (_stopping)
                    {
                        return;
                    }
                }

                if (TryTake(out var block, out var part))
                {
                    Finish(block, part);
                }
            }
        }

        /// <summary>Takes a part of the oldest block that has one left.</summary>
        private bool TryTake(out Block block, out int part)
        {
            lock (_lock)
            {
                while (_open.TryPeek(out block!))
                {
                    if (block.TryTake(out part))
                    {
                        return true;
                    }

                    // Every part of the oldest block is taken: it leaves the queue, and its last part's thread says when it is done.
                    _open.Dequeue();
                }
            }

            part = -1;
            return false;
        }

        private void Finish(Block block, int part)
        {
            if (block.Run(part, _job))
            {
                lock (_lock)
                {
                    Monitor.PulseAll(_lock);
                }
            }
        }
    }
}
