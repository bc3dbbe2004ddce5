using System;
using System.Collections.Generic;

namespace CustomerSuccess.Sql;

/// <summary>What a compiled health model reads and writes: the table, the column of each component, the columns passed through, and the output columns' names.</summary>
/// <remarks>Immutable once made (the dictionary and list given are the caller's: do not change them while a compile reads them); every default is ours.</remarks>
public sealed record HealthSqlOptions
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

    /// <summary>The column of each component, by the component's key (ignoring case); a component not named here is read from the column of its key.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns passed through to the output before the score's, in order: "id" by default.</summary>
    public IReadOnlyList<string> Keep { get; init; } = ["id"];

    /// <summary>The prefix of the output columns (<c>score</c>, <c>band</c>, <c>band_rank</c>, <c>coverage</c>): "health_" by default.</summary>
    public string Prefix { get; init; } = "health_";
}
