using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Portfolio;
using Spectre.Console;

namespace CustomerSuccess.Cli;

/// <summary>Collects the <c>summary</c> report while rows stream by, then renders it for a terminal or as JSON.</summary>
internal sealed class PortfolioReport(IHealthScoreModel model, NodaTime.LocalDate asOf)
{
    /// <summary>The renewal window of the report: renewals due in the next 90 days (the customer success manager playbook starts renewal conversations then).</summary>
    public const int RenewalWindowDays = 90;

    private readonly PortfolioSummaryBuilder _builder = new(model.Bands);
    private long _renewalsDue;
    private decimal _renewalArr;
    private long _onboardingKnown;
    private long _onboardingCompleted;
    private long _adoptionKnown;
    private double _adoptionSum;

    public void Add(in ScoredRow row)
    {
        var arr = row.Row.Signals.AnnualRecurringRevenue;
        _builder.Add(row.Health, row.Churn.Level, arr, row.Row.Signals.LatestNpsResponse, row.Churn.ExpectedLoss, expectedLossIsEstimate: true);
        if (row.Churn.DaysToRenewal is >= 0 and <= RenewalWindowDays)
        {
            _renewalsDue++;
            _renewalArr += row.Row.Signals.AnnualRecurringRevenue ?? 0m;
        }

        if (row.Row.Signals.FeatureAdoptionRate is { } adoption)
        {
            _adoptionKnown++;
            _adoptionSum += adoption;
        }

        if (row.Row.OnboardingCompleted is { } completed)
        {
            _onboardingKnown++;
            _onboardingCompleted += completed ? 1 : 0;
        }
    }

    public PortfolioSummary Summary => _builder.ToSummary();

    public double? OnboardingCompletion => _onboardingKnown == 0 ? null : (double)_onboardingCompleted / _onboardingKnown;

    public KpiReport Kpis(PortfolioSummary summary) => KpiReport.Evaluate(PortfolioFigures.From(summary) with
    {
        OnboardingCompletion = OnboardingCompletion,
        ProductAdoption = _adoptionKnown == 0 ? null : _adoptionSum / _adoptionKnown,
    });

    public void WriteJson(TextWriter writer, RunCounts counts)
    {
        var summary = Summary;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", model.Name);
            json.WriteString("as_of", asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
            json.WritePropertyName("portfolio");
            summary.WriteJson(json);
            json.WriteStartObject("nps_confidence_interval");
            var interval = NpsStatistics.ConfidenceInterval(summary.Nps);
            json.WriteNumber("level", interval.Level);
            if (interval.HasInterval)
            {
                json.WriteNumber("lower", ScoreWriter.Round(interval.Lower, 1));
                json.WriteNumber("upper", ScoreWriter.Round(interval.Upper, 1));
            }
            else
            {
                json.WriteNull("lower");
                json.WriteNull("upper");
            }

            json.WriteEndObject();
            json.WriteStartObject("renewals");
            json.WriteNumber("window_days", RenewalWindowDays);
            json.WriteNumber("due", _renewalsDue);
            json.WriteNumber("arr_due", _renewalArr);
            json.WriteEndObject();
            json.WriteStartArray("kpis");
            foreach (var kpi in Kpis(summary).Results)
            {
                json.WriteStartObject();
                json.WriteString("metric", kpi.Target.Metric.ToString());
                json.WriteString("target", kpi.Target.ToString());
                json.WriteString("source", kpi.Target.Source);
                if (kpi.Figure is { } f)
                {
                    json.WriteNumber("figure", f);
                    json.WriteBoolean("met", kpi.Met == true);
                }
                else
                {
                    json.WriteNull("figure");
                    json.WriteNull("met");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("rows");
            json.WriteNumber("read", counts.Read);
            json.WriteNumber("scored", counts.Scored);
            json.WriteNumber("rejected", counts.Rejected);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public void WriteText(TextWriter writer, bool terminal)
    {
        var summary = Summary;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        var c = CultureInfo.InvariantCulture;
        console.Write(new Rule($"[bold]Portfolio: {summary.TotalCustomers.ToString("N0", c)} customers[/] as of {asOf.ToString("uuuu-MM-dd", c)} (model {Markup.Escape(model.Name)})").LeftJustified());

        var bands = new BarChart().Width(70).Label("[bold]Customers per health band[/]");
        foreach (var band in model.Bands.Bands.Reverse())
        {
            bands.AddItem(Markup.Escape(band.Label), summary.CustomersByBand[band.Rank], ColorOf(band.Color));
        }

        bands.AddItem("no score", summary.NotScored, Color.Grey);
        console.Write(bands);
        console.WriteLine();

        var levels = new BarChart().Width(70).Label("[bold]Customers per churn risk level[/]");
        foreach (var level in Enum.GetValues<ChurnRiskLevel>().Reverse())
        {
            levels.AddItem(level.ToString(), summary.CustomersAt(level), level switch
            {
                ChurnRiskLevel.Critical => Color.Red,
                ChurnRiskLevel.High => Color.OrangeRed1,
                ChurnRiskLevel.Medium => Color.Yellow,
                _ => Color.Green,
            });
        }

        console.Write(levels);
        console.WriteLine();

        var figures = new Table().Border(TableBorder.Rounded).AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        figures.AddRow("Share green", summary.ShareGreen is { } g ? $"{Percent(g)} (target: above {PortfolioSummary.GreenShareTarget.ToString("0 %", c)})" : "no scores");
        figures.AddRow("Mean health", (summary.MeanHealth is { } mean ? Fixed(mean) : null) ?? "no scores");
        figures.AddRow("Total ARR", summary.TotalArr.ToString("N2", c));
        figures.AddRow("ARR at risk (High and Critical)", summary.ArrAtRisk.ToString("N2", c));
        figures.AddRow("Expected loss (estimate)", summary.ExpectedLoss.ToString("N2", c));
        figures.AddRow("Currency", "none named in the input");
        var interval = NpsStatistics.ConfidenceInterval(summary.Nps);
        figures.AddRow("NPS", Markup.Escape(summary.Nps.HasScore
            ? $"{Fixed(summary.Nps.Score)} from {summary.Nps.Total.ToString("N0", c)} responses"
              + (interval.HasInterval ? $", {interval.Level.ToString("0 %", c)} interval [{Fixed(interval.Lower)}, {Fixed(interval.Upper)}]" : $" (too few for an interval; {interval.MinimumResponses} needed)")
            : "no responses"));
        figures.AddRow($"Renewals in the next {RenewalWindowDays} days", $"{_renewalsDue.ToString("N0", c)} ({_renewalArr.ToString("N0", c)} ARR)");
        console.Write(figures);

        var kpis = new Table().Border(TableBorder.Rounded).Title("[bold]KPIs against the playbooks' targets[/]")
            .AddColumn(new TableColumn("Metric").NoWrap()).AddColumn(new TableColumn("Target").NoWrap()).AddColumn("Playbook")
            .AddColumn(new TableColumn("Figure").RightAligned()).AddColumn("Result");
        foreach (var kpi in Kpis(summary).Results)
        {
            var target = kpi.Target;
            kpis.AddRow(
                target.Metric.ToString(),
                Markup.Escape(Comparison(target.Comparison) + " " + Figure(target.Metric, target.Value)),
                Markup.Escape(target.Source.Replace(" playbook", string.Empty, StringComparison.Ordinal)),
                kpi.Figure is { } f ? Figure(target.Metric, f) : "-",
                kpi.Met switch { true => "[green]met[/]", false => "[red]not met[/]", _ => "[grey]no figure[/]" });
        }

        console.Write(kpis);
    }

    /// <summary>One decimal, rounded half away from zero on the decimal value (<see cref="ScoreWriter.Round"/>).</summary>
    private static string Fixed(double value) => ScoreWriter.Round(value, 1).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A KPI figure in its metric's unit: points for NPS, hours or days for times, a percentage otherwise.</summary>
    private static string Figure(KpiMetric metric, double value) => metric switch
    {
        KpiMetric.NetPromoterScore => Fixed(value),
        KpiMetric.ResponseTimeHours or KpiMetric.TimeToFirstValueHours => Fixed(value) + " h",
        KpiMetric.TimeToValueDays or KpiMetric.OnboardingDurationDays => Fixed(value) + " days",
        _ => Percent(value),
    };

    private static string Comparison(KpiComparison comparison) => comparison switch
    {
        KpiComparison.Above => ">",
        KpiComparison.AtLeast => ">=",
        KpiComparison.Below => "<",
        _ => "<=",
    };

    /// <summary>A share as a percentage with one decimal, rounded as <see cref="Fixed"/>.</summary>
    private static string Percent(double share) => Fixed(share * 100) + " %";

    private static Color ColorOf(HealthBandColor color) => color switch
    {
        HealthBandColor.Green => Color.Green,
        HealthBandColor.Yellow => Color.Yellow,
        _ => Color.Red,
    };
}
