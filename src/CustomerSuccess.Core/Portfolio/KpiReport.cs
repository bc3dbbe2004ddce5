using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Portfolio;

/// <summary>A portfolio's figures against KPI targets: each target met or not, with the figure and the target.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class KpiReport
{
    private KpiReport(List<KpiResult> results, PortfolioFigures figures)
    {
        Results = results.AsReadOnly();
        Figures = figures;
    }

    /// <summary>The figures the report was made from, the revenue figures that have no target (total ARR, ARR at risk, expected loss) included.</summary>
    public PortfolioFigures Figures { get; }

    /// <summary>One result per target, in the targets' order.</summary>
    public IReadOnlyList<KpiResult> Results { get; }

    /// <summary>Targets met.</summary>
    public int MetCount => Results.Count(r => r.Met == true);

    /// <summary>Targets missed.</summary>
    public int MissedCount => Results.Count(r => r.Met == false);

    /// <summary>Targets whose figure is not known.</summary>
    public int UnknownCount => Results.Count(r => r.Met is null);

    /// <summary>Checks figures against targets.</summary>
    /// <param name="figures">The portfolio's figures.</param>
    /// <param name="targets">The targets; <see cref="KpiTargets.Default"/> (CS Manager and Petra playbooks) when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figures"/> is null.</exception>
    /// <exception cref="ArgumentException">A target is null, or a figure is NaN or infinite (the message names the metric).</exception>
    public static KpiReport Evaluate(PortfolioFigures figures, IEnumerable<KpiTarget>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var results = new List<KpiResult>();
        foreach (var target in targets ?? KpiTargets.Default)
        {
            if (target is null)
            {
                throw new ArgumentException("a target is null.", nameof(targets));
            }

            var figure = figures.For(target.Metric);
            if (figure is { } f && !double.IsFinite(f))
            {
                throw new ArgumentException($"the figure of {target.Metric} is {Internal.Guard.Format(f)}; a figure must be a finite number, or null when it is not known.", nameof(figures));
            }

            results.Add(new KpiResult(target, figure));
        }

        return new KpiReport(results, figures);
    }

    /// <inheritdoc />
    /// <remarks>The targets one a line, then, when the figures have them, the revenue figures: "ARR 500000.00, ARR at risk 60000.00, expected loss 12345.67 (estimated)".</remarks>
    public override string ToString()
    {
        var lines = string.Join(Environment.NewLine, Results);
        if (Figures.TotalArr is not { } total)
        {
            return lines;
        }

        var revenue = PortfolioRevenue.Describe(total, Figures.ArrAtRisk, Figures.ExpectedLoss, Figures.ExpectedLossIsEstimate);
        return lines.Length == 0 ? revenue : lines + Environment.NewLine + revenue;
    }
}
