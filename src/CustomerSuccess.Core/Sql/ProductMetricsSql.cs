using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerSuccess.Health;

namespace CustomerSuccess.Sql;

/// <summary>
/// Compiles a <see cref="ProductMetricsRubric"/> (the CS Expert playbook's SQL rubrics, or one's own steps and tiers)
/// to a SQL <c>SELECT</c> that turns raw product metrics into the component scores <c>usage</c>, <c>adoption</c>,
/// <c>support</c> and <c>engagement</c>, as <see cref="ProductMetricsRubric.ToComponentScores"/> gives them, for DuckDB,
/// PostgreSQL or Spark SQL. Its output is what <see cref="HealthModelSql"/>'s query reads: make it a view, and score the
/// view. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Where the library refuses a customer's metrics (days active outside [0, 30], a negative count, a CSAT outside
/// [1, 5]), the query gives all four components NULL, so the health query gives that customer no score.
/// </remarks>
public static class ProductMetricsSql
{
    /// <summary>The metric columns read, by name: each the <see cref="ProductMetrics"/> property of that name in snake case.</summary>
    public static IReadOnlyList<string> MetricColumns { get; } = ["days_active_last_30", "features_used", "average_csat", "support_tickets_last_30", "meetings_last_90"];

    /// <summary>The output columns, after the kept ones: the component keys of the rubric's scores.</summary>
    public static IReadOnlyList<string> OutputColumns { get; } = ["usage", "adoption", "support", "engagement"];

    /// <summary>Compiles <paramref name="rubric"/> to a <c>SELECT</c> over <see cref="ProductMetricsSqlOptions.Table"/>.</summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="options">The table, the columns and the columns kept.</param>
    /// <returns>The query: comments naming the rubrics, then one expression per component.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rubric"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not defined.</exception>
    /// <exception cref="ArgumentException">A column is mapped for a metric that does not exist, a kept column is named like a component, or an identifier holds a NUL character.</exception>
    public static string Compile(ProductMetricsRubric rubric, SqlDialect dialect, ProductMetricsSqlOptions options)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(options);
        Internal.Guard.Defined(dialect, nameof(dialect));
        var unknown = options.Columns.Keys.FirstOrDefault(k => !MetricColumns.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw new ArgumentException($"the options map '{unknown}' to a column, but there is no such metric; the metrics are {string.Join(", ", MetricColumns)}.", nameof(options));
        }

        var clash = options.Keep.FirstOrDefault(k => OutputColumns.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of an output column ({string.Join(", ", OutputColumns)}); keep it under another name.", nameof(options));
        }

        var columns = new Dictionary<string, string>(options.Columns, StringComparer.OrdinalIgnoreCase);
        string Col(string metric) => SqlText.Identifier(columns.TryGetValue(metric, out var column) ? column : metric, dialect);
        string D(double value) => SqlText.Double(value, dialect);
        var floor = rubric.Absent == AbsentMetrics.QueryFloor;
        string Absent(double otherwise) => floor ? D(otherwise) : "NULL";

        var days = Col("days_active_last_30");
        var features = Col("features_used");
        var csat = Col("average_csat");
        var tickets = Col("support_tickets_last_30");
        var meetings = Col("meetings_last_90");
        var invalid = "(" + string.Join(" OR ", new[]
        {
            $"{days} < 0 OR {days} > 30",
            $"{features} < 0",
            $"{tickets} < 0",
            $"{meetings} < 0",
            $"NOT ({csat} >= 1 AND {csat} <= 5)",
        }.Select(x => $"COALESCE({x}, FALSE)")) + ")";

        string Steps(string metric, ThresholdRubric steps) =>
            $"CASE WHEN {invalid} THEN NULL WHEN {metric} IS NULL THEN {Absent(steps.Otherwise)}"
            + string.Concat(steps.Steps.Select(s => $" WHEN {metric} >= {D(s.Minimum)} THEN {D(s.Score)}"))
            + $" ELSE {D(steps.Otherwise)} END";

        var usage = Steps(days, rubric.Usage);
        var adoption = $"CASE WHEN {invalid} OR {features} IS NULL THEN NULL ELSE LEAST(100, CAST({features} AS {SqlText.DoubleType(dialect)}) / {D(rubric.Adoption.FullScoreAt)} * 100) END";
        var support = $"CASE WHEN {invalid} THEN NULL WHEN {csat} IS NULL OR {tickets} IS NULL THEN {Absent(rubric.Support.Otherwise)}"
            + string.Concat(rubric.Support.Tiers.Select(t => $" WHEN {csat} >= {D(t.MinimumCsat)}{(t.TicketsBelow is { } below ? $" AND {tickets} < {below.ToString(CultureInfo.InvariantCulture)}" : string.Empty)} THEN {D(t.Score)}"))
            + $" ELSE {D(rubric.Support.Otherwise)} END";
        var engagement = Steps(meetings, rubric.Engagement);

        var sql = new StringBuilder();
        sql.AppendLine(SqlText.Comment($"Component scores from product metrics: usage from days active ({rubric.Usage}); adoption {rubric.Adoption}; support from CSAT and tickets; engagement from meetings ({rubric.Engagement})."));
        sql.AppendLine(SqlText.Comment(floor
            ? "Absent metrics score their rubric's lowest value (adoption stays missing), as the CS Expert playbook's query does."
            : "An absent metric gives a missing component (support needs both the CSAT and the ticket count)."));
        sql.AppendLine(SqlText.Comment("Compiled by CustomerSuccess.Core. Metrics out of their range, which the library refuses, give every component NULL."));
        sql.AppendLine("SELECT");
        foreach (var k in options.Keep)
        {
            sql.AppendLine($"  {SqlText.Identifier(k, dialect)},");
        }

        sql.AppendLine($"  {usage} AS {SqlText.Identifier("usage", dialect)},");
        sql.AppendLine($"  {adoption} AS {SqlText.Identifier("adoption", dialect)},");
        sql.AppendLine($"  {support} AS {SqlText.Identifier("support", dialect)},");
        sql.AppendLine($"  {engagement} AS {SqlText.Identifier("engagement", dialect)}");
        sql.AppendLine($"FROM {SqlText.Table(options.Schema, options.Table, dialect)}");
        return sql.ToString();
    }
}
