using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Health;

/// <summary>
/// Reads a series of dated health scores: the change since the previous score, the least-squares slope a week,
/// a direction with a tolerance, and band transitions with hysteresis.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HealthTrendAnalyzer
{
    /// <summary>Creates an analyzer.</summary>
    /// <param name="options">The settings; the defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range; the message names it.</exception>
    public HealthTrendAnalyzer(HealthTrendOptions? options = null)
    {
        Options = options ?? new HealthTrendOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public HealthTrendOptions Options { get; }

    /// <summary>Analyzes a series of dated scores.</summary>
    /// <param name="scores">The scores, oldest first, on strictly increasing dates; each in [0, 100].</param>
    /// <param name="bands">The band scheme to classify the scores with.</param>
    /// <returns>The trend; for an empty series a stable trend with no band.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A date is not after the one before it; the message names both.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is not in [0, 100]; the message names its date.</exception>
    [Pure]
    public HealthTrend Analyze(IEnumerable<DatedHealthScore> scores, HealthBandScheme bands)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(bands);
        DatedHealthScore[] series = [.. scores];
        for (var i = 0; i < series.Length; i++)
        {
            if (!(series[i].Score >= 0 && series[i].Score <= 100))
            {
                throw Guard.OutOfRange(series[i].Score, 0, 100, $"the health score on {series[i].Date:uuuu-MM-dd}", nameof(scores));
            }

            if (i > 0 && series[i].Date <= series[i - 1].Date)
            {
                throw new ArgumentException(
                    $"dated scores must be in strictly increasing date order, but {series[i].Date:uuuu-MM-dd} (#{i}) follows {series[i - 1].Date:uuuu-MM-dd}.",
                    nameof(scores));
            }
        }

        var slope = SlopePerWeek(series);
        var direction = slope is not { } s || Math.Abs(s) <= Options.StableTolerancePerWeek
            ? HealthTrendDirection.Stable
            : s > 0 ? HealthTrendDirection.Improving : HealthTrendDirection.Declining;

        HealthBand? current = null;
        var transitions = new List<BandTransition>();
        foreach (var point in series)
        {
            var next = bands.Classify(point.Score, current, Options.HysteresisMargin);
            if (current is not null && !next.Equals(current))
            {
                transitions.Add(new BandTransition(point.Date, current, next, point.Score));
            }

            current = next;
        }

        return new HealthTrend(Array.AsReadOnly(series), slope, direction, current, transitions.AsReadOnly());
    }

    private static double? SlopePerWeek(DatedHealthScore[] series)
    {
        if (series.Length < 2)
        {
            return null;
        }

        var origin = series[0].Date;
        var meanX = series.Average(p => (double)Period.DaysBetween(origin, p.Date));
        var meanY = series.Average(p => p.Score);
        double sxy = 0, sxx = 0;
        foreach (var p in series)
        {
            var dx = Period.DaysBetween(origin, p.Date) - meanX;
            sxy += dx * (p.Score - meanY);
            sxx += dx * dx;
        }

        return sxy / sxx * 7;
    }
}
