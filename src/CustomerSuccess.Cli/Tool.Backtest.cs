using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Fitting;
using CustomerSuccess.Health;

namespace CustomerSuccess.Cli;

/// <content>The <c>backtest</c> command.</content>
internal static partial class Tool
{
    /// <summary>The longest horizon a back-test takes: ten years of days.</summary>
    private const int MaxHorizonDays = 3660;

    private static Command BacktestCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var history = new Argument<string>("HISTORY") { Description = "The history (CSV or JSON Lines): the score command's columns, one row per account and day, with the day in 'as_of'." };
        var outcomes = new Argument<string>("OUTCOMES") { Description = "The outcomes (CSV or JSON Lines): account, outcome (churned, renewed or active) and date, one row per account." };
        var horizon = new Option<int>("--horizon") { Description = "Churn within DAYS days of a snapshot counts. Default: 90.", DefaultValueFactory = _ => AccountOutcome.DefaultHorizonDays };
        var fit = new Option<bool>("--fit") { Description = "Also fit the model's weights to the history and compare them with its own on held-out accounts." };
        var seed = new Option<int>("--seed") { Description = "The seed of the split by account for --fit. Default: 1.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "text (tables) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--output", "-o") { Description = "The output file, written whole or not at all. Default: standard output." };
        var command = new Command("backtest", "Checks a health model and the churn rules against a history: churn by band with lift, the AUC of the health and churn risk scores, each rule's lift, renewals by band against the forecast's table, retention curves, and with --fit the weights the history supports.");
        command.Arguments.Add(history);
        command.Arguments.Add(outcomes);
        command.Options.Add(inputs.Model);
        command.Options.Add(inputs.Map);
        command.Options.Add(inputs.Ignore);
        foreach (var option in new Option[] { horizon, fit, seed, format, output })
        {
            command.Options.Add(option);
        }

        inputs.AddReadingTo(command, asOf: false);
        command.SetAction((result, cancellationToken) =>
        {
            var historyPath = result.GetValue(history)!;
            var outcomesPath = result.GetValue(outcomes)!;
            var path = result.GetValue(output);
            var days = result.GetValue(horizon);
            if (days is < 1 or > MaxHorizonDays)
            {
                throw new UsageException($"--horizon must be 1 to {MaxHorizonDays} days but was {days}.");
            }

            var model = ModelResolver.Resolve(result.GetValue(inputs.Model));
            var fitting = result.GetValue(fit);
            if (fitting && model is not WeightedHealthScoreModel)
            {
                throw new UsageException($"--fit fits a weighted model's weights; the model '{model.Name}' is not a weighted sum.");
            }

            var errorsPath = BacktestErrorsPath(historyPath, outcomesPath, path, result.GetValue(inputs.Errors));
            var reading = inputs.Reading(result);
            var map = InputOptions.ParseMap(result.GetValue(inputs.Map));
            var columns = new ColumnOptions(map, result.GetValue(inputs.Ignore) ?? [], InputOptions.ParseDelimiter(result.GetValue(inputs.Delimiter)));
            var models = RunModels.Single(model);
            using var errors = new ErrorsFile(errorsPath, withFile: true);
            var reader = new RowFileReader(env, new CellReader(reading), columns, errors, result.GetValue(inputs.OnError) == "fail");
            var historyReader = new HistoryReader(reader, models, keepComponents: fitting);
            if (historyReader.Read(historyPath, outcomesPath))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var known = historyReader.Outcomes.Values.Where(o => historyReader.Accounts.Contains(o.Account)).ToList();
                var report = BacktestReport.Build(historyReader.Snapshots, known, model.Bands, days);
                var renewals = RenewalCalibration.Build(historyReader.Snapshots, known, model.Bands);
                var weights = fitting
                    ? WeightFitter.Fit((WeightedHealthScoreModel)model, historyReader.Components, known, new WeightFitOptions { HorizonDays = days, Seed = result.GetValue(seed) })
                    : null;
                var writer = new BacktestWriter(model.Name, report, renewals, weights, historyReader.Accounts.Count);
                if (path is null)
                {
                    Write(writer, result.GetValue(format)!, env.Out, env.OutIsTerminal);
                    env.Out.Flush();
                }
                else
                {
                    using var file = new AtomicFile(path);
                    Write(writer, result.GetValue(format)!, file.Writer, terminal: false);
                    file.Commit();
                }

                var unused = historyReader.Outcomes.Count - known.Count;
                if (unused > 0)
                {
                    env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customer-success: {unused} {(unused == 1 ? "outcome has" : "outcomes have")} no snapshot in the history, so {(unused == 1 ? "it is" : "they are")} not counted."));
                }
            }

            var errorsFile = errors.Written ? errors.Commit() : null;
            if (errorsFile is null && !reader.Stopped)
            {
                errors.Dispose();
                AtomicFile.RemoveEarlier(errorsPath);
            }

            foreach (var f in reader.Files)
            {
                env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"customer-success: {f.Path}: {f.Read} {(f.Read == 1 ? "row" : "rows")} read, {f.Used} used, {f.Rejected} rejected."));
            }

            if (errorsFile is not null)
            {
                env.Error.WriteLine($"customer-success: the rejected rows are in {errorsFile}.");
            }

            return Task.FromResult(reader.Files.Any(f => f.Rejected > 0) ? ExitCodes.BadRows : ExitCodes.Success);
        });
        return command;
    }

    private static void Write(BacktestWriter writer, string format, System.IO.TextWriter output, bool terminal)
    {
        if (format == "json")
        {
            writer.WriteJson(output);
        }
        else
        {
            writer.WriteText(output, terminal);
        }
    }

    /// <summary>The errors file: <c>--errors</c>, or beside the output (a file), or beside the history; never an input or the output.</summary>
    private static string BacktestErrorsPath(string history, string outcomes, string? output, string? errors) =>
        InputOptions.ErrorsPathOf([(history, "HISTORY"), (outcomes, "OUTCOMES")], output, errors, "a back-test reads two files; give each one's path.");
}
