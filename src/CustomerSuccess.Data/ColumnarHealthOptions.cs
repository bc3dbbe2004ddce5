using System;
using System.Collections.Generic;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Data;

/// <summary>
/// How a Parquet or Arrow file is read and written by <see cref="ParquetHealth"/> and <see cref="ArrowHealth"/>: the
/// column of each component, the columns passed through to the output, the output columns' names, and what errors
/// call the input.
/// </summary>
/// <remarks>
/// The same mapping as the SQL compiler's (<see cref="CustomerSuccess.Sql.HealthSqlOptions"/>), so a team that scores
/// a file in process and a table in a warehouse names its columns once. Immutable once made (the dictionary and list
/// given are the caller's: do not change them while a read uses them); every default is ours.
/// </remarks>
public sealed record ColumnarHealthOptions
{
    /// <summary>The default options: components read from the columns named by their keys, "id" passed through, "health_" output columns.</summary>
    public static ColumnarHealthOptions Default { get; } = new();

    /// <summary>The column of each component, by the component's key (ignoring case); a component not named here is read from the column of its key (exactly, then ignoring case).</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The input columns copied to the output before the score's, in order: "id" by default. Each must exist in the input.</summary>
    public IReadOnlyList<string> Keep { get; init; } = ["id"];

    /// <summary>The prefix of the output columns (<c>score</c>, <c>band</c>, <c>band_rank</c>): "health_" by default, as the SQL compiler's.</summary>
    public string Prefix { get; init; } = "health_";

    /// <summary>What error messages call the input (a file's path, say): "the input" by default.</summary>
    public string SourceName { get; init; } = "the input";

    /// <summary>How each row group or record batch is scored across the cores; <see cref="BulkScoringOptions.Default"/> when null.</summary>
    public BulkScoringOptions? Scoring { get; init; }
}
