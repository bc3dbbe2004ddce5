using System;
using System.Collections.Generic;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Data;

/// <summary>
/// How a Parquet or Arrow file of churn signals is read and written by <see cref="ParquetChurn"/> and
/// <see cref="ArrowChurn"/>: the column of each signal, the columns passed through, the output columns' names, and what
/// errors call the input.
/// </summary>
/// <remarks>
/// The signals are named as the SQL compiler names them (<see cref="CustomerSuccess.Sql.ChurnRulesSql.SignalColumns"/>,
/// and <c>annual_recurring_revenue</c> for the priority). Immutable once made (the dictionary and list given are the
/// caller's: do not change them while a read uses them); every default is ours.
/// </remarks>
public sealed record ColumnarChurnOptions
{
    /// <summary>The default options: signals read from the columns of their names where the file has them, "id" passed through, "churn_" output columns.</summary>
    public static ColumnarChurnOptions Default { get; } = new();

    /// <summary>
    /// The column of each signal, by the signal's name (ignoring case). A signal named here must have its column in the
    /// file; a signal not named here is read from the column of its name (exactly, then ignoring case) when the file has
    /// one, and is unknown for every customer when it does not.
    /// </summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The input columns copied to the output before the assessment's, in order: "id" by default. Each must exist in the input.</summary>
    public IReadOnlyList<string> Keep { get; init; } = ["id"];

    /// <summary>The prefix of the output columns (<c>score</c>, <c>level</c>, <c>level_rank</c>, <c>priority</c>): "churn_" by default, as the SQL compiler's.</summary>
    public string Prefix { get; init; } = "churn_";

    /// <summary>What error messages call the input (a file's path, say): "the input" by default.</summary>
    public string SourceName { get; init; } = "the input";

    /// <summary>How each row group or record batch is assessed across the cores; <see cref="BulkScoringOptions.Default"/> when null.</summary>
    public BulkScoringOptions? Scoring { get; init; }
}
