using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Churn;
using CustomerSuccess.Data;

namespace CustomerSuccess.Cli;

/// <content>The <c>churn</c> command: a Parquet or Arrow file of churn signals, assessed one row group at a time.</content>
internal static partial class Tool
{
    private static Command ChurnCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var input = new Argument<string>("INPUT") { Description = "A Parquet (.parquet) or Arrow IPC (.arrow, .feather, .arrows) file with a column per churn signal (health_score, last_login_date, renewal_date, ...)." };
        var output = new Option<string?>("--output", "-o") { Description = "Writes the kept columns with the risk score, level, level rank and priority of every row, in the input's format, whole or not at all. Default: only the summary." };
        var keep = new Option<string[]>("--keep") { Description = "COLUMN: pass the column through to the output, before the assessment (repeatable). Default: id." };
        var map = new Option<string[]>("--map") { Description = "COLUMN=SIGNAL: read the signal SIGNAL from the column COLUMN (repeatable)." };
        var command = new Command("churn", "Assesses the churn risk of a Parquet or Arrow file of signals with the playbooks' rules, one row group or record batch at a time: prints the customers per level, and with --output writes every row's score, level and priority.");
        command.Arguments.Add(input);
        command.Options.Add(map);
        command.Options.Add(keep);
        command.Options.Add(inputs.AsOf);
        command.Options.Add(output);
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputPath = result.GetValue(input)!;
            var outputPath = result.GetValue(output);
            var format = ColumnarFormatOf(inputPath, "INPUT");
            if (outputPath is not null && ColumnarFormatOf(outputPath, "--output") != format)
            {
                throw new UsageException($"--output {Echo.Of(outputPath)}: write the input's format ({(format == ColumnarFormat.Parquet ? ".parquet" : ".arrow")}); the churn command does not convert between Parquet and Arrow.");
            }

            var asOf = ParseDate(result.GetValue(inputs.AsOf), "--as-of") ?? env.Clock.GetCurrentInstant().InUtc().Date;
            var options = new ColumnarChurnOptions
            {
                Columns = InputOptions.ParseMap(result.GetValue(map)).ToDictionary(m => m.Value, m => m.Key, StringComparer.OrdinalIgnoreCase),
                Keep = result.GetValue(keep) is { Length: > 0 } k ? k : ["id"],
                SourceName = inputPath,
            };
            var assessor = new RuleBasedChurnRiskAssessor();
            IReadOnlyDictionary<ChurnRiskLevel, long> counts;
            try
            {
                var stream = OpenColumnar(inputPath);
                await using var closeStream = stream.ConfigureAwait(false);
                InputOptions.Distinct(inputPath, "INPUT", outputPath, "--output", "give another output");

                // Without --output the assessment is written nowhere: only its counts are printed.
                using var file = outputPath is null ? null : new AtomicFile(outputPath);
                var target = file?.Stream ?? Stream.Null;
                counts = format == ColumnarFormat.Parquet
                    ? await ParquetChurn.AssessAsync(assessor, asOf, stream, target, options, cancellationToken).ConfigureAwait(false)
                    : await ArrowChurn.AssessAsync(assessor, asOf, stream, target, options, cancellationToken).ConfigureAwait(false);
                file?.Commit();
            }
            catch (ColumnarDataException e)
            {
                await env.Error.WriteLineAsync($"customer-success: {e.Message}").ConfigureAwait(false);
                return ExitCodes.BadRows;
            }
            catch (ArgumentException e)
            {
                throw new UsageException(Echo.MessageOf(e));
            }

            var invariant = CultureInfo.InvariantCulture;
            var total = counts.Values.Sum();
            env.Out.WriteLine(string.Create(invariant, $"As of: {asOf:uuuu-MM-dd}"));
            env.Out.WriteLine(string.Create(invariant, $"Customers: {total:N0}"));
            foreach (var level in Enum.GetValues<ChurnRiskLevel>().Reverse())
            {
                var share = total == 0 ? 0 : 100.0 * counts[level] / total;
                env.Out.WriteLine(string.Create(invariant, $"  {level,-12} {counts[level],12:N0}  {share,5:F1} %"));
            }

            env.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
