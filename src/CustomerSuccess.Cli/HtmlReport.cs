using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Portfolio;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// The <c>report</c> command's page: one self-contained HTML file (no network, no external scripts, styles or
/// fonts) with the portfolio's figures, charts as inline SVG that label every bar with its figure (readable without
/// colour), the KPIs and the accounts to call first. Every figure the JSON summary has is marked with
/// <c>data-figure</c> (its path in that JSON) and <c>data-value</c> (its value there), so a test can compare the two.
/// </summary>
internal sealed class HtmlReport(PortfolioReport report, RunCounts counts, LocalDate asOf, string modelName, string zone)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly StringBuilder _html = new();

    /// <summary>Writes the page.</summary>
    public void Write(TextWriter writer)
    {
        var summary = report.Summary;
        var currency = counts.Currency;
        var money = currency is null ? string.Empty : " " + currency;
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Portfolio report as of ").Append(Date(asOf)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        _html.Append("<header><h1>Portfolio report</h1><p>")
            .Append(Figure("portfolio.customers.total_managed", summary.TotalCustomers, summary.TotalCustomers.ToString("N0", C))).Append(" customers as of ")
            .Append("<span data-figure=\"as_of\" data-value=\"").Append(Date(asOf)).Append("\">").Append(Date(asOf)).Append("</span>")
            .Append(" · model ").Append(Encode(modelName)).Append(" · dates in ").Append(Encode(zone)).Append(" · ")
            .Append(currency is null ? "no currency named" : "amounts in " + Encode(currency)).Append("</p></header>\n<main>\n");
        CallFirst(money);
        Figures(summary, money);
        Health(summary);
        Churn(summary);
        Renewals(money);
        Nps(summary);
        Kpis(summary);
        _html.Append("</main>\n<footer>Written by customer-success from ").Append(counts.Scored.ToString("N0", C))
            .Append(" scored rows (").Append(counts.Read.ToString("N0", C)).Append(" read, ").Append(counts.Rejected.ToString("N0", C))
            .Append(" rejected).</footer>\n<script>\n").Append(Check).Append("</script>\n</body>\n</html>\n");
        writer.Write(_html.ToString());
    }

    /// <summary>
    /// The page's one script, inline: it records on the page whether every chart drew (a non-empty box) and any error,
    /// for a browser test to read from the rendered page. The report reads the same without it.
    /// </summary>
    private const string Check = """
        (function () {
          var errors = [];
          window.addEventListener('error', function (e) { errors.push(String(e.message)); });
          var charts = document.querySelectorAll('svg');
          var empty = 0;
          charts.forEach(function (svg) { var box = svg.getBBox(); if (!(box.width > 0 && box.height > 0)) { empty++; } });
          document.documentElement.setAttribute('data-check', errors.length === 0 && empty === 0 ? 'rendered ' + charts.length + ' charts' : 'broken: ' + empty + ' empty charts; ' + errors.join('; '));
        })();

        """;

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 64rem; color: #1a1a1a; padding: 0 1rem; }
        h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
        header p { color: #444; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .met { color: #116611; } .missed { color: #aa1111; } .none { color: #666; }
        .level-Critical { font-weight: 700; } .level-High { font-weight: 600; }
        svg text { font-size: 12px; fill: #1a1a1a; } svg .axis { stroke: #888; stroke-width: 1; }
        .note { color: #555; font-size: 0.88rem; }
        footer { margin-top: 3rem; color: #666; font-size: 0.85rem; }

        """;

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Num(double value) => value.ToString("R", C);

    private static string Num(decimal value) => value.ToString(C);

    /// <summary>A figure marked with its JSON path and value.</summary>
    private static string Figure(string path, double value, string shown) =>
        $"<span data-figure=\"{path}\" data-value=\"{Num(value)}\">{Encode(shown)}</span>";

    private static string Figure(string path, long value, string shown) =>
        $"<span data-figure=\"{path}\" data-value=\"{value.ToString(C)}\">{Encode(shown)}</span>";

    private static string Figure(string path, decimal value, string shown) =>
        $"<span data-figure=\"{path}\" data-value=\"{Num(value)}\">{Encode(shown)}</span>";

    private static string Percent(double share) => ScoreWriter.Round(share * 100, 1).ToString("0.0", C) + " %";

    private static string OneDecimal(double value) => ScoreWriter.Round(value, 1).ToString("0.0", C);

    private void CallFirst(string money)
    {
        var items = report.CallFirst();
        _html.Append("<section id=\"call-first\"><h2>Call first</h2>\n");
        if (items.Count == 0)
        {
            _html.Append("<p>No account is at Medium risk or above.</p></section>\n");
            return;
        }

        _html.Append("<p class=\"note\">The ").Append(items.Count).Append(" accounts at the top of the worklist (level, then priority) of ")
            .Append(report.Callable.ToString("N0", C)).Append(" at Medium risk or above.</p>\n")
            .Append("<table><thead><tr><th>#</th><th>Account</th><th>Level</th><th class=\"n\">ARR</th><th class=\"n\">Renews in</th><th>Why</th><th>Next step</th></tr></thead><tbody>\n");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var row = item.Row.Row;
            var path = $"call_first[{i}]";
            _html.Append("<tr><td>").Append(i + 1).Append("</td><td><span data-figure=\"").Append(path).Append(".id\" data-value=\"").Append(Encode(row.Id)).Append("\">")
                .Append(Encode(row.Name is { } name ? $"{name} ({row.Id})" : row.Id)).Append("</span></td>")
                .Append("<td class=\"level-").Append(item.Assessment.Level).Append("\">").Append(item.Assessment.Level).Append("</td><td class=\"n\">")
                .Append(row.Signals.AnnualRecurringRevenue is { } arr ? Figure(path + ".arr", arr, arr.ToString("N0", C) + money) : "unknown").Append("</td><td class=\"n\">")
                .Append(item.Assessment.DaysToRenewal is { } days ? Figure(path + ".days_to_renewal", days, days.ToString(C) + " days") : "unknown").Append("</td><td>")
                .Append(Encode(string.Join(", ", item.Assessment.Factors.Take(3).Select(f => f.RuleId)))).Append("</td><td>")
                .Append(item.Next is { } next ? Encode($"{next.Step.Action} ({next.Step.Owner}, due {Date(next.Due)})") : "no playbook step applies")
                .Append("</td></tr>\n");
        }

        _html.Append("</tbody></table></section>\n");
    }

    private void Figures(PortfolioSummary summary, string money)
    {
        _html.Append("<section id=\"figures\"><h2>Revenue</h2><table><tbody>\n")
            .Append("<tr><th>Total ARR</th><td class=\"n\">").Append(Figure("portfolio.churn.total_arr", summary.TotalArr, summary.TotalArr.ToString("N2", C) + money)).Append("</td></tr>\n")
            .Append("<tr><th>ARR at risk (High and Critical)</th><td class=\"n\">").Append(Figure("portfolio.churn.arr_at_risk", summary.ArrAtRisk, summary.ArrAtRisk.ToString("N2", C) + money)).Append("</td></tr>\n")
            .Append("<tr><th>Expected loss (estimate)</th><td class=\"n\">").Append(Figure("portfolio.churn.expected_loss", summary.ExpectedLoss, summary.ExpectedLoss.ToString("N2", C) + money)).Append("</td></tr>\n")
            .Append("<tr><th>Renewals in the next ").Append(PortfolioReport.RenewalWindowDays).Append(" days</th><td class=\"n\">")
            .Append(Figure("renewals.due", report.RenewalsDue, report.RenewalsDue.ToString("N0", C))).Append(" renewals, ")
            .Append(Figure("renewals.arr_due", report.RenewalArr, report.RenewalArr.ToString("N2", C) + money)).Append(" ARR</td></tr>\n")
            .Append("</tbody></table></section>\n");
    }

    private void Health(PortfolioSummary summary)
    {
        _html.Append("<section id=\"health\"><h2>Health</h2><p>");
        _html.Append(summary.ShareGreen is { } green
            ? Figure("portfolio.health.share_green", green, Percent(green)) + $" of scored customers in the green band (target: above {PortfolioSummary.GreenShareTarget.ToString("0 %", C)})"
            : "No customer has a health score.");
        if (summary.MeanHealth is { } mean)
        {
            _html.Append("; mean health ").Append(Figure("portfolio.health.mean", mean, OneDecimal(mean)));
        }

        _html.Append(".</p>\n<h3>Customers per health band</h3>\n");
        var bands = report.Bands.Bands.Reverse().Select(b => (Label: b.Label, Count: summary.CustomersByBand[b.Rank], Path: $"portfolio.health.bands[\"{b.Label}\"]", Color: Hue(b.Color))).ToList();
        bands.Add(("no score", summary.NotScored, "portfolio.customers.not_scored", "#9e9e9e"));
        BarChart("Customers per health band", bands);
        _html.Append("<h3>Health scores</h3>\n");
        var histogram = report.Histogram;
        Columns("Customers by health score, in steps of 10 points", [.. histogram.Select((count, i) => ($"{i * 10}–{(i == histogram.Count - 1 ? 100 : (i * 10) + 9.99).ToString("0.##", C)}", (double)count, count.ToString("N0", C)))]);
        _html.Append("</section>\n");
    }

    private void Churn(PortfolioSummary summary)
    {
        _html.Append("<section id=\"churn\"><h2>Churn risk</h2>\n");
        BarChart("Customers per churn risk level", [.. Enum.GetValues<ChurnRiskLevel>().Reverse().Select(l => (l.ToString(), summary.CustomersAt(l), $"portfolio.churn.levels.{l}", l switch
        {
            ChurnRiskLevel.Critical => "#c62828",
            ChurnRiskLevel.High => "#ef6c00",
            ChurnRiskLevel.Medium => "#f9a825",
            _ => "#2e7d32",
        }))]);
        _html.Append("</section>\n");
    }

    private void Renewals(string money)
    {
        _html.Append("<section id=\"renewals\"><h2>Renewals in the next 12 months</h2>\n");
        var forecast = report.Forecast();
        if (forecast is null || forecast.Buckets.Count == 0)
        {
            _html.Append("<p>No renewal in the next 12 months has a date and an ARR in the input.</p></section>\n");
            return;
        }

        _html.Append("<p class=\"note\">ARR due by month, and the forecast: each renewal's ARR times its probability by churn-risk level (the renewal forecast's default table: Low 0.95, Medium 0.80, High 0.50, Critical 0.25).</p>\n");
        var buckets = forecast.Buckets;
        var max = (double)Math.Max(1m, buckets.Max(b => b.Revenue));
        const int Width = 960, Height = 260, Left = 20, Bottom = 40, Top = 30;
        var step = (Width - Left) / buckets.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"ARR due and forecast by month\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\">")
            .Append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#c8e6c9\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#2e7d32\" stroke-width=\"2\"/></pattern></defs>");
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            var x = Left + (i * step);
            var due = (double)b.Revenue / max * (Height - Bottom - Top);
            var expected = (double)b.ExpectedRevenue / max * (Height - Bottom - Top);
            var w = (step - 12) / 2.0;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Height - Bottom - due:0.#}\" width=\"{w:0.#}\" height=\"{due:0.#}\" fill=\"#90a4ae\" stroke=\"#455a64\"><title>due {b.Revenue.ToString("N0", C)}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + w + 2:0.#}\" y=\"{Height - Bottom - expected:0.#}\" width=\"{w:0.#}\" height=\"{expected:0.#}\" fill=\"url(#hatch)\" stroke=\"#2e7d32\"><title>forecast {b.ExpectedRevenue.ToString("N0", C)}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{b.Period.Start.ToString("MMM uuuu", C)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w:0.#}\" y=\"{Height - Bottom - due - 4:0.#}\" text-anchor=\"middle\">{Short(b.Revenue)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 6}\">plain bars: ARR due · hatched bars: forecast</text></svg>\n");
        _html.Append(svg);
        _html.Append("<table><thead><tr><th>Month</th><th class=\"n\">Renewals</th><th class=\"n\">ARR due</th><th class=\"n\">Forecast</th></tr></thead><tbody>\n");
        foreach (var b in buckets)
        {
            _html.Append("<tr><td>").Append(b.Period.Start.ToString("MMMM uuuu", C)).Append("</td><td class=\"n\">").Append(b.Contracts.ToString("N0", C))
                .Append("</td><td class=\"n\">").Append(b.Revenue.ToString("N0", C)).Append(money).Append("</td><td class=\"n\">").Append(b.ExpectedRevenue.ToString("N0", C)).Append(money).Append("</td></tr>\n");
        }

        _html.Append("<tr><th>Next 12 months</th><th class=\"n\">").Append(buckets.Sum(b => b.Contracts).ToString("N0", C)).Append("</th><th class=\"n\">")
            .Append(buckets.Sum(b => b.Revenue).ToString("N0", C)).Append(money).Append("</th><th class=\"n\">").Append(buckets.Sum(b => b.ExpectedRevenue).ToString("N0", C)).Append(money)
            .Append("</th></tr>\n</tbody></table></section>\n");
    }

    private void Nps(PortfolioSummary summary)
    {
        _html.Append("<section id=\"nps\"><h2>Net Promoter Score</h2>\n");
        var nps = summary.Nps;
        if (!nps.HasScore)
        {
            _html.Append("<p>No NPS responses in the input.</p></section>\n");
            return;
        }

        var interval = NpsStatistics.ConfidenceInterval(nps);
        _html.Append("<p>NPS ").Append(Figure("nps_confidence_interval.score", ScoreWriter.Round(nps.Score, 1), OneDecimal(nps.Score))).Append(" from ")
            .Append(Figure("portfolio.nps.responses", nps.Total, nps.Total.ToString("N0", C))).Append(" responses: ")
            .Append(nps.Promoters.ToString("N0", C)).Append(" promoters, ").Append(nps.Passives.ToString("N0", C)).Append(" passives, ")
            .Append(nps.Detractors.ToString("N0", C)).Append(" detractors");
        if (interval.HasInterval)
        {
            _html.Append("; ").Append(interval.Level.ToString("0 %", C)).Append(" interval [")
                .Append(Figure("nps_confidence_interval.lower", ScoreWriter.Round(interval.Lower, 1), OneDecimal(interval.Lower))).Append(", ")
                .Append(Figure("nps_confidence_interval.upper", ScoreWriter.Round(interval.Upper, 1), OneDecimal(interval.Upper))).Append("].</p>\n");
            var x = (Func<double, double>)(v => 20 + ((v + 100) / 200 * 920));
            _html.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"NPS and its interval on the scale from -100 to 100\" viewBox=\"0 0 960 70\" width=\"100%\">")
                .Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"20\" y1=\"40\" x2=\"940\" y2=\"40\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"20\" y=\"62\">-100</text><text x=\"{x(0):0.#}\" y=\"62\" text-anchor=\"middle\">0</text><text x=\"940\" y=\"62\" text-anchor=\"end\">100</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x(interval.Lower):0.#}\" y=\"32\" width=\"{x(interval.Upper) - x(interval.Lower):0.#}\" height=\"16\" fill=\"#bbdefb\" stroke=\"#1565c0\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{x(nps.Score):0.#}\" y1=\"26\" x2=\"{x(nps.Score):0.#}\" y2=\"54\" stroke=\"#0d47a1\" stroke-width=\"3\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x(nps.Score):0.#}\" y=\"20\" text-anchor=\"middle\">NPS {OneDecimal(nps.Score)}, interval {OneDecimal(interval.Lower)} to {OneDecimal(interval.Upper)}</text></svg>\n");
        }
        else
        {
            _html.Append(" (too few for an interval: ").Append(interval.MinimumResponses).Append(" needed).</p>\n");
        }

        _html.Append("</section>\n");
    }

    private void Kpis(PortfolioSummary summary)
    {
        _html.Append("<section id=\"kpis\"><h2>KPIs against the playbooks' targets</h2>\n<table><thead><tr><th>Metric</th><th>Target</th><th>Set by</th><th class=\"n\">Figure</th><th>Result</th></tr></thead><tbody>\n");
        var results = report.Kpis(summary).Results;
        for (var i = 0; i < results.Count; i++)
        {
            var kpi = results[i];
            var target = kpi.Target;
            _html.Append("<tr><td>").Append(Encode(PortfolioReport.MetricName(target.Metric))).Append("</td><td>").Append(Encode(PortfolioReport.TargetText(target)))
                .Append("</td><td>").Append(Encode(target.Source)).Append("</td><td class=\"n\">")
                .Append(kpi.Figure is { } f ? Figure($"kpis[{i}].figure", f, PortfolioReport.FigureText(target.Metric, f)) : "–").Append("</td><td>")
                .Append(kpi.Met switch
                {
                    true => "<span class=\"met\">✓ met</span>",
                    false => "<span class=\"missed\">✗ not met</span>",
                    _ => "<span class=\"none\">not measured: " + Encode(PortfolioReport.Needs(target.Metric)) + "</span>",
                }).Append("</td></tr>\n");
        }

        _html.Append("</tbody></table></section>\n");
    }

    /// <summary>A horizontal bar chart: one labelled bar a row, its count written beside it.</summary>
    private void BarChart(string title, IReadOnlyList<(string Label, long Count, string Path, string Color)> bars)
    {
        var max = Math.Max(1, bars.Max(b => b.Count));
        const int Row = 28, LabelWidth = 110, Width = 960;
        var height = (bars.Count * Row) + 10;
        _html.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count, path, color) = bars[i];
            var y = (i * Row) + 5;
            var w = (double)count / max * (Width - LabelWidth - 120);
            _html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{Encode(label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(w, 1):0.#}\" height=\"{Row - 8}\" fill=\"{color}\" stroke=\"#333\" stroke-width=\"0.5\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Math.Max(w, 1) + 6:0.#}\" y=\"{y + 17}\" data-figure=\"{Encode(path)}\" data-value=\"{count}\">{count.ToString("N0", C)}</text>");
        }

        _html.Append("</svg>\n");
    }

    /// <summary>A column chart (the histogram): one labelled column a bin, its count written above it.</summary>
    private void Columns(string title, IReadOnlyList<(string Label, double Value, string Shown)> columns)
    {
        var max = Math.Max(1, columns.Max(c => c.Value));
        const int Width = 960, Height = 220, Bottom = 36, Top = 20;
        var step = Width / columns.Count;
        _html.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\">");
        for (var i = 0; i < columns.Count; i++)
        {
            var (label, value, shown) = columns[i];
            var h = value / max * (Height - Bottom - Top);
            var x = (i * step) + 4;
            _html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Height - Bottom - h:0.#}\" width=\"{step - 8}\" height=\"{Math.Max(h, 0.5):0.#}\" fill=\"#7986cb\" stroke=\"#283593\" stroke-width=\"0.5\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((step - 8) / 2)}\" y=\"{Height - Bottom - h - 4:0.#}\" text-anchor=\"middle\">{Encode(shown)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((step - 8) / 2)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Encode(label)}</text>");
        }

        _html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"0\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\"/></svg>\n");
    }

    private static string Short(decimal value) => value >= 1_000_000 ? (value / 1_000_000).ToString("0.#", C) + " M" : value >= 1_000 ? (value / 1_000).ToString("0", C) + " k" : value.ToString("0", C);

    private static string Hue(HealthBandColor color) => color switch
    {
        HealthBandColor.Green => "#2e7d32",
        HealthBandColor.Yellow => "#f9a825",
        _ => "#c62828",
    };
}
