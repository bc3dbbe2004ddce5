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

    /// <summary>The names, after the prefix, of the query's steps and working columns, which a kept column must not take.</summary>
    private static readonly string[] WorkingColumns = ["parts", "scores", "weighted", "present", "invalid", "any_missing"];

    /// <summary>Compiles <paramref name="model"/> to a <c>SELECT</c> over <see cref="HealthSqlOptions.Table"/>.</summary>
    /// <param name="model">The model: a <see cref="WeightedHealthScoreModel"/>.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="options">The table, the columns and the output's names.</param>
    /// <returns>The query: comments naming the model, its policy and bands, then one expression per output column.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not defined.</exception>
    /// <exception cref="NotSupportedException">The model is not a weighted sum: its code cannot be compiled to SQL, so it is refused rather than compiled into something that computes another number.</exception>
    /// <exception cref="ArgumentException">A kept column is named like an output column or one of the query's working columns, or an identifier holds a NUL character.</exception>
    public static string Compile(IHealthScoreModel model, SqlDialect dialect, HealthSqlOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Internal.Guard.Defined(dialect, nameof(dialect));
        var weighted = Weighted(model);
        var outputs = OutputColumns.Select(c => options.Prefix + c).ToArray();
        var clash = options.Keep.FirstOrDefault(k => outputs.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of an output column; give HealthSqlOptions.Prefix another value.", nameof(options));
        }

        var working = WorkingColumns.Select(c => options.Prefix + c).ToArray();
        clash = options.Keep.FirstOrDefault(k => working.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of one of the query's working columns ({string.Join(", ", working)}); give HealthSqlOptions.Prefix another value.", nameof(options));
        }

        return new Compiler(weighted, dialect, options.Columns).Query(options);
    }

    /// <summary>
    /// Compiles <paramref name="model"/> to one self-contained expression per output column, to embed in a query of
    /// your own (<c>SELECT id, {Score} AS health FROM ...</c>): the same arithmetic as <see cref="Compile"/>, each
    /// expression reading the component columns directly (so the band's repeats the score's).
    /// </summary>
    /// <param name="model">The model: a <see cref="WeightedHealthScoreModel"/>.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="columns">The column of each component, by key (ignoring case); null or a key left out: the column of the key.</param>
    /// <returns>The expressions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not defined.</exception>
    /// <exception cref="NotSupportedException">The model is not a weighted sum.</exception>
    /// <exception cref="ArgumentException">A column's name holds a NUL character.</exception>
    public static HealthSqlExpressions Expressions(IHealthScoreModel model, SqlDialect dialect, IReadOnlyDictionary<string, string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Internal.Guard.Defined(dialect, nameof(dialect));
        return new Compiler(Weighted(model), dialect, columns).Inline();
    }

    private static WeightedHealthScoreModel Weighted(IHealthScoreModel model) => model as WeightedHealthScoreModel
        ?? throw new NotSupportedException(
            $"the model '{model.Name}' is a {model.GetType().Name}, not a WeightedHealthScoreModel: only a weighted sum, its missing-data policy and its bands compile to SQL; another model's code would have to be written in SQL by hand.");

    /// <summary>The model's pieces in a dialect, over the columns named for its components.</summary>
    private sealed class Compiler(WeightedHealthScoreModel model, SqlDialect dialect, IReadOnlyDictionary<string, string>? columns)
    {
        private const string Zero = "0";

        private readonly Dictionary<string, string> _columns = columns is null ? new(StringComparer.OrdinalIgnoreCase) : new(columns, StringComparer.OrdinalIgnoreCase);

        /// <summary>The query over <see cref="HealthSqlOptions.Table"/>, the kept columns first.</summary>
        public string Query(HealthSqlOptions options)
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

            sql.AppendLine($"WITH {parts} AS (");
            sql.AppendLine("  SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"    {k},");
            }

            sql.AppendLine("    -- the weighted sum of the components present, in the model's order");
            sql.AppendLine($"    {WeightedSum(Environment.NewLine + "      + ")} AS {weighted},");
            sql.AppendLine("    -- the weight of the components present");
            sql.AppendLine($"    {PresentWeight(Environment.NewLine + "      + ")} AS {present},");
            sql.AppendLine("    -- whether a value is outside [0, 100]");
            sql.AppendLine($"    {Invalid()} AS {invalid},");
            sql.AppendLine("    -- whether a component is missing");
            sql.AppendLine($"    {AnyMissing()} AS {anyMissing}");
            sql.AppendLine($"  FROM {SqlText.Table(options.Schema, options.Table, dialect)}");
            sql.AppendLine("),");

            sql.AppendLine($"{scores} AS (");
            sql.AppendLine("  SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"    {k},");
            }

            sql.AppendLine($"    {Score(weighted, present, invalid, anyMissing)} AS {score},");
            sql.AppendLine($"    {Coverage(present, invalid)} AS {coverage}");
            sql.AppendLine($"  FROM {parts}");
            sql.AppendLine(")");

            sql.AppendLine("-- a band from its lower bound less 1e-9, as the library compares");
            sql.AppendLine("SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"  {k},");
            }

            sql.AppendLine($"  {score},");
            sql.AppendLine($"  {Band(score)} AS {Id(options.Prefix + "band")},");
            sql.AppendLine($"  {BandRank(score)} AS {Id(options.Prefix + "band_rank")},");
            sql.AppendLine($"  {coverage}");
            sql.AppendLine($"FROM {scores}");
            return sql.ToString();
        }

        /// <summary>The output columns as self-contained expressions over the component columns.</summary>
        public HealthSqlExpressions Inline()
        {
            var weighted = "(" + WeightedSum(" + ") + ")";
            var present = "(" + PresentWeight(" + ") + ")";
            var score = "(" + Score(weighted, present, Invalid(), AnyMissing()) + ")";
            return new HealthSqlExpressions(score, Band(score), BandRank(score), Coverage(present, Invalid()));
        }

        private string WeightedSum(string plus) =>
            string.Join(plus, Components().Select(x => $"CASE WHEN {x.Column} BETWEEN 0 AND 100 THEN {SqlText.Double(x.Component.Weight, dialect)} * {x.Column} ELSE {Zero} END"));

        private string PresentWeight(string plus) =>
            string.Join(plus, Components().Select(x => $"CASE WHEN {x.Column} BETWEEN 0 AND 100 THEN {SqlText.Double(x.Component.Weight, dialect)} ELSE {Zero} END"));

        private string Invalid() => $"({string.Join(" OR ", Components().Select(x => $"COALESCE({x.Column} < 0 OR {x.Column} > 100, FALSE)"))})";

        private string AnyMissing() => $"({string.Join(" OR ", Components().Select(x => $"{x.Column} IS NULL"))})";

        private string Score(string weighted, string present, string invalid, string anyMissing)
        {
            var policy = model.MissingData;
            var total = SqlText.Double(model.TotalWeight, dialect);
            var floor = SqlText.Double(policy.MinimumCoverage - WeightedHealthScoreModel.CoverageTolerance, dialect);
            var divisor = policy.Handling == MissingDataHandling.TreatAsZero ? total : present;
            var noScore = $"{invalid} OR {present} <= {Zero} OR {present} / {total} < {floor}" + (policy.Handling == MissingDataHandling.Reject ? $" OR {anyMissing}" : string.Empty);
            return $"CASE WHEN {noScore} THEN NULL ELSE LEAST(GREATEST({weighted} / {divisor}, {Zero}), 100) END";
        }

        private string Coverage(string present, string invalid) => $"CASE WHEN {invalid} THEN NULL ELSE LEAST({present} / {SqlText.Double(model.TotalWeight, dialect)}, 1) END";

        private string Band(string score) => Case(score, i => SqlText.String(model.Bands.Bands[i].Label, dialect));

        private string BandRank(string score) => Case(score, i => i.ToString(CultureInfo.InvariantCulture));

        /// <summary>A CASE naming each band by <paramref name="value"/>, from the highest threshold down; NULL without a score.</summary>
        private string Case(string score, Func<int, string> value)
        {
            var thresholds = model.Bands.Thresholds;
            var text = new StringBuilder($"CASE WHEN {score} IS NULL THEN NULL");
            for (var i = thresholds.Length - 1; i > 0; i--)
            {
                text.Append($" WHEN {score} >= {SqlText.Double(thresholds[i], dialect)} THEN {value(i)}");
            }

            return text.Append($" ELSE {value(0)} END").ToString();
        }

        private IEnumerable<(HealthComponent Component, string Column)> Components() =>
            model.Components.Select(x => (x, Id(_columns.TryGetValue(x.Key, out var column) ? column : x.Key)));

        private string Id(string name) => SqlText.Identifier(name, dialect);
    }
}
