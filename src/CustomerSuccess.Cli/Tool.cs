using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using NodaTime;
using Spectre.Console;

namespace CustomerSuccess.Cli;

/// <summary>The <c>customer-success</c> command line: <c>score</c>, <c>summary</c>, <c>report</c>, <c>agenda</c>, <c>backtest</c>, <c>sql</c>, <c>models</c> and <c>generate</c>.</summary>
internal static partial class Tool
{
    /// <summary>Parses and runs a command line; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        var root = Build(env);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await env.Error.WriteLineAsync($"customer-success: {error.Message}").ConfigureAwait(false);
            }

            await env.Error.WriteLineAsync("Run 'customer-success --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await env.Error.WriteLineAsync($"customer-success: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (IOException e) when (AtomicFile.IsDiskFull(e))
        {
            await env.Error.WriteLineAsync("customer-success: the disk is full; no output was committed.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await env.Error.WriteLineAsync($"customer-success: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            await env.Error.WriteLineAsync("customer-success: cancelled; no output was written.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
        catch (Exception e)
        {
            await env.Error.WriteLineAsync($"customer-success: internal error: {e}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand("Scores customer data for health, churn risk, renewals and expansion, and reports on a portfolio.");
        root.Subcommands.Add(ScoreCommand(env));
        root.Subcommands.Add(SummaryCommand(env));
        root.Subcommands.Add(ReportCommand(env));
        root.Subcommands.Add(AgendaCommand(env));
        root.Subcommands.Add(BacktestCommand(env));
        root.Subcommands.Add(SqlCommand(env));
        root.Subcommands.Add(HealthCommand(env));
        root.Subcommands.Add(ChurnCommand(env));
        root.Subcommands.Add(ModelsCommand(env));
        root.Subcommands.Add(GenerateCommand(env));
        return root;
    }

    private sealed class InputOptions
    {
        public Argument<string> Input { get; } = new("INPUT") { Description = "The CSV (header row, RFC 4180) or JSON Lines (.jsonl, .ndjson) file; '-' reads CSV from standard input." };

        public Option<string?> Model { get; } = new("--model") { Description = $"A preset name (see 'models') or the path of a JSON model file. Default: {ModelResolver.DefaultModel}." };

        public Option<string?> Profiles { get; } = new("--profiles") { Description = "The path of a JSON profile set: which model scores which customer, by its segment and lifecycle stage (instead of --model)." };

        public Option<string?> AsOf { get; } = new("--as-of") { Description = "The date to score as of (yyyy-MM-dd). Default: today in --time-zone." };

        public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "The CSV separator: a character such as ';' or '|', or 'tab'. Default: ','." };

        public Option<string[]> Ignore { get; } = new("--ignore") { Description = "COLUMN: do not read the input column COLUMN, whatever its name (repeatable)." };

        public Option<string[]> DateFormat { get; } = new("--date-format") { Description = "A .NET date format the input's dates use besides ISO dates and timestamps, such as MM/dd/yyyy (repeatable)." };

        public Option<string?> TimeZone { get; } = new("--time-zone") { Description = "The time zone (IANA id, such as Europe/Berlin) that timestamps are taken in and today is. Default: UTC." };

        public Option<string?> Culture { get; } = new("--culture") { Description = "The culture numbers and amounts are written in, such as en-US or de-DE. Default: ',' between thousands, '.' before the fraction." };

        public Option<string?> Currency { get; } = new("--currency") { Description = "The currency of the ARR column (ISO 4217, such as USD); a 'currency' column may name it instead." };

        public Option<string[]> Map { get; } = new("--map") { Description = "COLUMN=FIELD: read the input column COLUMN as the field FIELD (repeatable)." };

        public Option<string> OnError { get; } = new("--on-error") { Description = "report: score the good rows and write the bad ones to the errors file; fail: stop at the first bad row.", DefaultValueFactory = _ => "report" };

        public Option<string?> Errors { get; } = new("--errors") { Description = "Where to write the bad rows. Default: beside the output (OUTPUT.errors.csv), or beside the input when writing to standard output or a device." };

        public InputOptions()
        {
            OnError.AcceptOnlyFromAmong("report", "fail");
        }

        public void AddTo(Command command)
        {
            command.Arguments.Add(Input);
            command.Options.Add(Model);
            command.Options.Add(Profiles);
            command.Options.Add(Map);
            command.Options.Add(Ignore);
            command.Options.Add(Currency);
            AddReadingTo(command);
        }

        /// <summary>Adds the options of how cells are read and bad rows handled, for a command that reads other files than one customer file; <c>--as-of</c> with <paramref name="asOf"/>.</summary>
        public void AddReadingTo(Command command, bool asOf = true)
        {
            if (asOf)
            {
                command.Options.Add(AsOf);
            }

            command.Options.Add(Delimiter);
            command.Options.Add(DateFormat);
            command.Options.Add(TimeZone);
            command.Options.Add(Culture);
            command.Options.Add(OnError);
            command.Options.Add(Errors);
        }

        /// <summary>The as-of date: <c>--as-of</c>, or today in the time zone of <paramref name="reading"/>.</summary>
        public LocalDate AsOfDate(ParseResult result, CliEnvironment env, ReadingOptions reading) =>
            ParseDate(result.GetValue(AsOf), "--as-of") ?? env.Clock.GetCurrentInstant().InZone(reading.TimeZone).Date;

        public RunSettings Settings(ParseResult result, CliEnvironment env, string? output)
        {
            var input = result.GetValue(Input)!;
            var profiles = result.GetValue(Profiles);
            if (profiles is not null && result.GetValue(Model) is not null)
            {
                throw new UsageException("--model and --profiles: give one; a profile set names the model of each profile.");
            }

            var model = profiles is null ? RunModels.Single(ModelResolver.Resolve(result.GetValue(Model))) : ModelResolver.LoadProfiles(profiles);
            var reading = Reading(result);
            var asOf = AsOfDate(result, env, reading);
            var map = ParseMap(result.GetValue(Map));

            NotBlank(input, "INPUT");
            NotBlank(output, "--output");
            NotBlank(result.GetValue(Errors), "--errors");
            var (errors, errorsWhat) = ErrorsPath(result.GetValue(Errors), output, input);
            Distinct(input == "-" ? null : input, "the input", output, "--output", "give --output another path");
            Distinct(input == "-" ? null : input, "the input", errors, errorsWhat, "pass --errors with another path");
            Distinct(output, "--output", errors, errorsWhat, "pass --errors with another path");
            var columns = new ColumnOptions(map, result.GetValue(Ignore) ?? [], ParseDelimiter(result.GetValue(Delimiter)));
            return new RunSettings(input, model, asOf, columns, reading, result.GetValue(OnError) == "fail", errors);
        }

        /// <summary>The <c>--map</c> entries, COLUMN=FIELD each: the field each named column is read as.</summary>
        public static Dictionary<string, string> ParseMap(string[]? entries)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in entries ?? [])
            {
                var at = entry.LastIndexOf('=');
                if (at <= 0 || at == entry.Length - 1)
                {
                    throw new UsageException($"--map {entry}: give COLUMN=FIELD, for example --map \"Account ID=id\".");
                }

                map[entry[..at]] = entry[(at + 1)..].Trim();
            }

            return map;
        }

        /// <summary>
        /// The errors file: <c>--errors</c>, or beside the output, or beside the input when the output is standard
        /// output or a device (which has no folder for it); with what to call it in messages.
        /// </summary>
        public static (string Path, string What) ErrorsPath(string? errors, string? output, string input)
        {
            if (errors is not null)
            {
                return (errors, "--errors");
            }

            var beside = output is not null && !AtomicFile.IsSpecial(Path.GetFullPath(output)) ? output
                : input != "-" && !AtomicFile.IsSpecial(Path.GetFullPath(input)) ? input
                : "input";
            return (Path.ChangeExtension(beside, null) + ".errors.csv", "the default errors file");
        }

        /// <summary>
        /// The errors file of a command that reads several files (the first beside which it goes by default): each
        /// file given, none of them standard input (<paramref name="noStandardInput"/> says why), and no two of the
        /// files, the output and the errors file the same.
        /// </summary>
        public static string ErrorsPathOf(IReadOnlyList<(string Path, string What)> inputs, string? output, string? errors, string noStandardInput)
        {
            NotBlank(output, "--output");
            NotBlank(errors, "--errors");
            foreach (var (path, what) in inputs)
            {
                NotBlank(path, what);
                if (path == "-")
                {
                    throw new UsageException($"{what} -: {noStandardInput}");
                }
            }

            var (errorsPath, errorsWhat) = ErrorsPath(errors, output, inputs[0].Path);
            foreach (var (path, what) in inputs)
            {
                Distinct(path, what, output, "--output", "give --output another path");
                Distinct(path, what, errorsPath, errorsWhat, "pass --errors with another path");
            }

            for (var i = 0; i < inputs.Count; i++)
            {
                for (var j = i + 1; j < inputs.Count; j++)
                {
                    Distinct(inputs[i].Path, inputs[i].What, inputs[j].Path, inputs[j].What, "give each file once");
                }
            }

            Distinct(output, "--output", errorsPath, errorsWhat, "pass --errors with another path");
            return errorsPath;
        }

        public static char? ParseDelimiter(string? text) => text switch
        {
            null => null,
            "tab" or "\\t" or "\t" => '\t',
            [var c] when c is not '"' and not '\r' and not '\n' => c,
            _ => throw new UsageException($"--delimiter {Echo.Of(text)}: give one character other than a quote or a line break (such as ';' or '|'), or 'tab'."),
        };

        public ReadingOptions Reading(ParseResult result)
        {
            var culture = CultureInfo.InvariantCulture;
            if (result.GetValue(Culture) is { } name)
            {
                try
                {
                    culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
                }
                catch (CultureNotFoundException)
                {
                    throw new UsageException($"--culture {Echo.Of(name)}: not a culture this system knows; give a name such as en-US, de-DE or fr-FR.");
                }
            }

            var zone = DateTimeZone.Utc;
            if (result.GetValue(TimeZone) is { } zoneId)
            {
                zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
                    ?? throw new UsageException($"--time-zone {Echo.Of(zoneId)}: not a time zone; give an IANA id such as UTC, Europe/Berlin or America/New_York.");
            }

            var formats = result.GetValue(DateFormat) ?? [];
            foreach (var format in formats)
            {
                CheckDateFormat(format, culture);
            }

            var currency = result.GetValue(Currency);
            if (currency is not null && (currency.Length != 3 || currency.Any(c => c is < 'A' or > 'Z')))
            {
                throw new UsageException($"--currency {Echo.Of(currency)}: give an ISO 4217 code in capitals, such as USD or EUR.");
            }

            return new ReadingOptions(culture, formats, zone, currency);
        }

        /// <summary>Refuses a date format that does not write and read back a date (no day, month or year in it, or no format at all).</summary>
        private static void CheckDateFormat(string format, CultureInfo culture)
        {
            var sample = new DateTime(2026, 11, 18, 14, 33, 0, DateTimeKind.Unspecified);
            string written;
            try
            {
                written = sample.ToString(format, culture);
            }
            catch (FormatException)
            {
                throw new UsageException($"--date-format {Echo.Of(format)}: not a .NET date format; give one such as MM/dd/yyyy or dd.MM.yyyy.");
            }

            if (format.Length < 2 || !DateTime.TryParseExact(written, format, culture, DateTimeStyles.None, out var back) || back.Date != sample.Date)
            {
                throw new UsageException($"--date-format {Echo.Of(format)}: it does not name a day, a month and a year (18 November 2026 writes as '{Echo.Of(written)}'); give one such as MM/dd/yyyy.");
            }
        }

        public static void NotBlank(string? path, string what)
        {
            if (path is not null && string.IsNullOrWhiteSpace(path))
            {
                throw new UsageException($"{what}: give a file path; it is empty.");
            }
        }

        /// <summary>Refuses two paths that name the same file (after following links), so no run overwrites its own input or loses its errors.</summary>
        public static void Distinct(string? a, string aWhat, string? b, string bWhat, string fix)
        {
            if (a is null || b is null)
            {
                return;
            }

            var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (string.Equals(AtomicFile.Resolve(a), AtomicFile.Resolve(b), comparison))
            {
                throw new UsageException($"{aWhat} and {bWhat} are the same file ({Path.GetFileName(Path.GetFullPath(a))}); {fix}.");
            }
        }

    }

    private static Command ScoreCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var output = new Option<string?>("--output", "-o") { Description = "The output file, written whole or not at all. Default: standard output." };
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var sort = new Option<string>("--sort") { Description = "input: rows in input order; priority: the worklist's order (level, then priority), which holds every row until the end.", DefaultValueFactory = _ => "input" };
        sort.AcceptOnlyFromAmong("input", "priority");
        var command = new Command("score", "Scores every customer of INPUT: health, band, churn risk and its top factors, days to renewal, the best expansion opportunity.");
        inputs.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(sort);
        var workItems = new WorkItemOptions();
        workItems.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var path = result.GetValue(output);
            var settings = inputs.Settings(result, env, path);
            var items = workItems.Settings(result, settings.Input, path, settings.ErrorsPath, settings.AsOf);
            var byPriority = result.GetValue(sort) == "priority";
            AtomicFile? file = null;
            ScoreSink? sink = null;
            WorkItemSink? itemSink = null;
            try
            {
                var counts = ScoringRun.Execute(env, settings, columns =>
                {
                    file = path is null ? null : new AtomicFile(path);
                    sink = new ScoreSink(result.GetValue(format)!, columns, file?.Writer ?? env.Out, toTerminal: file is null && env.OutIsTerminal, byPriority);
                    return items is null ? sink : itemSink = new WorkItemSink(sink);
                }, streamsRows: path is null && !byPriority, cancellationToken);
                string? hierarchyProblem = null;
                if (!counts.Stopped)
                {
                    hierarchyProblem = sink?.Finish(settings.Models.Bands);
                    if (items is not null && itemSink is not null)
                    {
                        WorkItemRun.Finish(env, items, itemSink, settings.AsOf);
                    }

                    file?.Commit();
                }

                ScoringRun.Report(env, counts);
                return Task.FromResult(ExitCode(env, counts, hierarchyProblem));
            }
            finally
            {
                file?.Dispose();
            }
        });
        return command;
    }

    private static Command SummaryCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var format = new Option<string>("--format") { Description = "text (bar charts and tables) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("summary", "Reports on the portfolio in INPUT: customers per band and risk level, share green, mean health, revenue at risk, NPS, renewals due, and the KPI targets.");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.SetAction((result, cancellationToken) =>
        {
            var settings = inputs.Settings(result, env, output: null);
            var report = new PortfolioReport(settings.Models, settings.AsOf, settings.Reading.TimeZone);
            var counts = ScoringRun.Execute(env, settings, columns => new SummarySink(report, columns.Parent), streamsRows: false, cancellationToken);
            string? hierarchyProblem = null;
            if (!counts.Stopped)
            {
                hierarchyProblem = report.Parents().Problem;
                if (result.GetValue(format) == "json")
                {
                    report.WriteJson(env.Out, counts);
                }
                else
                {
                    report.WriteText(env.Out, env.OutIsTerminal, counts);
                }
            }

            ScoringRun.Report(env, counts);
            return Task.FromResult(ExitCode(env, counts, hierarchyProblem));
        });
        return command;
    }

    private static Command ReportCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write, whole or not at all.", Required = true };
        var command = new Command("report", "Writes one self-contained HTML page on the portfolio in INPUT: the accounts to call first, health and churn charts, renewals by month with the forecast, NPS, and the KPIs against the playbooks' targets.");
        inputs.AddTo(command);
        command.Options.Add(output);
        command.SetAction((result, cancellationToken) =>
        {
            var path = result.GetValue(output)!;
            var settings = inputs.Settings(result, env, path);
            var report = new PortfolioReport(settings.Models, settings.AsOf, settings.Reading.TimeZone, collectRenewals: true);
            var counts = ScoringRun.Execute(env, settings, _ => new SummarySink(report), streamsRows: false, cancellationToken);
            if (!counts.Stopped)
            {
                using var file = new AtomicFile(path);
                new HtmlReport(report, counts, settings.AsOf, settings.Models.Name, settings.Reading.TimeZone.Id).Write(file.Writer);
                file.Commit();
            }

            ScoringRun.Report(env, counts);
            return Task.FromResult(counts.Rejected > 0 ? ExitCodes.BadRows : ExitCodes.Success);
        });
        return command;
    }

    private static Command ModelsCommand(CliEnvironment env)
    {
        var command = new Command("models", "Lists the preset health score models with their components, weights, bands and sources.");
        command.SetAction(_ =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = env.OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = env.OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(env.Out),
                Interactive = InteractionSupport.No,
            });
            var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Model").NoWrap()).AddColumn("Components (key: weight)").AddColumn("Bands (from)").AddColumn("Source playbook");
            var c = CultureInfo.InvariantCulture;
            foreach (var model in HealthScoreModels.All)
            {
                table.AddRow(
                    Markup.Escape(model.Name),
                    Markup.Escape(string.Join(Environment.NewLine, model.Components.Select(x => $"{x.Key}: {x.Weight.ToString("0.00", c)}"))),
                    Markup.Escape(string.Join(Environment.NewLine, model.Bands.Bands.Reverse().Select(b => $"{b.Label} ({b.LowerBound.ToString("0", c)})"))),
                    ModelResolver.Sources.TryGetValue(model.Name, out var source) ? source : string.Empty);
            }

            console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command GenerateCommand(CliEnvironment env)
    {
        var count = new Option<int>("--count") { Description = "How many customers. Default: 1000.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "The random seed; the same seed and date give the same file. Default: 1.", DefaultValueFactory = _ => 1 };
        var asOf = new Option<string?>("--as-of") { Description = "The date the data is as of (yyyy-MM-dd). Default: today (UTC)." };
        var output = new Option<string?>("--output", "-o") { Description = "The output file. Default: standard output." };
        var book = new Option<string?>("--book") { Description = $"Writes a book of business for 'agenda' into the folder BOOK instead ({BookGenerator.AccountsFile}, {BookGenerator.TouchpointsFile}, {BookGenerator.StakeholdersFile}, {BookGenerator.QbrsFile}, {BookGenerator.MilestonesFile}), --count accounts." };
        var historyFolder = new Option<string?>("--history") { Description = $"Writes a history for 'backtest' into the folder HISTORY instead ({HistoryGenerator.HistoryFile}, {HistoryGenerator.OutcomesFile}): a year of monthly snapshots of --count accounts ending on --as-of, with churn planted (driven by usage most, support next)." };
        var components = new Option<string?>("--components") { Description = "Writes a Parquet (.parquet) or Arrow (.arrow) file of component scores for 'health' instead: an id and the default model's components, --count rows (5 % missing), one row group or record batch at a time." };
        var command = new Command("generate", "Writes a realistic synthetic customer file (CSV) for the default model, a book of business for the agenda, a history for the back-test, or a Parquet or Arrow file of component scores.");
        command.Options.Add(count);
        command.Options.Add(seed);
        command.Options.Add(asOf);
        command.Options.Add(output);
        command.Options.Add(book);
        command.Options.Add(historyFolder);
        command.Options.Add(components);
        command.SetAction(async (result, cancellationToken) =>
        {
            var n = result.GetValue(count);
            if (n < 0)
            {
                throw new UsageException($"--count must be 0 or more but was {n}.");
            }

            if (result.GetValue(components) is { } componentsPath)
            {
                if (result.GetValue(output) is not null || result.GetValue(book) is not null || result.GetValue(historyFolder) is not null)
                {
                    throw new UsageException("--components writes one Parquet or Arrow file; give it alone, without --output, --book or --history.");
                }

                var format = ColumnarFormatOf(componentsPath, "--components");
                var columnar = new ColumnarGenerator(result.GetValue(seed), ModelResolver.Resolve(null));
                using var target = new AtomicFile(componentsPath);
                await (format == ColumnarFormat.Parquet
                    ? columnar.WriteParquetAsync(target.Stream, n, cancellationToken)
                    : columnar.WriteArrowAsync(target.Stream, n, cancellationToken)).ConfigureAwait(false);
                target.Commit();
                return ExitCodes.Success;
            }

            var date = ParseDate(result.GetValue(asOf), "--as-of") ?? env.Clock.GetCurrentInstant().InUtc().Date;
            if (result.GetValue(historyFolder) is { } historyPath)
            {
                InputOptions.NotBlank(historyPath, "--history");
                if (result.GetValue(output) is not null || result.GetValue(book) is not null)
                {
                    throw new UsageException("--history writes a folder of files; give it alone, without --output or --book.");
                }

                new HistoryGenerator(result.GetValue(seed), date).Write(historyPath, n);
                return ExitCodes.Success;
            }

            if (result.GetValue(book) is { } folder)
            {
                InputOptions.NotBlank(folder, "--book");
                if (result.GetValue(output) is not null)
                {
                    throw new UsageException("--book writes a folder of files; --output is for the customer file. Give one of them.");
                }

                new BookGenerator(result.GetValue(seed), date).Write(folder, n);
                return ExitCodes.Success;
            }

            var generator = new SampleGenerator(result.GetValue(seed), date);
            var path = result.GetValue(output);
            if (path is null)
            {
                generator.Write(env.Out, n);
                env.Out.Flush();
                return ExitCodes.Success;
            }

            using var file = new AtomicFile(path);
            generator.Write(file.Writer, n);
            file.Commit();
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A run's exit code, after saying why its parents were not rolled up when they were not: bad rows or a hierarchy that is not one are exit 1.</summary>
    private static int ExitCode(CliEnvironment env, RunCounts counts, string? hierarchyProblem)
    {
        if (hierarchyProblem is not null)
        {
            env.Error.WriteLine($"customer-success: the parents are not rolled up: {hierarchyProblem.TrimEnd('.')}.");
        }

        return counts.Rejected > 0 || hierarchyProblem is not null ? ExitCodes.BadRows : ExitCodes.Success;
    }

    private static LocalDate? ParseDate(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return IsoDate.Parse(text) ?? throw new UsageException($"{option} {text}: not a date; give yyyy-MM-dd.");
    }

    /// <summary>
    /// The score command's rows: formatted on the scoring threads, written in input order, or, sorted by priority,
    /// held (each row's text and its worklist keys) and written in the worklist's order when the input ends.
    /// </summary>
    private sealed class ScoreSink : RowSink
    {
        private readonly string _format;
        private readonly ScoreColumns _columns;
        private readonly TextWriter _output;
        private readonly bool _toTerminal;
        private readonly List<(ChurnRiskBrief Churn, string Id, string Text)>? _held;
        private readonly bool _byPriority;

        /// <summary>The accounts and their parents, when the input has a <c>parent_id</c> column: every row is then held until the input ends.</summary>
        private readonly AccountTree? _tree;

        /// <param name="format">csv or jsonl.</param>
        /// <param name="columns">The output columns the input decides.</param>
        /// <param name="output">Where the rows go.</param>
        /// <param name="toTerminal">Whether <paramref name="output"/> is a terminal: control characters in a cell are then shown as escapes.</param>
        /// <param name="byPriority">Whether rows are written in the worklist's order rather than the input's.</param>
        public ScoreSink(string format, ScoreColumns columns, TextWriter output, bool toTerminal, bool byPriority)
        {
            _format = format;
            _columns = columns;
            _output = output;
            _toTerminal = toTerminal;
            _byPriority = byPriority;
            _held = byPriority || columns.Parent ? [] : null;
            _tree = columns.Parent ? new AccountTree() : null;
            ScoreWriter.WriteHeader(format, output, columns);
        }


        public override ScoreWriter CreateFormatter(TextBuffer text) => ScoreWriter.Create(_format, text, _columns);

        public override bool TakesRows => _held is not null;

        public override void Take(in ScoredRow row, ReadOnlySpan<char> text)
        {
            if (_held is not null)
            {
                _tree?.Add(row);
                _held.Add((row.Churn, row.Row.Id, text.ToString()));
                return;
            }

            Write(text);
        }

        /// <summary>
        /// Writes the held rows, sorted when asked (a stable sort: the worklist's order is total), each parent's with its
        /// roll-up. Returns why the parents could not be rolled up (their roll-up cells are then empty), or null.
        /// </summary>
        public string? Finish(HealthBandScheme bands)
        {
            if (_held is null)
            {
                return null;
            }

            if (_byPriority)
            {
                _held.Sort(static (x, y) => ChurnRiskBrief.CompareForWorklist(x.Churn, x.Id, y.Churn, y.Id));
            }

            string? problem = null;
            var rollUps = _tree?.RollUp(bands, out problem);
            var cells = new TextBuffer();
            foreach (var row in _held)
            {
                if (_tree is null)
                {
                    Write(row.Text);
                    continue;
                }

                cells.Clear();
                ScoreWriter.WriteRollUp(_format, cells, row.Text, rollUps?.GetValueOrDefault(row.Id));
                Write(cells.Slice(0, cells.Length));
            }

            return problem;
        }

        private void Write(ReadOnlySpan<char> text)
        {
            if (_toTerminal)
            {
                Echo.WriteToTerminal(_output, text);
            }
            else
            {
                _output.Write(text);
            }
        }
    }

    /// <summary>The summary command's rows: added to the report in input order.</summary>
    private sealed class SummarySink : RowSink
    {
        private readonly PortfolioReport _report;

        /// <summary>A sink into <paramref name="report"/>, which rolls parents up when <paramref name="trackParents"/> (the input has a <c>parent_id</c> column).</summary>
        public SummarySink(PortfolioReport report, bool trackParents = false)
        {
            _report = report;
            if (trackParents)
            {
                report.TrackParents();
            }
        }

        public override void Take(in ScoredRow row, ReadOnlySpan<char> text) => _report.Add(row);
    }
}
