using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Churn;
using CustomerSuccess.Fitting;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// Reads a back-test's two files: the outcomes (one row per account: how its history ends), then the history (one row
/// per account and day, the score command's columns and an <c>as_of</c> date), each history row scored as of its own
/// date with the run's model and the churn rules. A row that cannot be labelled (no outcome, a date on or after its
/// account churned or after its history ends, a second snapshot of a day) is a bad row, so that what the library is
/// given never makes it throw.
/// </summary>
internal sealed class HistoryReader(RowFileReader reader, RunModels models, bool keepComponents)
{
    private const string Account = "account";

    private static readonly InputField[] OutcomeFields =
    [
        new(Account, FieldKind.Text, 0, 0, "the account's id (required)"),
        new("outcome", FieldKind.Text, 0, 0, "how its history ends: churned, renewed or active (required)"),
        new("date", FieldKind.Date, 0, 0, "when: the churn, the renewal, or the history's last day (required)"),
    ];

    private static readonly (string Name, OutcomeKind Kind)[] Kinds = [("churned", OutcomeKind.Churned), ("renewed", OutcomeKind.Renewed), ("active", OutcomeKind.Active)];

    private readonly RuleBasedChurnRiskAssessor _assessor = new();
    private readonly Dictionary<string, long> _outcomeLines = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, LocalDate), long> _snapshotLines = [];
    private string _outcomesFile = "the outcomes";

    /// <summary>Each account's outcome, from the outcomes file's good rows.</summary>
    public Dictionary<string, AccountOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>The history's good rows as snapshots: health score, churn risk score and fired rules.</summary>
    public List<BacktestSnapshot> Snapshots { get; } = [];

    /// <summary>The history's good rows' component scores (in the model's order), when kept for a fit.</summary>
    public List<ComponentSnapshot> Components { get; } = [];

    /// <summary>The accounts with a snapshot.</summary>
    public HashSet<string> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the outcomes, then the history; false when a bad row stopped the run.</summary>
    public bool Read(string history, string outcomes)
    {
        _outcomesFile = Path.GetFileName(outcomes);
        if (!reader.Read(outcomes, OutcomeFields, Account, ReadOutcome))
        {
            return false;
        }

        var fields = InputField.For(models, history: true);
        var layout = new CustomerRow.Layout(fields, models);
        var components = new double[models.ComponentKeys.Count];
        var scratch = new double[models.MaxComponents];
        return reader.Read(history, fields, InputField.Id, (row, errors) => ReadSnapshot(row, errors, layout, components, scratch));
    }

    private void ReadOutcome(FieldSource row, FieldParser cells)
    {
        var id = cells.Required(0, "the account's id");
        var kindText = cells.Required(1, "the outcome");
        var date = cells.Date(2);
        if (date is null && !row.TryGet(2, out _))
        {
            cells.Fail(2, "the date is required: when the account churned or renewed, or the history's last day");
        }

        OutcomeKind? kind = null;
        foreach (var (name, value) in Kinds)
        {
            if (string.Equals(kindText, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = value;
            }
        }

        if (kindText is not null && kind is null)
        {
            cells.Fail(1, "not an outcome; give churned, renewed or active");
        }

        if (id is not null && _outcomeLines.TryGetValue(id, out var first))
        {
            cells.Fail(0, string.Create(CultureInfo.InvariantCulture, $"a second outcome for this account: the row on line {first} has one; one row per account"));
        }

        if (id is not null)
        {
            _outcomeLines.TryAdd(id, row.Line);
        }

        if (!cells.Failed)
        {
            Outcomes[id!] = new AccountOutcome(id!, kind!.Value, date!.Value);
        }
    }

    private void ReadSnapshot(FieldSource row, List<RowError> errors, CustomerRow.Layout layout, double[] components, double[] scratch)
    {
        // The run's as-of date is unused: each history row gives its own, or is a bad row.
        var parsed = CustomerRow.Parse(row, layout, LocalDate.MaxIsoValue, models, reader.Cells, components, scratch, errors);
        if (parsed is null)
        {
            return;
        }

        var day = parsed.Signals.AsOf;
        if (!Outcomes.TryGetValue(parsed.Id, out var outcome))
        {
            errors.Add(new RowError(row.Line, row.ColumnName(layout.Id), parsed.Id, _outcomeLines.ContainsKey(parsed.Id)
                ? $"the account's row in {_outcomesFile} is rejected (see its errors); this snapshot cannot be labelled"
                : $"no outcome for this account in {_outcomesFile}; every account of the history needs one"));
            return;
        }

        var problem = outcome.ProblemWith(day);
        if (problem is null && _snapshotLines.TryGetValue((parsed.Id, day), out var first))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"a second snapshot of this account on this day: the row on line {first} has one; one row per account and day");
        }

        if (problem is not null)
        {
            errors.Add(new RowError(row.Line, row.ColumnName(layout.AsOf), row.Text(layout.AsOf), problem));
            return;
        }

        _snapshotLines[(parsed.Id, day)] = row.Line;
        Accounts.Add(parsed.Id);
        Snapshots.Add(BacktestSnapshot.From(parsed.Id, parsed.Health, _assessor.Assess(parsed.Signals)));
        if (keepComponents)
        {
            Components.Add(new ComponentSnapshot(parsed.Id, day, (double[])components.Clone()));
        }
    }
}
