using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Data;

/// <summary>
/// What a columnar reader shares whatever the format: which input column feeds each component and which are kept,
/// the buffers a batch's components are converted into, the checks of their values, and the scoring of a batch with
/// errors that name the input, the column, the batch and the row.
/// </summary>
internal sealed class ComponentColumns
{
    private readonly IHealthScoreModel _model;
    private readonly bool _rejectsMissing;
    private readonly BulkScoringOptions _scoring;
    private readonly double[][] _buffers;
    private readonly ReadOnlyMemory<double>[] _views;

    public ComponentColumns(IHealthScoreModel model, ColumnarHealthOptions options, IReadOnlyList<string> inputColumns, string unit)
    {
        _model = model;
        Options = options;
        Unit = unit;
        _scoring = options.Scoring ?? BulkScoringOptions.Default;
        _rejectsMissing = model is WeightedHealthScoreModel { MissingData.Handling: MissingDataHandling.Reject };
        var components = model.Components;
        if (components.Count == 0)
        {
            throw new ArgumentException($"model '{model.Name}' has no components; a columnar file is read one column per component.", nameof(model));
        }

        foreach (var key in options.Columns.Keys.Where(k => !components.Any(c => c.Key.Equals(k, StringComparison.OrdinalIgnoreCase))))
        {
            throw new ArgumentException(
                $"the options map '{key}' to a column, but the model '{model.Name}' has no such component; its components are {string.Join(", ", components.Select(c => c.Key))}.",
                nameof(options));
        }

        ColumnNames = new string[components.Count];
        ColumnIndexes = new int[components.Count];
        for (var c = 0; c < components.Count; c++)
        {
            var key = components[c].Key;
            var name = options.Columns.TryGetValue(key, out var mapped) ? mapped : key;
            var index = Find(inputColumns, name, exact: options.Columns.ContainsKey(key));
            if (index < 0)
            {
                throw Schema(
                    options,
                    name,
                    $"{options.SourceName} has no column '{name}' for the component '{key}' of the model '{model.Name}' (it has {List(inputColumns)}); map another with the options' Columns.");
            }

            ColumnNames[c] = inputColumns[index];
            ColumnIndexes[c] = index;
        }

        KeepIndexes = new int[options.Keep.Count];
        for (var k = 0; k < options.Keep.Count; k++)
        {
            var name = options.Keep[k];
            var index = Find(inputColumns, name, exact: true);
            if (index < 0)
            {
                throw Schema(options, name, $"{options.SourceName} has no column '{name}' to keep (it has {List(inputColumns)}); keep another, or none.");
            }

            KeepIndexes[k] = index;
        }

        var outputs = OutputNames(options.Prefix);
        foreach (var clash in options.Keep.Where(k => outputs.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of an output column ({string.Join(", ", outputs)}); change the options' Prefix.", nameof(options));
        }

        var bands = model.Bands.Bands;
        BandNames = new string[bands.Count == 0 ? 0 : bands.Max(b => b.Rank) + 1];
        foreach (var band in bands)
        {
            BandNames[band.Rank] = band.Label;
        }

        _buffers = components.Select(_ => Array.Empty<double>()).ToArray();
        _views = new ReadOnlyMemory<double>[components.Count];
    }

    public ColumnarHealthOptions Options { get; }

    /// <summary>What a batch is called in messages: "row group" or "record batch".</summary>
    public string Unit { get; }

    /// <summary>The input column of each component, in the model's order.</summary>
    public string[] ColumnNames { get; }

    /// <summary>The index, among the input's columns, of each component's column.</summary>
    public int[] ColumnIndexes { get; }

    /// <summary>The index, among the input's columns, of each kept column.</summary>
    public int[] KeepIndexes { get; }

    /// <summary>Each band's name by its rank.</summary>
    public string[] BandNames { get; }

    public string ScoreName => Options.Prefix + "score";

    public string BandName => Options.Prefix + "band";

    public string BandRankName => Options.Prefix + "band_rank";

    /// <summary>The buffer a component's values are converted into, at least <paramref name="count"/> long.</summary>
    public double[] Buffer(int component, int count)
    {
        if (_buffers[component].Length < count)
        {
            _buffers[component] = new double[count];
        }

        return _buffers[component];
    }

    /// <summary>Checks a batch's converted values and gives them as a batch.</summary>
    public ComponentBatch Batch(int batch, long firstRow, int count)
    {
        for (var c = 0; c < _buffers.Length; c++)
        {
            var values = _buffers[c].AsSpan(0, count);
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value is >= 0 and <= 100)
                {
                    continue;
                }

                if (double.IsNaN(value))
                {
                    if (_rejectsMissing)
                    {
                        throw Cell(batch, firstRow + i, c, $"the value is missing, and the model '{_model.Name}' rejects missing data.");
                    }

                    continue;
                }

                throw Cell(batch, firstRow + i, c, string.Create(CultureInfo.InvariantCulture, $"the component '{_model.Components[c].Key}' must be in [0, 100] but was {value}."));
            }

            _views[c] = _buffers[c].AsMemory(0, count);
        }

        return new ComponentBatch(this, batch, firstRow, count, _views);
    }

    /// <summary>Scores a checked batch.</summary>
    public void Score(ComponentBatch batch, Span<double> scores, Span<byte> bandRanks)
    {
        try
        {
            HealthBatch.Score(_model, batch.Columns, scores, bandRanks, _scoring);
        }
        catch (ArgumentException e) when (e.ParamName == "columns")
        {
            throw Place(batch, e);
        }
    }

    /// <summary>Counts a checked batch's bands.</summary>
    public BandHistogram CountBands(ComponentBatch batch)
    {
        try
        {
            return HealthBatch.CountBands(_model, batch.Columns, _scoring);
        }
        catch (ArgumentException e) when (e.ParamName == "columns")
        {
            throw Place(batch, e);
        }
    }

    /// <summary>Counts the bands of every batch a reader gives (none: an empty histogram of the model's bands).</summary>
    public static async Task<BandHistogram> CountBandsAsync(IHealthScoreModel model, IAsyncEnumerable<ComponentBatch> batches)
    {
        BandHistogram? histogram = null;
        await foreach (var batch in batches.ConfigureAwait(false))
        {
            var counted = batch.Owner.CountBands(batch);
            histogram = histogram is null ? counted : histogram.Merge(counted);
        }

        return histogram ?? new BandHistogram(model.Bands, new long[model.Bands.Bands.Max(b => b.Rank) + 1], 0, 0);
    }

    /// <summary>A column of a type that is not a number.</summary>
    public ColumnarDataException NotANumber(int batch, int component, string type) =>
        new(
            $"{Options.SourceName}, {Unit} {batch}: the column '{ColumnNames[component]}' (component '{_model.Components[component].Key}') holds {type}, not numbers.",
            Options.SourceName,
            ColumnNames[component],
            batch,
            null);

    /// <summary>A kept column the writer cannot copy.</summary>
    public ColumnarDataException CannotKeep(string column, string type) =>
        new($"{Options.SourceName}: the column '{column}' holds {type}, which the output cannot copy; keep another column.", Options.SourceName, column, null, null);

    /// <summary>The list of input columns, for a message.</summary>
    public static string List(IEnumerable<string> columns)
    {
        var names = columns.Select(c => $"'{c}'").ToList();
        return names.Count == 0 ? "no columns" : string.Join(", ", names);
    }

    private static string[] OutputNames(string prefix) => [prefix + "score", prefix + "band", prefix + "band_rank"];

    /// <summary>The index of a column by its name, exactly, then (unless <paramref name="exact"/>) ignoring case; -1 when none.</summary>
    public static int Find(IReadOnlyList<string> columns, string name, bool exact)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Equals(name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        if (exact)
        {
            return -1;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static ColumnarDataException Schema(ColumnarHealthOptions options, string column, string message) =>
        new(message, options.SourceName, column, null, null);

    private ColumnarDataException Cell(int batch, long row, int component, string problem) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"{Options.SourceName}, {Unit} {batch}, row {row}, column '{ColumnNames[component]}': {problem}"),
            Options.SourceName,
            ColumnNames[component],
            batch,
            row);

    private ColumnarDataException Place(ComponentBatch batch, ArgumentException e) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"{Options.SourceName}, {Unit} {batch.Index} (its customer #0 is row {batch.FirstRow} of the input): {e.Message}"),
            Options.SourceName,
            null,
            batch.Index,
            null,
            e);
}
