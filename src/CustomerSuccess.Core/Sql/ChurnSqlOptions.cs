using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Sql;

/// <summary>What compiled churn rules read and write: the table, the column of each signal, the columns passed through, the as-of date and the output columns' names.</summary>
/// <remarks>Immutable once made (the dictionary and list given are the caller's: do not change them while a compile reads them); every default is ours.</remarks>
public sealed record ChurnSqlOptions
{
    /// <summary>The table to read: its name, as one identifier (quoted as given). Not empty.</summary>
    /// <exception cref="ArgumentException">Set to an empty name.</exception>
    public required string Table
    {
        get => _table;
        init => _table = SqlText.TableName(value);
    }

    private readonly string _table = string.Empty;

    /// <summary>The table's schema (or database), or null for none.</summary>
    public string? Schema { get; init; }

    /// <summary>
    /// The column of each signal, by the signal's name in <see cref="ChurnRulesSql.SignalColumns"/> (ignoring case); a
    /// signal not named here is read from the column of its name.
    /// </summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns passed through to the output before the assessment's, in order: "id" by default.</summary>
    public IReadOnlyList<string> Keep { get; init; } = ["id"];

    /// <summary>The date the customers are assessed as of, written as a date literal; null for the engine's <c>CURRENT_DATE</c>.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>The prefix of the output columns (<c>score</c>, <c>level</c>, <c>level_rank</c>, <c>factors</c>, <c>top_factor</c>): "churn_" by default.</summary>
    public string Prefix { get; init; } = "churn_";
}
