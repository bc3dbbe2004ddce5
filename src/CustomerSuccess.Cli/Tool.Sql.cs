using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Sql;

namespace CustomerSuccess.Cli;

/// <content>The <c>sql</c> command.</content>
internal static partial class Tool
{
    private static Command SqlCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var dialect = new Option<string>("--dialect") { Description = "duckdb, postgresql or spark.", DefaultValueFactory = _ => "duckdb" };
        dialect.AcceptOnlyFromAmong("duckdb", "postgresql", "spark");
        var table = new Option<string>("--table") { Description = "The table to read: NAME, or SCHEMA.NAME (split at the first dot). Default: customers.", DefaultValueFactory = _ => "customers" };
        var keep = new Option<string[]>("--keep") { Description = "COLUMN: pass the column through to the output, before the score (repeatable). Default: id." };
        var rules = new Option<bool>("--rules") { Description = "Prints the churn rules' SQL instead: each row's risk score, level, factors fired and most severe factor, from the signal columns (--map COLUMN=SIGNAL)." };
        var metrics = new Option<bool>("--metrics") { Description = "Prints the SQL that turns product metrics into the component scores usage, adoption, support and engagement instead (the CS Expert playbook's rubrics), for the health query to read as a view (--map COLUMN=METRIC)." };
        var asOf = new Option<string?>("--as-of") { Description = "With --rules: the date to assess as of (yyyy-MM-dd), written into the query. Default: the engine's CURRENT_DATE." };
        var command = new Command("sql", "Prints the SQL that scores a table with the model, in DuckDB's, PostgreSQL's or Spark's dialect: the score, band, band rank and coverage of every row, the numbers the library gives; with --rules, the churn rules' assessment.");
        command.Options.Add(inputs.Model);
        command.Options.Add(inputs.Map);
        command.Options.Add(dialect);
        command.Options.Add(table);
        command.Options.Add(keep);
        command.Options.Add(rules);
        command.Options.Add(metrics);
        command.Options.Add(asOf);
        command.SetAction(result =>
        {
            var name = result.GetValue(table)!;
            InputOptions.NotBlank(name, "--table");
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot == 0 || dot == name.Length - 1)
            {
                throw new UsageException($"--table {Echo.Of(name)}: give NAME or SCHEMA.NAME.");
            }

            var kept = result.GetValue(keep) is { Length: > 0 } k ? k : ["id"];
            var tableName = dot < 0 ? name : name[(dot + 1)..];
            var schema = dot < 0 ? null : name[..dot];
            var sqlDialect = result.GetValue(dialect) switch { "postgresql" => SqlDialect.PostgreSql, "spark" => SqlDialect.SparkSql, _ => SqlDialect.DuckDb };
            if (result.GetValue(metrics))
            {
                if (result.GetValue(inputs.Model) is not null || result.GetValue(rules) || result.GetValue(asOf) is not null)
                {
                    throw new UsageException("--metrics compiles the product-metric rubrics alone; give it without --model, --rules or --as-of.");
                }

                var metricColumns = InputOptions.ParseMap(result.GetValue(inputs.Map)).ToDictionary(m => m.Value, m => m.Key, StringComparer.OrdinalIgnoreCase);
                var metricOptions = new ProductMetricsSqlOptions { Table = tableName, Schema = schema, Columns = metricColumns, Keep = kept };
                Print(() => ProductMetricsSql.Compile(ProductMetricsRubric.Seed003, sqlDialect, metricOptions));
                return ExitCodes.Success;
            }

            if (result.GetValue(rules))
            {
                if (result.GetValue(inputs.Model) is not null)
                {
                    throw new UsageException("--rules compiles the churn rules, which read a health_score column rather than a model; give --model without --rules.");
                }

                var signals = InputOptions.ParseMap(result.GetValue(inputs.Map)).ToDictionary(m => m.Value, m => m.Key, StringComparer.OrdinalIgnoreCase);
                var churn = new ChurnSqlOptions
                {
                    Table = tableName,
                    Schema = schema,
                    Columns = signals,
                    Keep = kept,
                    AsOf = ParseDate(result.GetValue(asOf), "--as-of"),
                };
                Print(() => ChurnRulesSql.Compile(new RuleBasedChurnRiskAssessor(), sqlDialect, churn));
                return ExitCodes.Success;
            }

            if (result.GetValue(asOf) is not null)
            {
                throw new UsageException("--as-of dates the churn rules' assessment; give it with --rules.");
            }

            var model = ModelResolver.Resolve(result.GetValue(inputs.Model));
            var columns = ComponentColumns(model, result.GetValue(inputs.Map));
            var options = new HealthSqlOptions
            {
                Table = tableName,
                Schema = schema,
                Columns = columns,
                Keep = kept,
            };
            Print(() => HealthModelSql.Compile(model, sqlDialect, options));
            return ExitCodes.Success;
        });
        return command;

        void Print(Func<string> compile)
        {
            string sql;
            try
            {
                sql = compile();
            }
            catch (Exception e) when (e is NotSupportedException or ArgumentException)
            {
                throw new UsageException(Echo.MessageOf(e));
            }

            env.Out.Write(sql);
            env.Out.WriteLine(";");
            env.Out.Flush();
        }
    }

    /// <summary>
    /// The column of each component, from <c>--map COLUMN=FIELD</c> (which reads a column as a field: here the field is a
    /// component's key), for the commands that read component columns (<c>sql</c>, <c>health</c>).
    /// </summary>
    private static Dictionary<string, string> ComponentColumns(IHealthScoreModel model, string[]? map)
    {
        var columns = InputOptions.ParseMap(map).ToDictionary(m => m.Value, m => m.Key, StringComparer.OrdinalIgnoreCase);
        var unknown = columns.Keys.Where(k => !model.Components.Any(c => string.Equals(c.Key, k, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"--map: the model '{model.Name}' has no component {string.Join(", ", unknown.Select(u => $"'{u}'"))}; its components are {string.Join(", ", model.Components.Select(c => c.Key))}.");
        }

        return columns;
    }
}
