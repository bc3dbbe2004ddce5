using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerSuccess.Health;

namespace CustomerSuccess.Sql;

/// <summary>
/// Compiles a weighted health model (its weights, missing-data policy, minimum coverage and band scheme) to a SQL
/// <c>SELECT</c> over a table, for DuckDB, PostgreSQL or Spark SQL, so a warehouse scores its customers where they are
/// with the numbers the library gives: the same arithmetic in the same order, every constant cast from its exact text.
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The SQL reads one column per component, NULL where a value is missing. Where the library refuses a customer (a value
/// outside [0, 100]; a missing value under <see cref="MissingDataHandling.Reject"/>), the SQL gives it no score: a
/// query cannot throw for one row. Every identifier is quoted for the dialect and every value written as a literal of
/// its own, escaped; nothing a caller gives is spliced into the text as it is.
/// </remarks>
public static class HealthModelSql
{
    /// <summary>The output columns, after the prefix: the score, the band's label, its rank, and the coverage.</summary>
    public static IReadOnlyList<string> OutputColumns { get; } = ["score", "band", "band_rank", "coverage"];

    /// <summary>Compiles <paramref name="model"/> to a <c>SELECT</c> over <see cref="HealthSqlOptions.Table"/>.</summary>
    /// <param name="model">The model: a <see cref="WeightedHealthScoreModel"/>.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="options">The table, the columns and the output's names.</param>
    /// <returns>The query: comments naming the model, its policy and bands, then one expression per output column.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not defined.</exception>
    /// <exception cref="NotSupportedException">The model is not a weighted sum: its code cannot be compiled to SQL, so it is refused rather than compiled into something that computes another number.</exception>
    /// <exception cref="ArgumentException">A kept column is named like an output column, or an identifier holds a NUL character.</exception>
    public static string Compile(IHealthScoreModel model, SqlDialect dialect, HealthSqlOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Internal.Guard.Defined(dialect, nameof(dialect));
        if (model is not WeightedHealthScoreModel weighted)
        {
            throw new NotSupportedException(
                $"the model '{model.Name}' is a {model.GetType().Name}, not a WeightedHealthScoreModel: only a weighted sum, its missing-data policy and its bands compile to SQL; another model's code would have to be written in SQL by hand.");
        }

        var outputs = OutputColumns.Select(c => options.Prefix + c).ToArray();
        var clash = options.Keep.FirstOrDefault(k => outputs.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of an output column; give HealthSqlOptions.Prefix another value.", nameof(options));
        }

        return new Compiler(weighted, dialect, options).Query();
    }

    private sealed class Compiler(WeightedHealthScoreModel model, SqlDialect dialect, HealthSqlOptions options)
    {
        private readonly Dictionary<string, string> _columns = new(options.Columns, StringComparer.OrdinalIgnoreCase);

        public string Query()
        {
            var c = CultureInfo.InvariantCulture;
            var policy = model.MissingData;
            var sql = new StringBuilder();
            sql.AppendLine(SqlText.Comment($"Health score by the model '{model.Name}': {string.Join(", ", model.Components.Select(x => $"{x.Key} × {x.Weight.ToString("R", c)}"))}."));
            sql.AppendLine(SqlText.Comment(policy.Handling switch
            {
                MissingDataHandling.TreatAsZero => $"Missing data: a missing component counts as 0; no score below a coverage of {policy.MinimumCoverage.ToString("R", c)}.",
                MissingDataHandling.Reject => "Missing data: rejected; a customer missing a component gets no score (the library refuses it).",
                _ => $"Missing data: the weights renormalized over the components present; no score below a coverage of {policy.MinimumCoverage.ToString("R", c)}.",
            }));
            sql.AppendLine(SqlText.Comment($"Bands ({model.Bands.Name}): {string.Join(", ", model.Bands.Bands.Reverse().Select(b => b.Rank == 0 ? $"{b.Label} below" : $"{b.Label} from {b.LowerBound.ToString("R", c)}"))}."));
            sql.AppendLine(SqlText.Comment("Compiled by CustomerSuccess.Core. A value outside [0, 100], which the library refuses, gives no score."));

            var keep = options.Keep.Select(Id).ToList();
            var weighted = Id(options.Prefix + "weighted");
            var present = Id(options.Prefix + "present");
            var invalid = Id(options.Prefix + "invalid");
            var anyMissing = Id(options.Prefix + "any_missing");
            var score = Id(options.Prefix + "score");
            var coverage = Id(options.Prefix + "coverage");
            var parts = Id(options.Prefix + "parts");
            var scores = Id(options.Prefix + "scores");
            const string zero = "0";

            sql.AppendLine($"WITH {parts} AS (");
            sql.AppendLine("  SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"    {k},");
            }

            sql.AppendLine("    -- the weighted sum of the components present, in the model's order");
            sql.Append(string.Join(Environment.NewLine + "      + ", Components().Select(x => $"CASE WHEN {x.Column} BETWEEN 0 AND 100 THEN {SqlText.Double(x.Component.Weight, dialect)} * {x.Column} ELSE {zero} END")).Insert(0, "    "));
            sql.AppendLine($" AS {weighted},");
            sql.AppendLine("    -- the weight of the components present");
            sql.Append(string.Join(Environment.NewLine + "      + ", Components().Select(x => $"CASE WHEN {x.Column} BETWEEN 0 AND 100 THEN {SqlText.Double(x.Component.Weight, dialect)} ELSE {zero} END")).Insert(0, "    "));

            sql.AppendLine($" AS {present},");
            sql.AppendLine("    -- whether a value is outside [0, 100]");
            sql.AppendLine($"    ({string.Join(" OR ", Components().Select(x => $"COALESCE({x.Column} < 0 OR {x.Column} > 100, FALSE)"))}) AS {invalid},");
            sql.AppendLine("    -- whether a component is missing");
            sql.AppendLine($"    ({string.Join(" OR ", Components().Select(x => $"{x.Column} IS NULL"))}) AS {anyMissing}");
            sql.AppendLine($"  FROM {Table()}");
            sql.AppendLine("),");

            var total = SqlText.Double(model.TotalWeight, dialect);
            var floor = SqlText.Double(policy.MinimumCoverage - WeightedHealthScoreModel.CoverageTolerance, dialect);
            var divisor = policy.Handling == MissingDataHandling.TreatAsZero ? total : present;
            var noScore = $"{invalid} OR {present} <= {zero} OR {present} / {total} < {floor}" + (policy.Handling == MissingDataHandling.Reject ? $" OR {anyMissing}" : string.Empty);
            sql.AppendLine($"{scores} AS (");
            sql.AppendLine("  SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"    {k},");
            }

            sql.AppendLine($"    CASE WHEN {noScore} THEN NULL ELSE LEAST(GREATEST({weighted} / {divisor}, {zero}), 100) END AS {score},");
            sql.AppendLine($"    CASE WHEN {invalid} THEN NULL ELSE LEAST({present} / {total}, 1) END AS {coverage}");
            sql.AppendLine($"  FROM {parts}");
            sql.AppendLine(")");

            var thresholds = model.Bands.Thresholds;
            var bands = model.Bands.Bands;
            sql.AppendLine("-- a band from its lower bound less 1e-9, as the library compares");
            sql.AppendLine("SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"  {k},");
            }

            sql.AppendLine($"  {score},");
            sql.Append($"  CASE WHEN {score} IS NULL THEN NULL");
            for (var i = thresholds.Length - 1; i > 0; i--)
            {
                sql.Append($" WHEN {score} >= {SqlText.Double(thresholds[i], dialect)} THEN {SqlText.String(bands[i].Label, dialect)}");
            }

            sql.AppendLine($" ELSE {SqlText.String(bands[0].Label, dialect)} END AS {Id(options.Prefix + "band")},");
            sql.Append($"  CASE WHEN {score} IS NULL THEN NULL");
            for (var i = thresholds.Length - 1; i > 0; i--)
            {
                sql.Append(string.Create(c, $" WHEN {score} >= {SqlText.Double(thresholds[i], dialect)} THEN {i}"));
            }

            sql.AppendLine($" ELSE 0 END AS {Id(options.Prefix + "band_rank")},");
            sql.AppendLine($"  {coverage}");
            sql.AppendLine($"FROM {scores}");
            return sql.ToString();
        }

        private IEnumerable<(HealthComponent Component, string Column)> Components() =>
            model.Components.Select(x => (x, Id(_columns.TryGetValue(x.Key, out var column) ? column : x.Key)));

        private string Table() => options.Schema is { } schema ? $"{Id(schema)}.{Id(options.Table)}" : Id(options.Table);

        private string Id(string name) => SqlText.Identifier(name, dialect);
    }
}
