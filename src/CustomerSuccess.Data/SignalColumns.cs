using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Portfolio;
using NodaTime;

namespace CustomerSuccess.Data;

/// <summary>
/// What a columnar churn reader shares whatever the format: which input column feeds each signal, the buffers a batch's
/// signals are converted into (numbers as doubles, dates as day numbers, flags as bytes), the customers' signals built
/// from them, and the assessment of a batch with errors that name the input, the column, the batch and the row.
/// </summary>
internal sealed class SignalColumns
{
    /// <summary>A day number meaning "no date".</summary>
    public const int NoDate = int.MinValue;

    private readonly IChurnRiskAssessor _assessor;
    private readonly LocalDate _asOf;
    private readonly BulkScoringOptions _scoring;
    private readonly double[][] _numbers;
    private readonly int[][] _dates;
    private readonly sbyte[][] _flags;
    private CustomerSignals[] _signals = [];

    public SignalColumns(IChurnRiskAssessor assessor, LocalDate asOf, ColumnarChurnOptions options, IReadOnlyList<string> inputColumns, string unit)
    {
        _assessor = assessor;
        _asOf = asOf;
        Options = options;
        Unit = unit;
        _scoring = options.Scoring ?? BulkScoringOptions.Default;
        foreach (var key in options.Columns.Keys.Where(k => !Signals.Any(s => s.Name.Equals(k, StringComparison.OrdinalIgnoreCase))))
        {
            throw new ArgumentException($"the options map '{key}' to a column, but there is no such signal; the signals are {string.Join(", ", Signals.Select(s => s.Name))}.", nameof(options));
        }

        ColumnIndexes = new int[Signals.Length];
        for (var s = 0; s < Signals.Length; s++)
        {
            var name = Signals[s].Name;
            var mapped = options.Columns.TryGetValue(name, out var column);
            ColumnIndexes[s] = ComponentColumns.Find(inputColumns, mapped ? column! : name, exact: mapped);
            if (mapped && ColumnIndexes[s] < 0)
            {
                throw new ColumnarDataException(
                    $"{options.SourceName} has no column '{column}' for the signal '{name}' (it has {ComponentColumns.List(inputColumns)}).", options.SourceName, column, null, null);
            }
        }

        KeepIndexes = new int[options.Keep.Count];
        for (var k = 0; k < options.Keep.Count; k++)
        {
            KeepIndexes[k] = ComponentColumns.Find(inputColumns, options.Keep[k], exact: true);
            if (KeepIndexes[k] < 0)
            {
                throw new ColumnarDataException(
                    $"{options.SourceName} has no column '{options.Keep[k]}' to keep (it has {ComponentColumns.List(inputColumns)}); keep another, or none.", options.SourceName, options.Keep[k], null, null);
            }
        }

        string[] outputs = [ScoreName, LevelName, LevelRankName, PriorityName];
        foreach (var clash in options.Keep.Where(k => outputs.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of an output column ({string.Join(", ", outputs)}); change the options' Prefix.", nameof(options));
        }

        ColumnNames = ColumnIndexes.Select(i => i < 0 ? null : inputColumns[i]).ToArray();
        _numbers = Signals.Select(_ => Array.Empty<double>()).ToArray();
        _dates = Signals.Select(_ => Array.Empty<int>()).ToArray();
        _flags = Signals.Select(_ => Array.Empty<sbyte>()).ToArray();
    }

    /// <summary>What a signal's column holds.</summary>
    public enum Kind
    {
        /// <summary>A number (a double).</summary>
        Number,

        /// <summary>A whole number.</summary>
        Whole,

        /// <summary>A date.</summary>
        Date,

        /// <summary>A true-or-false flag.</summary>
        Flag,
    }

    /// <summary>The signals read, in the order of <see cref="CustomerSuccess.Sql.ChurnRulesSql.SignalColumns"/>, then the ARR.</summary>
    public static (string Name, Kind Kind)[] Signals { get; } =
    [
        ("health_score", Kind.Number), ("usage_change_percent", Kind.Number), ("feature_adoption_rate", Kind.Number),
        ("unresolved_high_priority_tickets", Kind.Whole), ("high_priority_tickets_last_30_days", Kind.Whole), ("open_escalations", Kind.Whole),
        ("last_contact_date", Kind.Date), ("last_login_date", Kind.Date), ("last_activity_date", Kind.Date), ("late_payments", Kind.Whole),
        ("champion_leaving", Kind.Flag), ("latest_nps_response", Kind.Whole), ("renewal_date", Kind.Date), ("annual_recurring_revenue", Kind.Number),
    ];

    public ColumnarChurnOptions Options { get; }

    public string Unit { get; }

    /// <summary>The index, among the input's columns, of each signal's column, or -1 when the input has none.</summary>
    public int[] ColumnIndexes { get; }

    /// <summary>The input column of each signal, or null.</summary>
    public string?[] ColumnNames { get; }

    /// <summary>The index, among the input's columns, of each kept column.</summary>
    public int[] KeepIndexes { get; }

    public string ScoreName => Options.Prefix + "score";

    public string LevelName => Options.Prefix + "level";

    public string LevelRankName => Options.Prefix + "level_rank";

    public string PriorityName => Options.Prefix + "priority";

    /// <summary>A date as the day number the buffers hold: days since 1970-01-01.</summary>
    public static int DayOf(DateOnly date) => date.DayNumber - Epoch;

    public double[] Numbers(int signal, int count) => _numbers[signal].Length >= count ? _numbers[signal] : _numbers[signal] = new double[count];

    public int[] Dates(int signal, int count) => _dates[signal].Length >= count ? _dates[signal] : _dates[signal] = new int[count];

    public sbyte[] Flags(int signal, int count) => _flags[signal].Length >= count ? _flags[signal] : _flags[signal] = new sbyte[count];

    /// <summary>A column of a type its signal cannot be read from.</summary>
    public ColumnarDataException WrongType(int batch, int signal, string type) =>
        new(
            $"{Options.SourceName}, {Unit} {batch}: the column '{ColumnNames[signal]}' (signal '{Signals[signal].Name}') holds {type}, not {Expected(Signals[signal].Kind)}.",
            Options.SourceName,
            ColumnNames[signal],
            batch,
            null);

    /// <summary>A kept column the writer cannot copy.</summary>
    public ColumnarDataException CannotKeep(string column, string type) =>
        new($"{Options.SourceName}: the column '{column}' holds {type}, which the output cannot copy; keep another column.", Options.SourceName, column, null, null);

    /// <summary>Builds the customers' signals of a batch whose columns have been read, and assesses them.</summary>
    public void Assess(int batch, long firstRow, int count, Span<double> scores, Span<ChurnRiskLevel> levels, Span<double> priorities)
    {
        if (_signals.Length < count)
        {
            _signals = new CustomerSignals[count];
        }

        for (var i = 0; i < count; i++)
        {
            _signals[i] = new CustomerSignals(_asOf)
            {
                HealthScore = Number(0, i),
                UsageChangePercent = Number(1, i),
                FeatureAdoptionRate = Number(2, i),
                UnresolvedHighPriorityTickets = Whole(3, i, batch, firstRow),
                HighPriorityTicketsLast30Days = Whole(4, i, batch, firstRow),
                OpenEscalations = Whole(5, i, batch, firstRow),
                LastContactDate = Date(6, i),
                LastLoginDate = Date(7, i),
                LastActivityDate = Date(8, i),
                LatePayments = Whole(9, i, batch, firstRow),
                ChampionLeaving = Flag(10, i),
                LatestNpsResponse = Whole(11, i, batch, firstRow),
                RenewalDate = Date(12, i),
                AnnualRecurringRevenue = Number(13, i) is { } arr ? Amount(arr, i, batch, firstRow) : null,
            };
        }

        try
        {
            ChurnBatch.Assess(_assessor, new ArraySegment<CustomerSignals>(_signals, 0, count), scores, levels, priorities, _scoring);
        }
        catch (ArgumentException e) when (e.ParamName == "customers")
        {
            throw new ColumnarDataException(
                string.Create(CultureInfo.InvariantCulture, $"{Options.SourceName}, {Unit} {batch} (its customer #0 is row {firstRow} of the input): {e.Message}"),
                Options.SourceName,
                null,
                batch,
                null,
                e);
        }
    }

    private static int Epoch { get; } = new DateOnly(1970, 1, 1).DayNumber;

    private static string Expected(Kind kind) => kind switch
    {
        Kind.Date => "dates",
        Kind.Flag => "true or false",
        _ => "numbers",
    };

    private double? Number(int signal, int i) =>
        ColumnIndexes[signal] < 0 || double.IsNaN(_numbers[signal][i]) ? null : _numbers[signal][i];

    private int? Whole(int signal, int i, int batch, long firstRow)
    {
        if (Number(signal, i) is not { } value)
        {
            return null;
        }

        if (value != Math.Floor(value) || value is < int.MinValue or > int.MaxValue)
        {
            throw new ColumnarDataException(
                string.Create(CultureInfo.InvariantCulture, $"{Options.SourceName}, {Unit} {batch}, row {firstRow + i}, column '{ColumnNames[signal]}': the signal '{Signals[signal].Name}' must be a whole number but was {value}."),
                Options.SourceName,
                ColumnNames[signal],
                batch,
                firstRow + i);
        }

        return (int)value;
    }

    private decimal Amount(double value, int i, int batch, long firstRow)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 7.9e28)
        {
            throw new ColumnarDataException(
                string.Create(CultureInfo.InvariantCulture, $"{Options.SourceName}, {Unit} {batch}, row {firstRow + i}, column '{ColumnNames[13]}': the ARR must be a finite amount but was {value}."),
                Options.SourceName,
                ColumnNames[13],
                batch,
                firstRow + i);
        }

        return (decimal)value;
    }

    private LocalDate? Date(int signal, int i) =>
        ColumnIndexes[signal] < 0 || _dates[signal][i] == NoDate ? null : new LocalDate(1970, 1, 1).PlusDays(_dates[signal][i]);

    private bool? Flag(int signal, int i) =>
        ColumnIndexes[signal] < 0 || _flags[signal][i] < 0 ? null : _flags[signal][i] == 1;
}
