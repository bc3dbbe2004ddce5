using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// A success metric agreed with the customer: a baseline, a target (above or below the baseline: hours saved up,
/// ticket time down) and dated measurements.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SuccessMetric
{
    /// <summary>Creates a metric.</summary>
    /// <param name="name">The metric, for example "Hours saved per week". Not empty.</param>
    /// <param name="baseline">The value before the product, a finite number.</param>
    /// <param name="target">The agreed value, a finite number other than <paramref name="baseline"/>.</param>
    /// <param name="measurements">The measurements, each date once; may be empty.</param>
    /// <exception cref="ArgumentException">The name is empty, a number is not finite, the target equals the baseline, or a date is measured twice.</exception>
    public SuccessMetric(string name, double baseline, double target, IEnumerable<MetricMeasurement>? measurements = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(baseline) || !double.IsFinite(target))
        {
            throw new ArgumentException($"metric '{name}' needs a finite baseline and target but has {Guard.Format(baseline)} and {Guard.Format(target)}.", nameof(target));
        }

        if (baseline == target)
        {
            throw new ArgumentException($"metric '{name}' has its target equal to its baseline ({Guard.Format(target)}): there is nothing to realise.", nameof(target));
        }

        var list = (measurements ?? []).ToArray();
        var dates = new HashSet<LocalDate>();
        foreach (var m in list)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(measurements));
            if (!double.IsFinite(m.Value))
            {
                throw new ArgumentException($"metric '{name}' measured {Guard.Format(m.Value)} on {m.Date:uuuu-MM-dd}; a measurement must be a finite number.", nameof(measurements));
            }

            if (!dates.Add(m.Date))
            {
                throw new ArgumentException($"metric '{name}' is measured twice on {m.Date:uuuu-MM-dd}.", nameof(measurements));
            }
        }

        Name = name;
        Baseline = baseline;
        Target = target;
        Measurements = Array.AsReadOnly(list.OrderBy(m => m.Date).ToArray());
    }

    /// <summary>The metric.</summary>
    public string Name { get; }

    /// <summary>The value before the product.</summary>
    public double Baseline { get; }

    /// <summary>The agreed value.</summary>
    public double Target { get; }

    /// <summary>The measurements, by date.</summary>
    public IReadOnlyList<MetricMeasurement> Measurements { get; }

    /// <summary>
    /// Progress toward the target on a date: (latest − baseline) / (target − baseline) from the latest measurement on or
    /// before it; 1 is the target reached, above 1 beyond it, below 0 worse than the baseline.
    /// </summary>
    /// <param name="asOf">The date.</param>
    /// <returns>The progress, or null when nothing was measured by then.</returns>
    public double? ProgressOn(LocalDate asOf)
    {
        MetricMeasurement? latest = null;
        foreach (var m in Measurements)
        {
            if (m.Date > asOf)
            {
                break;
            }

            latest = m;
        }

        return latest is null ? null : (latest.Value - Baseline) / (Target - Baseline);
    }
}
