using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Collections.Generic;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Renewals;
using NodaTime;
using Spectre.Console;

namespace CustomerSuccess.Cli;

/// <summary>
/// Collects the <c>summary</c> report while rows stream by, then renders it for a terminal (80 columns) or as JSON:
/// the accounts to call first, then the portfolio's figures and its KPIs against the playbooks' targets.
/// </summary>
internal sealed class PortfolioReport(RunModels model, LocalDate asOf, DateTimeZone zone, bool collectRenewals = false)
{
    /// <summary>The renewal window of the report: renewals due in the next 90 days (the customer success manager playbook starts renewal conversations then).</summary>
    public const int RenewalWindowDays = 90;

    /// <summary>How many accounts the worklist shows (ours).</summary>
    public const int WorklistSize = 10;

    /// <summary>The width the text report fits.</summary>
    public const int Width = 80;

    private static readonly RuleBasedChurnRiskAssessor Assessor = new();
    private static readonly ChurnActionPlanner Planner = new();

    /// <summary>The worst kept account at the root, so that a better one replaces it.</summary>
    private readonly PriorityQueue<ScoredRow, ScoredRow> _worklist = new(Comparer<ScoredRow>.Create(static (x, y) => -Worklist(x, y)));
    private readonly long[] _histogram = new long[10];
    private readonly List<RenewalForecastInput>? _renewals = collectRenewals ? [] : null;
    private long _callable;
    private long _expansionKnown;
    private long _expansionFound;

    private readonly PortfolioSummaryBuilder _builder = new(model.Bands);
    private long _renewalsDue;
    private decimal _renewalArr;
    private long _onboardingKnown;
    private long _onboardingCompleted;
    private long _adoptionKnown;
    private double _adoptionSum;

    /// <summary>How many parents the text report shows, most at risk first (ours); the JSON report has them all.</summary>
    public const int ParentsShown = 10;

    private AccountTree? _tree;
    private (IReadOnlyDictionary<string, AccountRollUp>? RollUps, string? Problem)? _parents;

    /// <summary>Rolls parents up from the rows added: for an input with a <c>parent_id</c> column.</summary>
    public void TrackParents() => _tree ??= new AccountTree();

    /// <summary>
    /// Each parent's roll-up, once every row is added; or, when the accounts do not make a hierarchy, null and the
    /// problem. Both null when the input has no <c>parent_id</c> column.
    /// </summary>
    public (IReadOnlyDictionary<string, AccountRollUp>? RollUps, string? Problem) Parents()
    {
        if (_tree is null)
        {
            return (null, null);
        }

        _parents ??= (_tree.RollUp(model.Bands, out var problem), problem);
        return _parents.Value;
    }

    /// <summary>How many accounts are at Medium risk or above: those the worklist is the top of.</summary>
    public long Callable => _callable;

    /// <summary>Renewals due in the next <see cref="RenewalWindowDays"/> days.</summary>
    public long RenewalsDue => _renewalsDue;

    /// <summary>The ARR of the renewals due in the next <see cref="RenewalWindowDays"/> days.</summary>
    public decimal RenewalArr => _renewalArr;

    /// <summary>The model's band scheme.</summary>
    public HealthBandScheme Bands => model.Bands;

    /// <summary>Scored customers by health score in steps of 10 points: [0, 10), [10, 20), …, [90, 100].</summary>
    public IReadOnlyList<long> Histogram => _histogram;

    /// <summary>
    /// The renewal forecast of the next 12 months by month (when the report collects renewals): each renewal with a date
    /// and an ARR, labelled with its churn-risk level for the forecast's probability table.
    /// </summary>
    public RenewalForecast? Forecast() => _renewals is null ? null : RenewalForecast.Build(_renewals, asOf);

    public void Add(in ScoredRow row)
    {
        var arr = row.Row.Signals.AnnualRecurringRevenue;
        if (row.Health.HasScore)
        {
            _histogram[Math.Min(9, (int)(row.Health.Value / 10))]++;
        }

        _tree?.Add(row);
        if (_renewals is not null && arr is { } revenue && row.Row.Signals.RenewalDate is { } renewal && renewal >= asOf && renewal < asOf.PlusMonths(12))
        {
            // A contract that ends on its renewal date: the forecast's renewal is that date.
            var term = renewal == asOf ? Period.FromDays(1) : Period.Between(asOf, renewal, PeriodUnits.Days);
            var start = renewal == asOf ? asOf.PlusDays(-1) : asOf;
            _renewals.Add(new RenewalForecastInput(new Contract(row.Row.Id, start, term, autoRenews: false, revenue), row.Churn.Level.ToString()));
        }

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

        if (row.Row.Expansion is not null)
        {
            _expansionKnown++;
            _expansionFound += row.BestExpansion is null ? 0 : 1;
        }

        if (row.Churn.Level >= ChurnRiskLevel.Medium)
        {
            _callable++;
            if (_worklist.Count < WorklistSize)
            {
                _worklist.Enqueue(row, row);
            }
            else if (Worklist(row, _worklist.Peek()) < 0)
            {
                _worklist.DequeueEnqueue(row, row);
            }
        }
    }

    /// <summary>The accounts to call first, in worklist order (level, then priority), each with its next playbook step.</summary>
    public IReadOnlyList<WorkItem> CallFirst()
    {
        var rows = _worklist.UnorderedItems.Select(i => i.Element).ToList();
        rows.Sort(Worklist);
        return [.. rows.Select(r =>
        {
            var assessment = Assessor.Assess(r.Row.Signals);
            return new WorkItem(r, assessment, Planner.Plan(assessment, asOf).FirstOrDefault());
        })];
    }

    public PortfolioSummary Summary => _builder.ToSummary();

    public double? OnboardingCompletion => _onboardingKnown == 0 ? null : (double)_onboardingCompleted / _onboardingKnown;

    public KpiReport Kpis(PortfolioSummary summary) => KpiReport.Evaluate(PortfolioFigures.From(summary) with
    {
        OnboardingCompletion = OnboardingCompletion,
        ProductAdoption = _adoptionKnown == 0 ? null : _adoptionSum / _adoptionKnown,
        ExpansionOpportunityShare = _expansionKnown == 0 ? null : (double)_expansionFound / _expansionKnown,
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
            json.WriteString("time_zone", zone.Id);
            if (counts.Currency is { } currency)
            {
                json.WriteString("currency", currency);
            }
            else
            {
                json.WriteNull("currency");
            }

            json.WriteStartArray("call_first");
            foreach (var item in CallFirst())
            {
                item.WriteJson(json, asOf);
            }

            json.WriteEndArray();
            WriteParentsJson(json);
            json.WritePropertyName("portfolio");
            summary.WriteJson(json);
            json.WriteStartObject("nps_confidence_interval");
            var interval = NpsStatistics.ConfidenceInterval(summary.Nps);
            json.WriteNumber("level", interval.Level);
            if (summary.Nps.HasScore)
            {
                json.WriteNumber("score", ScoreWriter.Round(summary.Nps.Score, 1));
            }
            else
            {
                json.WriteNull("score");
            }

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
                    json.WriteString("needs", Needs(kpi.Target.Metric));
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

    public void WriteText(TextWriter writer, bool terminal, RunCounts counts)
    {
        var summary = Summary;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Width;
        var c = CultureInfo.InvariantCulture;
        var currency = counts.Currency;
        console.Write(new Rule($"[bold]Portfolio: {summary.TotalCustomers.ToString("N0", c)} customers[/] as of {asOf.ToString("uuuu-MM-dd", c)}").LeftJustified());
        console.WriteLine($"Model {model.Name} · dates in {zone.Id} · " + (currency is null ? "no currency named (--currency)" : $"amounts in {currency}"));
        console.WriteLine();
        WriteCallFirst(console, currency);
        WriteParents(console, currency);

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

        var money = currency is null ? string.Empty : " " + currency;
        var figures = new Table().Border(TableBorder.Rounded).AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        figures.AddRow("Total ARR", summary.TotalArr.ToString("N2", c) + money);
        figures.AddRow("ARR at risk (High and Critical)", summary.ArrAtRisk.ToString("N2", c) + money);
        figures.AddRow("Expected loss (estimate)", summary.ExpectedLoss.ToString("N2", c) + money);
        figures.AddRow($"Renewals in the next {RenewalWindowDays} days", $"{_renewalsDue.ToString("N0", c)} ({_renewalArr.ToString("N2", c)}{money} ARR)");
        figures.AddRow("Share green", summary.ShareGreen is { } g ? $"{Percent(g)} (target: above {PortfolioSummary.GreenShareTarget.ToString("0 %", c)})" : "no scores");
        figures.AddRow("Mean health", (summary.MeanHealth is { } mean ? Fixed(mean) : null) ?? "no scores");
        var interval = NpsStatistics.ConfidenceInterval(summary.Nps);
        figures.AddRow("NPS", Markup.Escape(summary.Nps.HasScore
            ? $"{Fixed(summary.Nps.Score)} from {summary.Nps.Total.ToString("N0", c)} responses"
              + (interval.HasInterval ? $", {interval.Level.ToString("0 %", c)} interval [{Fixed(interval.Lower)}, {Fixed(interval.Upper)}]" : $" (too few for an interval; {interval.MinimumResponses} needed)")
            : "no responses"));
        console.Write(figures);

        // One row per metric: the playbooks that set the same target share a row; what this input cannot measure goes last.
        var results = Kpis(summary).Results;
        var kpis = new Table().Border(TableBorder.Rounded).Title("[bold]KPIs against the playbooks' targets[/]")
            .AddColumn(new TableColumn("Metric")).AddColumn(new TableColumn("Target")).AddColumn("Set by")
            .AddColumn(new TableColumn("Figure").RightAligned()).AddColumn("Result");
        foreach (var group in KpiRows(results.Where(r => r.Figure is not null)))
        {
            kpis.AddRow(
                MetricName(group.Metric),
                Markup.Escape(group.Target),
                Markup.Escape(group.Sources),
                Figure(group.Metric, group.Figure!.Value),
                group.Met ? "[green]met[/]" : "[red]not met[/]");
        }

        console.Write(kpis);
        var unmeasured = KpiRows(results.Where(r => r.Figure is null)).ToList();
        if (unmeasured.Count > 0)
        {
            var missing = new Table().Border(TableBorder.Rounded).Title("[bold]Not measured from this input[/]")
                .AddColumn(new TableColumn("Metric")).AddColumn(new TableColumn("Target")).AddColumn("Set by").AddColumn("Measured with");
            foreach (var group in unmeasured)
            {
                missing.AddRow(MetricName(group.Metric), Markup.Escape(group.Target), Markup.Escape(group.Sources), Markup.Escape(Needs(group.Metric)));
            }

            console.Write(missing);
            if (unmeasured.Any(g => Needs(g.Metric) == "subscription history"))
            {
                console.WriteLine("Subscription history (MRR by month) is not in a CRM snapshot; the library's");
                console.WriteLine("RetentionMetrics computes retention, churn and expansion revenue from it.");
            }
        }
    }

    /// <summary>A target as the report shows it: "> 50.0" or ">= 80.0 %".</summary>
    internal static string TargetText(KpiTarget target) => Comparison(target.Comparison) + " " + Figure(target.Metric, target.Value);

    /// <summary>A KPI figure in its metric's unit.</summary>
    internal static string FigureText(KpiMetric metric, double value) => Figure(metric, value);

    /// <summary>What this tool would need to measure a KPI it has no figure for.</summary>
    internal static string Needs(KpiMetric metric) => metric switch
    {
        KpiMetric.NetRevenueRetention or KpiMetric.GrossRevenueRetention or KpiMetric.AnnualChurnRate or KpiMetric.ExpansionRevenueShare =>
            "subscription history",
        KpiMetric.NetPromoterScore => "an nps column",
        KpiMetric.ShareGreen => "the model's component columns",
        KpiMetric.OnboardingCompletion => "an onboarding_completed column",
        KpiMetric.ProductAdoption => "a feature_adoption column",
        KpiMetric.ExpansionOpportunityShare => "a plan column",
        _ => "not in this tool's input",
    };

    /// <summary>A KPI's name in words.</summary>
    internal static string MetricName(KpiMetric metric) => metric switch
    {
        KpiMetric.NetRevenueRetention => "Net revenue retention",
        KpiMetric.GrossRevenueRetention => "Gross revenue retention",
        KpiMetric.AnnualChurnRate => "Annual churn rate",
        KpiMetric.NetPromoterScore => "Net Promoter Score",
        KpiMetric.ShareGreen => "Share of customers green",
        KpiMetric.OnboardingCompletion => "Onboarding completion",
        KpiMetric.ExpansionRevenueShare => "Expansion revenue share",
        KpiMetric.ProductAdoption => "Product adoption",
        KpiMetric.QbrCompletion => "QBR completion",
        KpiMetric.ExpansionOpportunityShare => "Accounts with an expansion opportunity",
        KpiMetric.AdvocateShare => "Customers who are advocates",
        KpiMetric.ResponseTimeHours => "Response time",
        KpiMetric.TimeToFirstValueHours => "Time to first value",
        KpiMetric.TimeToValueDays => "Time to value",
        KpiMetric.OnboardingDurationDays => "Onboarding duration",
        _ => metric.ToString(),
    };

    /// <summary>
    /// The KPI results as rows of one metric each: the targets of the metric (each with the playbooks that set it),
    /// the figure, and whether every target is met.
    /// </summary>
    private static IEnumerable<KpiRow> KpiRows(IEnumerable<KpiResult> results) =>
        results.GroupBy(r => r.Target.Metric).Select(metric =>
        {
            var targets = metric.GroupBy(r => (r.Target.Comparison, r.Target.Value))
                .Select(t => (Text: Comparison(t.Key.Comparison) + " " + Figure(metric.Key, t.Key.Value), Sources: string.Join(", ", t.Select(r => Playbook(r.Target.Source)).Distinct(StringComparer.Ordinal))))
                .ToList();
            var target = targets.Count == 1 ? targets[0].Text : string.Join("; ", targets.Select(t => $"{t.Text} ({t.Sources})"));
            var playbooks = metric.Select(r => Playbook(r.Target.Source)).Distinct(StringComparer.Ordinal).ToList();
            var sources = string.Join(", ", playbooks) + (playbooks.Count > 1 ? " playbooks" : " playbook");
            return new KpiRow(metric.Key, target, sources, metric.First().Figure, metric.All(r => r.Met == true));
        });

    /// <summary>A target's source as its playbook's name: "CS Manager playbook (world-class)" reads "CS Manager (world-class)".</summary>
    private static string Playbook(string source) => source.Replace(" playbook", string.Empty, StringComparison.Ordinal);

    /// <summary>The accounts to call first, three lines each, at most <see cref="Width"/> columns.</summary>
    private void WriteCallFirst(IAnsiConsole console, string? currency)
    {
        var c = CultureInfo.InvariantCulture;
        var items = CallFirst();
        if (items.Count == 0)
        {
            console.MarkupLine("[bold]Call first:[/] no account is at Medium risk or above.");
            console.WriteLine();
            return;
        }

        console.MarkupLine($"[bold]Call first:[/] {items.Count} of {_callable.ToString("N0", c)} accounts at Medium risk or above");
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var line in items[i].Lines(i + 1, currency, asOf).SelectMany(l => Wrap(l, Width, "      ")))
            {
                console.WriteLine(line);
            }
        }

        console.WriteLine();
    }

    /// <summary>The parents most at risk, with their accounts' figures rolled up; nothing when the input has no parents.</summary>
    private void WriteParents(IAnsiConsole console, string? currency)
    {
        var (rollUps, problem) = Parents();
        if (problem is not null)
        {
            console.WriteLine(string.Join(Environment.NewLine, Wrap($"Parent accounts: not rolled up: {problem}", Width, "  ")));
            console.WriteLine();
            return;
        }

        if (rollUps is null || rollUps.Count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var shown = AccountTree.ByRisk(rollUps).Take(ParentsShown).ToList();
        var title = shown.Count < rollUps.Count
            ? $"[bold]Parent accounts:[/] the {shown.Count} most at risk of {rollUps.Count.ToString("N0", c)} (all with --format json)"
            : $"[bold]Parent accounts:[/] {rollUps.Count.ToString("N0", c)}, their accounts rolled up";
        console.MarkupLine(title);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Parent").AddColumn(new TableColumn("Accts").RightAligned()).AddColumn(new TableColumn("ARR" + (currency is null ? string.Empty : " " + currency)).RightAligned())
            .AddColumn(new TableColumn("Health").RightAligned()).AddColumn("Level (from)").AddColumn("Renews");
        foreach (var r in shown)
        {
            table.AddRow(
                Markup.Escape(Fit(r.Account, 16)),
                r.Members.Count.ToString("N0", c),
                r.AnnualRecurringRevenue.ToString("N0", c),
                Markup.Escape(r.Health.HasScore ? $"{Fixed(r.Health.Value)} {r.Health.Band.Label}" : "no score"),
                Markup.Escape(r.ChurnLevel is { } level ? $"{level} ({Fit(r.ChurnLevelFrom ?? "?", 14)})" : "unknown"),
                r.EarliestRenewal is { } date ? date.ToString("uuuu-MM-dd", c) : "unknown");
        }

        console.Write(table);
        console.WriteLine();
    }

    private void WriteParentsJson(Utf8JsonWriter json)
    {
        var (rollUps, problem) = Parents();
        if (problem is not null)
        {
            json.WriteNull("parents");
            json.WriteString("parents_problem", problem);
            return;
        }

        if (rollUps is null)
        {
            return;
        }

        json.WriteStartArray("parents");
        foreach (var r in AccountTree.ByRisk(rollUps))
        {
            json.WriteStartObject();
            json.WriteString("id", r.Account);
            json.WriteStartArray("members");
            foreach (var member in r.Members)
            {
                json.WriteStringValue(member);
            }

            json.WriteEndArray();
            json.WriteNumber("arr", r.AnnualRecurringRevenue);
            if (r.Health.HasScore)
            {
                json.WriteNumber("health_score", ScoreWriter.Round(r.Health.Value, 2));
                json.WriteString("band", r.Health.Band.Label);
            }
            else
            {
                json.WriteNull("health_score");
                json.WriteNull("band");
            }

            ScoreWriter.WriteOrNull(json, "lowest_health_account", r.LowestHealthAccount);
            ScoreWriter.WriteOrNull(json, "churn_level", r.ChurnLevel?.ToString());
            ScoreWriter.WriteOrNull(json, "churn_level_from", r.ChurnLevelFrom);
            if (r.RiskScore is { } risk)
            {
                json.WriteNumber("risk_score", ScoreWriter.Round(risk, 1));
            }
            else
            {
                json.WriteNull("risk_score");
            }

            ScoreWriter.WriteOrNull(json, "earliest_renewal", r.EarliestRenewal?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
            ScoreWriter.WriteOrNull(json, "earliest_renewal_account", r.EarliestRenewalAccount);
            if (r.Nps.HasScore)
            {
                json.WriteNumber("nps", ScoreWriter.Round(r.Nps.Score, 1));
            }
            else
            {
                json.WriteNull("nps");
            }

            json.WriteNumber("nps_responses", r.Nps.Total);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A line cut to <paramref name="width"/> characters, with an ellipsis where it was cut.</summary>
    internal static string Fit(string line, int width) => line.Length <= width ? line : string.Concat(line.AsSpan(0, width - 1), "…");

    /// <summary>A line wrapped at spaces to lines of at most <paramref name="width"/> characters; the lines after the first start with <paramref name="indent"/>.</summary>
    internal static IEnumerable<string> Wrap(string line, int width, string indent)
    {
        while (line.Length > width)
        {
            var cut = line.LastIndexOf(' ', width);
            if (cut <= indent.Length)
            {
                break;
            }

            yield return line[..cut];
            line = indent + line[(cut + 1)..];
        }

        yield return Fit(line, width);
    }

    /// <summary>One account to call: its scored row, its full assessment and the first step of its plan.</summary>
    internal sealed record WorkItem(ScoredRow Row, ChurnAssessment Assessment, PlannedAction? Next)
    {
        /// <summary>The account in three lines: who and how much; why and when; what to do next.</summary>
        public IEnumerable<string> Lines(int rank, string? currency, LocalDate asOf)
        {
            var c = CultureInfo.InvariantCulture;
            var row = Row.Row;
            var who = $"{rank,2}. {(row.Name is { } name ? $"{name} ({row.Id})" : row.Id)}";
            var arr = row.Signals.AnnualRecurringRevenue is { } value ? $"{value.ToString("N0", c)}{(currency is null ? string.Empty : " " + currency)}" : "ARR unknown";
            var renewal = Assessment.DaysToRenewal switch
            {
                null => "renewal unknown",
                < 0 => "renewal passed",
                0 => "renews today",
                1 => "renews tomorrow",
                { } days => $"renews in {days.ToString(c)} d",
            };
            var right = $"{Assessment.Level} · {arr} · {renewal}";
            var room = Width - right.Length - 1;
            yield return (who.Length > room ? Fit(who, room) : who.PadRight(room)) + " " + right;
            yield return "    " + (Assessment.Factors.Count == 0 ? "no rule fired" : string.Join(", ", Assessment.Factors.Take(3).Select(f => f.RuleId)));
            yield return Next is { } next
                ? $"    next: {next.Step.Action} ({next.Step.Owner}, {Due(next.Due, asOf)})"
                : "    next: no playbook step applies";
        }

        public void WriteJson(Utf8JsonWriter json, LocalDate asOf)
        {
            var row = Row.Row;
            json.WriteStartObject();
            json.WriteString("id", row.Id);
            if (row.Name is { } name)
            {
                json.WriteString("name", name);
            }

            if (row.Signals.AnnualRecurringRevenue is { } arr)
            {
                json.WriteNumber("arr", arr);
            }

            json.WriteString("level", Assessment.Level.ToString());
            json.WriteNumber("risk_score", ScoreWriter.Round(Assessment.RiskScore, 1));
            json.WriteNumber("priority", ScoreWriter.Round(Assessment.PriorityScore, 1));
            json.WriteStartArray("top_factors");
            foreach (var factor in Assessment.Factors.Take(3))
            {
                json.WriteStringValue(factor.RuleId);
            }

            json.WriteEndArray();
            if (Assessment.DaysToRenewal is { } days)
            {
                json.WriteNumber("days_to_renewal", days);
            }

            if (Next is { } next)
            {
                json.WriteStartObject("next_step");
                json.WriteString("action", next.Step.Action);
                json.WriteString("owner", next.Step.Owner);
                json.WriteString("due", next.Due.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("playbook", next.Playbook.Name);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        private static string Due(LocalDate due, LocalDate asOf) =>
            due == asOf ? "today" : due == asOf.PlusDays(1) ? "tomorrow" : "due " + due.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>One metric's row of the KPI table.</summary>
    private sealed record KpiRow(KpiMetric Metric, string Target, string Sources, double? Figure, bool Met);

    private static int Worklist(ScoredRow x, ScoredRow y) => ChurnRiskBrief.CompareForWorklist(x.Churn, x.Row.Id, y.Churn, y.Row.Id);

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
