using System;
using System.Globalization;

namespace CustomerSuccess.Portfolio;

/// <summary>A target for one portfolio figure, with where it comes from.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class KpiTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="metric">The figure it is set on.</param>
    /// <param name="comparison">How the figure must compare with <paramref name="value"/>.</param>
    /// <param name="value">The target value, in the metric's unit (fractions for rates and shares, points for NPS, hours or days for times).</param>
    /// <param name="source">Where the target comes from, for the report.</param>
    /// <exception cref="ArgumentOutOfRangeException">The metric or comparison is not defined, or the value is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is null or blank.</exception>
    public KpiTarget(KpiMetric metric, KpiComparison comparison, double value, string source)
    {
        if (!Enum.IsDefined(metric))
        {
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "the metric is not a defined KpiMetric.");
        }

        if (!Enum.IsDefined(comparison))
        {
            throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "the comparison is not a defined KpiComparison.");
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "the target value must be a finite number.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Metric = metric;
        Comparison = comparison;
        Value = value;
        Source = source;
    }

    /// <summary>The figure the target is set on.</summary>
    public KpiMetric Metric { get; }

    /// <summary>How the figure must compare with <see cref="Value"/>.</summary>
    public KpiComparison Comparison { get; }

    /// <summary>The target value.</summary>
    public double Value { get; }

    /// <summary>Where the target comes from.</summary>
    public string Source { get; }

    /// <summary>Whether a figure meets the target.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns><see langword="true"/> when it meets the target.</returns>
    public bool IsMetBy(double figure) => Comparison switch
    {
        KpiComparison.Above => figure > Value,
        KpiComparison.AtLeast => figure >= Value,
        KpiComparison.Below => figure < Value,
        _ => figure <= Value,
    };

    /// <summary>The target as text, such as "NetRevenueRetention &gt; 110 % (CS Manager playbook)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var symbol = Comparison switch
        {
            KpiComparison.Above => ">",
            KpiComparison.AtLeast => ">=",
            KpiComparison.Below => "<",
            _ => "<=",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Metric} {symbol} {FormatValue(Metric, Value)} ({Source})");
    }

    internal static string FormatValue(KpiMetric metric, double value) => metric switch
    {
        KpiMetric.NetPromoterScore => value.ToString("0.#", CultureInfo.InvariantCulture),
        KpiMetric.ResponseTimeHours or KpiMetric.TimeToFirstValueHours => value.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        KpiMetric.TimeToValueDays or KpiMetric.OnboardingDurationDays => value.ToString("0.#", CultureInfo.InvariantCulture) + " days",
        _ => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %",
    };
}
