using System;
using System.Collections.Generic;

namespace CustomerSuccess.Sql;

/// <summary>What compiled product-metric rubrics read: the table, the column of each metric and the columns passed through.</summary>
/// <remarks>Immutable once made (the dictionary and list given are the caller's: do not change them while a compile reads them); every default is ours.</remarks>
public sealed record ProductMetricsSqlOptions
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

    /// <summary>The column of each metric, by the metric's name in <see cref="ProductMetricsSql.MetricColumns"/> (ignoring case); a metric not named here is read from the column of its name.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns passed through to the output before the component scores, in order: "id" by default.</summary>
    public IReadOnlyList<string> Keep { get; init; } = ["id"];
}
