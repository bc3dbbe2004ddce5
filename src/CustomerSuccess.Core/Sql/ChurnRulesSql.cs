using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerSuccess.Churn;

namespace CustomerSuccess.Sql;

/// <summary>
/// Compiles the rule-based churn assessor (its enabled built-in rules with their thresholds, the severities' risks, the
/// health weight and the level policy) to a SQL <c>SELECT</c> over a table of signals, for DuckDB, PostgreSQL or Spark
/// SQL: each customer's risk score, level, number of factors fired and most severe factor, as
/// <see cref="RuleBasedChurnRiskAssessor.AssessBrief"/> gives them. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The SQL reads one column per signal (<see cref="SignalColumns"/>; dates as DATE, the champion flag as BOOLEAN, the
/// adoption rate in [0, 1]), NULL where a signal is unknown, and multiplies the factors' risks in the library's order
/// (most severe first), every constant cast from its exact text, so the score is the library's double and the level its
/// level. Where the library refuses a customer (a signal out of its range, a date after the as-of date), the SQL gives
/// it no assessment (NULL): a query cannot throw for one row.
/// </para>
/// <para>
/// Compiled: the built-in rules and the level policies <see cref="ChurnLevelPolicies"/> names, a
/// <see cref="RiskQueryLevelPolicy"/>, <see cref="HealthBandLevelPolicy"/> or <see cref="RiskScoreLevelPolicy"/> with
/// their own cut-offs, and a <see cref="HighestLevelPolicy"/> of those. Refused with a <see cref="NotSupportedException"/>
/// that says why: an additional rule or a level policy of your own, whose code SQL cannot run.
/// </para>
/// </remarks>
public static class ChurnRulesSql
{
    /// <summary>The signal columns read, by name: each the <see cref="CustomerSignals"/> property of that name in snake case.</summary>
    public static IReadOnlyList<string> SignalColumns { get; } =
    [
        "health_score", "usage_change_percent", "feature_adoption_rate", "unresolved_high_priority_tickets",
        "high_priority_tickets_last_30_days", "open_escalations", "last_contact_date", "last_login_date",
        "last_activity_date", "late_payments", "champion_leaving", "latest_nps_response", "renewal_date",
    ];

    /// <summary>The output columns, after the prefix: the risk score, the level's name, its rank (0 Low to 3 Critical), the factors fired and the most severe one's rule id.</summary>
    public static IReadOnlyList<string> OutputColumns { get; } = ["score", "level", "level_rank", "factors", "top_factor"];

    /// <summary>Compiles <paramref name="assessor"/> to a <c>SELECT</c> over <see cref="ChurnSqlOptions.Table"/>.</summary>
    /// <param name="assessor">The assessor, with the options it was built from.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="options">The table, the columns, the as-of date and the output's names.</param>
    /// <returns>The query: comments naming the rules and the level policy, then one expression per output column.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessor"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not defined.</exception>
    /// <exception cref="NotSupportedException">The assessor has an additional rule, or a level policy the compiler does not know: its code cannot be compiled to SQL.</exception>
    /// <exception cref="ArgumentException">A column is mapped for a signal that does not exist, a kept column is named like an output or working column, or an identifier holds a NUL character.</exception>
    public static string Compile(RuleBasedChurnRiskAssessor assessor, SqlDialect dialect, ChurnSqlOptions options)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(options);
        Internal.Guard.Defined(dialect, nameof(dialect));
        var unknown = options.Columns.Keys.FirstOrDefault(k => !SignalColumns.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw new ArgumentException($"the options map '{unknown}' to a column, but there is no such signal; the signals are {string.Join(", ", SignalColumns)}.", nameof(options));
        }

        var outputs = OutputColumns.Select(c => options.Prefix + c).ToArray();
        var clash = options.Keep.FirstOrDefault(k => outputs.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of an output column; give ChurnSqlOptions.Prefix another value.", nameof(options));
        }

        var working = new[] { "parts", "scores", "invalid" }.Select(c => options.Prefix + c).ToArray();
        clash = options.Keep.FirstOrDefault(k => working.Contains(k, StringComparer.OrdinalIgnoreCase)
            || (k.StartsWith(options.Prefix + "fired_", StringComparison.OrdinalIgnoreCase) && k.Length > options.Prefix.Length + 6));
        if (clash is not null)
        {
            throw new ArgumentException($"the kept column '{clash}' has the name of one of the query's working columns ({string.Join(", ", working)}, {options.Prefix}fired_N); give ChurnSqlOptions.Prefix another value.", nameof(options));
        }

        return new Compiler(assessor, dialect, options).Query();
    }

    private sealed class Compiler
    {
        private static readonly string[] LevelNames = [.. Enum.GetNames<ChurnRiskLevel>()];
        private readonly ChurnRiskOptions _o;
        private readonly SqlDialect _dialect;
        private readonly ChurnSqlOptions _options;
        private readonly Dictionary<string, string> _columns;
        private readonly (string Id, ChurnSeverity Severity, string Condition)[] _rules;
        private readonly string _asOf;

        public Compiler(RuleBasedChurnRiskAssessor assessor, SqlDialect dialect, ChurnSqlOptions options)
        {
            _o = assessor.Calculator.Options;
            _dialect = dialect;
            _options = options;
            _columns = new Dictionary<string, string>(options.Columns, StringComparer.OrdinalIgnoreCase);
            _asOf = options.AsOf is { } asOf ? $"DATE '{asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}'" : "CURRENT_DATE";
            _rules = [.. assessor.Rules.Select(Rule)];
        }

        public string Query()
        {
            var c = CultureInfo.InvariantCulture;
            var p = _options.Prefix;
            var sql = new StringBuilder();
            sql.AppendLine(SqlText.Comment($"Churn risk by the rule-based assessor: {_rules.Length} rules ({string.Join(", ", _rules.Select(r => r.Id))}); level policy '{_o.LevelPolicy.Name}'."));
            sql.AppendLine(SqlText.Comment($"risk = 1 - (1 - h) x product of (1 - r) over the factors fired, h = {_o.HealthWeight.ToString("R", c)} x (100 - health) / 100; r = {_o.LowFactorRisk.ToString("R", c)} low, {_o.MediumFactorRisk.ToString("R", c)} medium, {_o.HighFactorRisk.ToString("R", c)} high, {_o.CriticalFactorRisk.ToString("R", c)} critical."));
            sql.AppendLine(SqlText.Comment($"As of {(_options.AsOf is { } d ? d.ToString("uuuu-MM-dd", c) : "the engine's CURRENT_DATE")}. Compiled by CustomerSuccess.Core. A signal out of its range, which the library refuses, gives no assessment."));

            var keep = _options.Keep.Select(Id).ToList();
            var parts = Id(p + "parts");
            var scores = Id(p + "scores");
            var invalid = Id(p + "invalid");
            var score = Id(p + "score");
            var rank = Id(p + "level_rank");
            var fired = _rules.Select((_, i) => Id(p + "fired_" + i.ToString(c))).ToArray();

            sql.AppendLine($"WITH {parts} AS (");
            sql.AppendLine("  SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"    {k},");
            }

            // the signals the level policy reads again, unless kept already
            foreach (var signal in new[] { "health_score", "renewal_date", "last_activity_date", "high_priority_tickets_last_30_days" }.Select(Col).Where(x => !keep.Contains(x, StringComparer.Ordinal)))
            {
                sql.AppendLine($"    {signal},");
            }

            for (var i = 0; i < _rules.Length; i++)
            {
                sql.AppendLine($"    -- {_rules[i].Id} ({_rules[i].Severity.ToString().ToLowerInvariant()})");
                sql.AppendLine($"    COALESCE({_rules[i].Condition}, FALSE) AS {fired[i]},");
            }

            sql.AppendLine("    -- whether a signal is out of its range");
            sql.AppendLine($"    {Invalid()} AS {invalid}");
            sql.AppendLine($"  FROM {SqlText.Table(_options.Schema, _options.Table, _dialect)}");
            sql.AppendLine("),");

            sql.AppendLine($"{scores} AS (");
            sql.AppendLine("  SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"    {k},");
            }

            sql.AppendLine("    -- the factors most severe first, as the library multiplies them");
            sql.AppendLine($"    CASE WHEN {invalid} THEN NULL ELSE {Score(fired)} END AS {score},");
            sql.AppendLine($"    CASE WHEN {invalid} THEN NULL ELSE {string.Join(" + ", fired.Select(f => $"CASE WHEN {f} THEN 1 ELSE 0 END"))} END AS {Id(p + "factors")},");
            sql.AppendLine($"    CASE WHEN {invalid} THEN NULL {TopFactor(fired)} END AS {Id(p + "top_factor")},");
            sql.AppendLine($"    CASE WHEN {invalid} THEN NULL ELSE {Level(_o.LevelPolicy, fired, Score(fired))} END AS {rank}");
            sql.AppendLine($"  FROM {parts}");
            sql.AppendLine(")");
            sql.AppendLine("SELECT");
            foreach (var k in keep)
            {
                sql.AppendLine($"  {k},");
            }

            sql.AppendLine($"  {score},");
            sql.AppendLine($"  CASE {rank} {string.Join(" ", LevelNames.Select((n, i) => $"WHEN {i.ToString(c)} THEN {SqlText.String(n, _dialect)}"))} END AS {Id(p + "level")},");
            sql.AppendLine($"  {rank},");
            sql.AppendLine($"  {Id(p + "factors")},");
            sql.AppendLine($"  {Id(p + "top_factor")}");
            sql.AppendLine($"FROM {scores}");
            return sql.ToString();
        }

        /// <summary>The built-in rule's condition, NULL (not fired) where its signal is unknown.</summary>
        private (string, ChurnSeverity, string) Rule(IChurnRiskRule rule)
        {
            var condition = rule is not SignalRule ? null : rule.Id switch
            {
                ChurnRuleIds.UsageDecline => $"-{Col("usage_change_percent")} > {D(_o.UsageDeclinePercent)}",
                ChurnRuleIds.SevereUsageDecline => $"-{Col("usage_change_percent")} > {D(_o.SevereUsageDeclinePercent)}",
                ChurnRuleIds.LowAdoption => $"{Col("feature_adoption_rate")} < {D(_o.MinimumAdoptionRate)}",
                ChurnRuleIds.UnresolvedHighPriorityTickets => $"{Col("unresolved_high_priority_tickets")} > {I(_o.MaxUnresolvedHighPriorityTickets)}",
                ChurnRuleIds.HighPriorityTicketSpike => $"{Col("high_priority_tickets_last_30_days")} > {I(_o.MaxHighPriorityTicketsLast30Days)}",
                ChurnRuleIds.NoRecentContact => $"{Days(Col("last_contact_date"), _asOf)} > {I(_o.MaxDaysWithoutContact)}",
                ChurnRuleIds.LatePayment => $"{Col("late_payments")} > {I(_o.MaxLatePayments)}",
                ChurnRuleIds.NoRecentLogin => $"{Days(Col("last_login_date"), _asOf)} >= {I(_o.DaysWithoutLogin)}",
                ChurnRuleIds.Inactivity => $"{Days(Col("last_activity_date"), _asOf)} > {I(_o.MaxDaysInactive)}",
                ChurnRuleIds.SupportEscalation => $"{Col("open_escalations")} > {I(_o.MaxOpenEscalations)}",
                ChurnRuleIds.ChampionLeaving => $"{Col("champion_leaving")} = TRUE",
                ChurnRuleIds.NegativeFeedback => $"{Col("latest_nps_response")} <= {I(_o.NegativeFeedbackMaximum)}",
                ChurnRuleIds.RenewalAtRisk => $"({Col("health_score")} < {D(_o.RenewalHealthThreshold)} AND {Days(_asOf, Col("renewal_date"))} < {I(_o.RenewalWindowDays)})",
                _ => null,
            };
            var severity = rule is SignalRule signal ? signal.Severity : default;
            return (rule.Id, severity, condition ?? throw new NotSupportedException(
                $"the rule '{rule.Id}' is an additional rule ({rule.GetType().Name}): only the built-in rules compile to SQL; disable it, or write its condition in SQL by hand."));
        }

        private string Invalid()
        {
            var max = D(double.MaxValue);
            var checks = new List<string>
            {
                $"NOT ({Col("usage_change_percent")} >= {D(-100)} AND {Col("usage_change_percent")} <= {max})",
                $"NOT ({Col("feature_adoption_rate")} >= 0 AND {Col("feature_adoption_rate")} <= 1)",
                $"NOT ({Col("health_score")} >= 0 AND {Col("health_score")} <= 100)",
                $"{Col("latest_nps_response")} < 0 OR {Col("latest_nps_response")} > 10",
            };
            checks.AddRange(new[] { "unresolved_high_priority_tickets", "high_priority_tickets_last_30_days", "open_escalations", "late_payments" }.Select(n => $"{Col(n)} < 0"));
            checks.AddRange(new[] { "last_contact_date", "last_login_date", "last_activity_date" }.Select(n => $"{Col(n)} > {_asOf}"));
            return "(" + string.Join(" OR ", checks.Select(x => $"COALESCE({x}, FALSE)")) + ")";
        }

        /// <summary>100 × (1 − safe), clamped, the factors multiplied most severe first (rule order within a severity).</summary>
        private string Score(string[] fired)
        {
            var health = Col("health_score");
            var safe = new StringBuilder($"(1 - CASE WHEN {health} IS NULL THEN 0 ELSE {D(_o.HealthWeight)} * (100 - {health}) / 100 END)");
            foreach (var (i, severity) in BySeverity())
            {
                safe.Append($" * CASE WHEN {fired[i]} THEN {D(1 - Risk(severity))} ELSE 1 END");
            }

            return $"LEAST(GREATEST(100 * (1 - {safe}), 0), 100)";
        }

        private string TopFactor(string[] fired) =>
            string.Concat(BySeverity().Select(x => $"WHEN {fired[x.Index]} THEN {SqlText.String(_rules[x.Index].Id, _dialect)} ")) + "ELSE NULL";

        private IEnumerable<(int Index, ChurnSeverity Severity)> BySeverity()
        {
            for (var severity = ChurnSeverity.Critical; severity >= ChurnSeverity.Low; severity--)
            {
                for (var i = 0; i < _rules.Length; i++)
                {
                    if (_rules[i].Severity == severity)
                    {
                        yield return (i, severity);
                    }
                }
            }
        }

        private string AnyFired(string[] fired, ChurnSeverity severity)
        {
            var of = BySeverity().Where(x => x.Severity == severity).Select(x => fired[x.Index]).ToList();
            return of.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", of) + ")";
        }

        /// <summary>The level policy's level rank, for a policy the compiler knows.</summary>
        private string Level(IChurnLevelPolicy policy, string[] fired, string score)
        {
            var health = Col("health_score");
            return policy switch
            {
                MostSevereFactorLevelPolicy =>
                    $"CASE WHEN {AnyFired(fired, ChurnSeverity.Critical)} THEN 3 WHEN {AnyFired(fired, ChurnSeverity.High)} THEN 2 WHEN {AnyFired(fired, ChurnSeverity.Medium)} THEN 1 ELSE 0 END",
                RiskQueryLevelPolicy q =>
                    $"CASE WHEN {health} < {D(q.HealthBelow)} AND {Days(_asOf, Col("renewal_date"))} < {I(q.RenewalWindowDays)} THEN 2"
                    + $" WHEN {Days(Col("last_activity_date"), _asOf)} > {I(q.InactiveDaysOver)} AND {Days(Col("last_activity_date"), _asOf)} <= {I(q.ActivityLookbackDays)} THEN 1"
                    + $" WHEN {Col("high_priority_tickets_last_30_days")} > {I(q.HighPriorityTicketsOver)} THEN 1 ELSE 0 END",
                HealthBandLevelPolicy b =>
                    $"CASE WHEN {health} IS NULL THEN 0 WHEN {health} < {D(b.HighBelow)} THEN 2 WHEN {health} < {D(b.MediumBelow)} THEN 1 ELSE 0 END",
                RiskScoreLevelPolicy r =>
                    $"GREATEST(CASE WHEN {score} >= {D(r.CriticalAt)} THEN 3 WHEN {score} >= {D(r.HighAt)} THEN 2 WHEN {score} >= {D(r.MediumAt)} THEN 1 ELSE 0 END, CASE WHEN {AnyFired(fired, ChurnSeverity.Critical)} THEN 2 ELSE 0 END)",
                HighestLevelPolicy h => h.Policies.Count == 1
                    ? Level(h.Policies[0], fired, score)
                    : "GREATEST(" + string.Join(", ", h.Policies.Select(x => Level(x, fired, score))) + ")",
                _ => throw new NotSupportedException(
                    $"the level policy '{policy.Name}' is a {policy.GetType().Name}, whose code SQL cannot run: the compiler knows the policies ChurnLevelPolicies names, RiskQueryLevelPolicy, HealthBandLevelPolicy, RiskScoreLevelPolicy and HighestLevelPolicy of those."),
            };
        }

        private double Risk(ChurnSeverity severity) => severity switch
        {
            ChurnSeverity.Critical => _o.CriticalFactorRisk,
            ChurnSeverity.High => _o.HighFactorRisk,
            ChurnSeverity.Medium => _o.MediumFactorRisk,
            _ => _o.LowFactorRisk,
        };

        /// <summary>The days from <paramref name="start"/> to <paramref name="end"/>, in the dialect.</summary>
        private string Days(string start, string end) => _dialect switch
        {
            SqlDialect.PostgreSql => $"({end} - {start})",
            SqlDialect.SparkSql => $"datediff({end}, {start})",
            _ => $"date_diff('day', {start}, {end})",
        };

        private string Col(string signal) => Id(_columns.TryGetValue(signal, out var column) ? column : signal);

        private string Id(string name) => SqlText.Identifier(name, _dialect);

        private string D(double value) => SqlText.Double(value, _dialect);

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
