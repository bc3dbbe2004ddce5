using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Fitting;
using Spectre.Console;

namespace CustomerSuccess.Cli;

/// <summary>A back-test's report, as text tables or one JSON object: churn by band, AUCs, rules, renewals, survival and, with a fit, the fitted weights.</summary>
internal sealed class BacktestWriter(string modelName, BacktestReport report, RenewalCalibration renewals, WeightFit? fit, long accounts)
{
    /// <summary>The days at which the text report reads each survival curve.</summary>
    private static readonly int[] SurvivalDays = [90, 180, 365];

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public void WriteText(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PortfolioReport.Width;
        var labelled = report.Snapshots - report.Censored;
        var overall = report.ByBand.Overall;
        console.Write(new Rule($"[bold]Back-test: {accounts.ToString("N0", C)} accounts, {report.Snapshots.ToString("N0", C)} snapshots[/]").LeftJustified());
        console.WriteLine($"Model {modelName} · churn within {report.HorizonDays} days of a snapshot · {Percent(overall.Level, 0)} intervals");
        console.WriteLine(string.Create(C, $"{labelled:N0} snapshots labelled, {overall.Events:N0} of them churned ({Rate(overall)}); {report.Censored:N0} censored (observed for less than {report.HorizonDays} days) and left out."));
        console.WriteLine();

        var bands = Table($"Churn within {report.HorizonDays} days, by band at the snapshot", "Band", "Snapshots", "Churned", "Rate", "Interval", "Lift");
        foreach (var row in report.ByBand.Rows)
        {
            bands.AddRow(Markup.Escape(row.Group), row.Rate.Trials.ToString("N0", C), row.Rate.Events.ToString("N0", C), Rate(row.Rate), Interval(row.Rate), Lift(row.Lift));
        }

        bands.AddRow("all", overall.Trials.ToString("N0", C), overall.Events.ToString("N0", C), Rate(overall), Interval(overall), "1.00");
        console.Write(bands);

        var aucs = Table("How well each score orders churn: AUC (Hanley–McNeil interval)", "Score", "AUC", "Interval", "Churned", "Retained");
        AddAuc(aucs, "health score (lower: churn)", report.HealthAuc);
        AddAuc(aucs, "churn risk score", report.RiskAuc);
        console.Write(aucs);

        var rules = Table("Churn rules: churn when each fired, and when not", "Rule", "Fired on", "Churn if fired", "If not", "Lift");
        foreach (var rule in report.Rules)
        {
            rules.AddRow(Markup.Escape(rule.RuleId), Percent(rule.FiringRate, 1), Rate(rule.Fired), Rate(rule.NotFired), Lift(rule.Lift));
        }

        if (report.Rules.Count == 0)
        {
            rules.AddRow("(no rule fired)", string.Empty, string.Empty, string.Empty, string.Empty);
        }

        console.Write(rules);

        var renewal = Table(string.Create(C, $"Renewals by band at the last snapshot: {renewals.Decided:N0} decided, {renewals.Undecided:N0} still active"), "Band", "Decided", "Renewed", "Interval", "Table", "Fitted");
        foreach (var row in renewals.Rows)
        {
            renewal.AddRow(Markup.Escape(row.Band), row.Observed.Trials.ToString("N0", C), Rate(row.Observed), Interval(row.Observed),
                Percent(row.TableProbability, 0) + (row.TableOutsideInterval ? " (outside)" : string.Empty), Percent(row.FittedProbability, 1));
        }

        console.Write(renewal);

        var survival = Table("Retention by band at each account's first snapshot (Kaplan–Meier)", ["Band", "Accounts", .. SurvivalDays.Select(d => $"At {d} days"), "Median"]);
        foreach (var band in report.SurvivalByBand)
        {
            survival.AddRow([Markup.Escape(band.Band), band.Curve.Accounts.ToString("N0", C), .. SurvivalDays.Select(d => Percent(band.Curve.SurvivalAt(d), 1)),
                band.Curve.Median is { } median ? median.ToString("0", C) + " days" : "not reached"]);
        }

        console.Write(survival);
        if (fit is not null)
        {
            WriteFit(console, fit);
        }
    }

    private static void WriteFit(IAnsiConsole console, WeightFit fit)
    {
        if (!fit.IsDefined)
        {
            console.WriteLine($"Fitted weights: none; {fit.UndefinedReason}");
            return;
        }

        var weights = Table("Weights fitted to the history", "Component", "Weight", "Fitted", "Coefficient");
        foreach (var c in fit.Components)
        {
            weights.AddRow(Markup.Escape(c.Key), c.OriginalWeight.ToString("0.00", C), c.FittedWeight.ToString("0.00", C), c.Coefficient.ToString("0.000", C));
        }

        console.Write(weights);
        console.WriteLine(string.Create(C, $"Fitted on {fit.TrainingAccounts:N0} accounts ({fit.TrainingSnapshots:N0} snapshots). On {fit.HeldOutAccounts:N0} held-out accounts ({fit.HeldOutSnapshots:N0} snapshots): AUC {Auc(fit.OriginalAuc)} with the model's weights, {Auc(fit.FittedAuc)} fitted."));
        if (fit.Incomplete > 0)
        {
            console.WriteLine(string.Create(C, $"{fit.Incomplete:N0} labelled snapshots missing a component were left out of the fit."));
        }
    }

    public void WriteJson(TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", modelName);
            json.WriteNumber("horizon_days", report.HorizonDays);
            json.WriteNumber("level", report.ByBand.Overall.Level);
            json.WriteNumber("accounts", accounts);
            json.WriteNumber("snapshots", report.Snapshots);
            json.WriteNumber("censored", report.Censored);
            json.WriteStartArray("by_band");
            foreach (var row in report.ByBand.Rows)
            {
                json.WriteStartObject();
                json.WriteString("band", row.Group);
                WriteRate(json, row.Rate);
                ScoreWriter.WriteOrNull(json, "lift", row.Lift);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("overall");
            WriteRate(json, report.ByBand.Overall);
            json.WriteEndObject();
            json.WriteStartObject("auc");
            json.WriteString("method", "Hanley-McNeil");
            WriteAuc(json, "health", report.HealthAuc);
            WriteAuc(json, "risk", report.RiskAuc);
            json.WriteEndObject();
            json.WriteStartArray("rules");
            foreach (var rule in report.Rules)
            {
                json.WriteStartObject();
                json.WriteString("rule", rule.RuleId);
                json.WriteNumber("firing_rate", rule.FiringRate);
                json.WriteStartObject("fired");
                WriteRate(json, rule.Fired);
                json.WriteEndObject();
                json.WriteStartObject("not_fired");
                WriteRate(json, rule.NotFired);
                json.WriteEndObject();
                ScoreWriter.WriteOrNull(json, "lift", rule.Lift);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteRenewals(json);
            WriteSurvival(json);
            if (fit is not null)
            {
                WriteFitJson(json, fit);
            }

            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        writer.WriteLine();
    }

    private void WriteRenewals(Utf8JsonWriter json)
    {
        json.WriteStartObject("renewals");
        json.WriteNumber("decided", renewals.Decided);
        json.WriteNumber("undecided", renewals.Undecided);
        json.WriteNumber("prior_strength", renewals.PriorStrength);
        json.WriteStartArray("bands");
        foreach (var row in renewals.Rows)
        {
            json.WriteStartObject();
            json.WriteString("band", row.Band);
            WriteRate(json, row.Observed);
            json.WriteNumber("table", row.TableProbability);
            json.WriteBoolean("table_outside_interval", row.TableOutsideInterval);
            json.WriteNumber("fitted", row.FittedProbability);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteSurvival(Utf8JsonWriter json)
    {
        json.WriteStartArray("survival");
        foreach (var band in report.SurvivalByBand)
        {
            json.WriteStartObject();
            json.WriteString("band", band.Band);
            json.WriteNumber("accounts", band.Curve.Accounts);
            ScoreWriter.WriteOrNull(json, "median_days", band.Curve.Median);
            json.WriteStartArray("points");
            foreach (var point in band.Curve.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("days", point.Time);
                json.WriteNumber("at_risk", point.AtRisk);
                json.WriteNumber("churned", point.Events);
                json.WriteNumber("censored", point.Censored);
                json.WriteNumber("survival", point.Survival);
                json.WriteNumber("standard_error", point.StandardError);
                json.WriteNumber("lower", point.Lower);
                json.WriteNumber("upper", point.Upper);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFitJson(Utf8JsonWriter json, WeightFit fit)
    {
        json.WriteStartObject("fit");
        json.WriteString("method", "ridge logistic regression (BFGS); weights: the protective coefficients' shares");
        ScoreWriter.WriteOrNull(json, "undefined_reason", fit.UndefinedReason);
        json.WriteNumber("training_accounts", fit.TrainingAccounts);
        json.WriteNumber("held_out_accounts", fit.HeldOutAccounts);
        json.WriteNumber("training_snapshots", fit.TrainingSnapshots);
        json.WriteNumber("held_out_snapshots", fit.HeldOutSnapshots);
        json.WriteNumber("incomplete", fit.Incomplete);
        json.WriteNumber("intercept", fit.Intercept);
        json.WriteStartArray("components");
        foreach (var c in fit.Components)
        {
            json.WriteStartObject();
            json.WriteString("key", c.Key);
            json.WriteNumber("weight", c.OriginalWeight);
            json.WriteNumber("fitted_weight", c.FittedWeight);
            json.WriteNumber("coefficient", c.Coefficient);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteAuc(json, "held_out_auc", fit.OriginalAuc);
        WriteAuc(json, "held_out_fitted_auc", fit.FittedAuc);
        json.WriteEndObject();
    }

    private static void WriteRate(Utf8JsonWriter json, ProportionInterval rate)
    {
        json.WriteNumber("count", rate.Trials);
        json.WriteNumber("events", rate.Events);
        ScoreWriter.WriteOrNull(json, "rate", rate.RateOrNull);
        json.WriteNumber("lower", rate.Lower);
        json.WriteNumber("upper", rate.Upper);
    }

    private static void WriteAuc(Utf8JsonWriter json, string name, AucEstimate auc)
    {
        json.WriteStartObject(name);
        ScoreWriter.WriteOrNull(json, "value", auc.ValueOrNull);
        ScoreWriter.WriteOrNull(json, "undefined_reason", auc.UndefinedReason);
        json.WriteNumber("standard_error", auc.StandardError);
        json.WriteNumber("lower", auc.Lower);
        json.WriteNumber("upper", auc.Upper);
        json.WriteNumber("churned", auc.Positives);
        json.WriteNumber("retained", auc.Negatives);
        json.WriteEndObject();
    }

    private static void AddAuc(Table table, string name, AucEstimate auc) =>
        table.AddRow(name, Auc(auc), auc.IsDefined ? $"{auc.Lower.ToString("0.000", C)} – {auc.Upper.ToString("0.000", C)}" : Markup.Escape(auc.UndefinedReason!), auc.Positives.ToString("N0", C), auc.Negatives.ToString("N0", C));

    private static string Auc(AucEstimate auc) => auc.ValueOrNull is { } v ? v.ToString("0.000", C) : "undefined";

    private static Table Table(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        table.AddColumn(new TableColumn(columns[0]).NoWrap());
        foreach (var column in columns.Skip(1))
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        return table;
    }

    private static string Rate(ProportionInterval rate) => rate.RateOrNull is { } r ? Percent(r, 1) : "–";

    private static string Interval(ProportionInterval rate) => rate.IsDefined ? $"{Percent(rate.Lower, 1)} – {Percent(rate.Upper, 1)}" : "–";

    private static string Lift(double? lift) => lift is { } l ? l.ToString("0.00", C) : "–";

    private static string Percent(double share, int decimals) => (share * 100).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), C) + " %";
}
