using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Data;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Cli;

/// <content>The <c>health</c> command: a Parquet or Arrow file of component scores, scored by column.</content>
internal static partial class Tool
{
    private static Command HealthCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var input = new Argument<string>("INPUT") { Description = "A Parquet (.parquet) or Arrow IPC (.arrow, .feather, .arrows) file with a column per component of the model." };
        var output = new Option<string?>("--output", "-o") { Description = "Writes the kept columns with the score, band and band rank of every row, in the input's format (.parquet or .arrow), whole or not at all. Default: only the summary." };
        var keep = new Option<string[]>("--keep") { Description = "COLUMN: pass the column through to the output, before the score (repeatable). Default: id." };
        var command = new Command("health", "Scores a Parquet or Arrow file of component scores by column, one row group or record batch at a time, as the sql command's query scores a table: prints the customers per band, and with --output writes every row's score and band.");
        command.Arguments.Add(input);
        command.Options.Add(inputs.Model);
        command.Options.Add(inputs.Map);
        command.Options.Add(keep);
        command.Options.Add(output);
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputPath = result.GetValue(input)!;
            var outputPath = result.GetValue(output);
            var format = ColumnarFormatOf(inputPath, "INPUT");
            if (outputPath is not null && ColumnarFormatOf(outputPath, "--output") != format)
            {
                throw new UsageException($"--output {Echo.Of(outputPath)}: write the input's format ({(format == ColumnarFormat.Parquet ? ".parquet" : ".arrow")}); the health command does not convert between Parquet and Arrow.");
            }

            var model = ModelResolver.Resolve(result.GetValue(inputs.Model));
            var options = new ColumnarHealthOptions
            {
                Columns = ComponentColumns(model, result.GetValue(inputs.Map)),
                Keep = result.GetValue(keep) is { Length: > 0 } k ? k : ["id"],
                SourceName = inputPath,
            };
            BandHistogram histogram;
            try
            {
                var stream = OpenColumnar(inputPath);
                await using var closeStream = stream.ConfigureAwait(false);
                if (outputPath is null)
                {
                    histogram = format == ColumnarFormat.Parquet
                        ? await ParquetHealth.CountBandsAsync(model, stream, options, cancellationToken).ConfigureAwait(false)
                        : await ArrowHealth.CountBandsAsync(model, stream, options, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    InputOptions.Distinct(inputPath, "INPUT", outputPath, "--output", "give another output");
                    using var file = new AtomicFile(outputPath);
                    histogram = format == ColumnarFormat.Parquet
                        ? await ParquetHealth.ScoreAsync(model, stream, file.Stream, options, cancellationToken).ConfigureAwait(false)
                        : await ArrowHealth.ScoreAsync(model, stream, file.Stream, options, cancellationToken).ConfigureAwait(false);
                    file.Commit();
                }
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

            WriteHistogram(env.Out, model, histogram);
            return ExitCodes.Success;
        });
        return command;
    }

    private static ColumnarFormat ColumnarFormatOf(string path, string what)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".parquet" => ColumnarFormat.Parquet,
            ".arrow" or ".feather" or ".arrows" or ".ipc" => ColumnarFormat.Arrow,
            _ => throw new UsageException($"{what} {Echo.Of(path)}: give a .parquet or .arrow file (the health command reads columns; the score command reads CSV and JSON Lines)."),
        };
    }

    private static FileStream OpenColumnar(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"INPUT {Echo.Of(path)}: no such file.");
        }
    }

    private static void WriteHistogram(TextWriter writer, IHealthScoreModel model, BandHistogram histogram)
    {
        var invariant = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(invariant, $"Model: {model.Name}"));
        writer.WriteLine(string.Create(invariant, $"Customers: {histogram.Total:N0}"));
        foreach (var band in model.Bands.Bands.OrderByDescending(b => b.Rank))
        {
            var count = histogram.CountOf(band);
            var share = histogram.Total == 0 ? 0 : 100.0 * count / histogram.Total;
            writer.WriteLine(string.Create(invariant, $"  {band.Label,-12} {count,12:N0}  {share,5:F1} %"));
        }

        writer.WriteLine(string.Create(invariant, $"  {"No score",-12} {histogram.NotScored,12:N0}"));
        writer.WriteLine(histogram.MeanScore is { } mean ? string.Create(invariant, $"Mean health: {mean:F1}") : "Mean health: none");
        writer.Flush();
    }

    private enum ColumnarFormat
    {
        Parquet,
        Arrow,
    }
}
