using System;
using System.Diagnostics.Contracts;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Nps;

/// <summary>
/// Standard error, confidence intervals and comparisons for Net Promoter Scores. Intervals use the adjusted-Wald
/// method: add 3 to n and ¾ to the promoter and detractor counts, then a normal interval around the adjusted
/// estimate (Rocks 2016, "Interval Estimation for the Net Promoter Score", The American Statistician 70(4)).
/// </summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class NpsStatistics
{
    /// <summary>The default fewest responses for an interval: 30.</summary>
    public const int DefaultMinimumResponses = 30;

    /// <summary>The default confidence level: 0.95.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>
    /// The standard error of the score, in points, without adjustment: 100 × √((p + d − (p − d)²) ÷ n), where p and d
    /// are the promoter and detractor shares.
    /// </summary>
    /// <param name="summary">A summary with at least one response.</param>
    /// <returns>The standard error in points, 0 or more.</returns>
    /// <exception cref="ArgumentException"><paramref name="summary"/> has no responses.</exception>
    [Pure]
    public static double StandardError(NpsSummary summary)
    {
        if (!summary.HasScore)
        {
            throw new ArgumentException("an NPS summary of no responses has no standard error.", nameof(summary));
        }

        var (_, variance) = Moments(summary.Promoters, summary.Detractors, summary.Total);
        return 100 * Math.Sqrt(variance);
    }

    /// <summary>The adjusted-Wald confidence interval of the score.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <param name="minimumResponses">The fewest responses for which an interval is given, 1 or more; 30 by default.</param>
    /// <returns>The interval, or a result that says there were too few responses.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) or <paramref name="minimumResponses"/> is below 1.</exception>
    [Pure]
    public static NpsConfidenceInterval ConfidenceInterval(NpsSummary summary, double level = DefaultLevel, int minimumResponses = DefaultMinimumResponses)
    {
        var z = Z(level);
        CheckMinimum(minimumResponses);
        if (summary.Total < minimumResponses)
        {
            return new NpsConfidenceInterval(level, summary.Total, minimumResponses, false, 0, 0, z);
        }

        var (estimate, variance) = AdjustedMoments(summary);
        return new NpsConfidenceInterval(level, summary.Total, minimumResponses, true, 100 * estimate, 100 * Math.Sqrt(variance), z);
    }

    /// <summary>
    /// Compares two scores: the observed difference current − baseline, the adjusted-Wald difference and its interval
    /// (centred on the adjusted difference, the two adjusted variances added), and whether the difference is
    /// significant at the level.
    /// </summary>
    /// <param name="current">The summary being compared, for example this quarter.</param>
    /// <param name="baseline">The summary compared against, for example last quarter.</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <param name="minimumResponses">The fewest responses each summary needs for an interval, 1 or more; 30 by default.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) or <paramref name="minimumResponses"/> is below 1.</exception>
    [Pure]
    public static NpsComparison Compare(NpsSummary current, NpsSummary baseline, double level = DefaultLevel, int minimumResponses = DefaultMinimumResponses)
    {
        var z = Z(level);
        CheckMinimum(minimumResponses);
        if (current.Total < minimumResponses || baseline.Total < minimumResponses)
        {
            return new NpsComparison(level, current, baseline, minimumResponses, false, 0, 0, 0);
        }

        var (a, va) = AdjustedMoments(current);
        var (b, vb) = AdjustedMoments(baseline);
        var centre = 100 * (a - b);
        var margin = 100 * z * Math.Sqrt(va + vb);
        return new NpsComparison(level, current, baseline, minimumResponses, true, centre, Math.Max(-200, centre - margin), Math.Min(200, centre + margin));
    }

    /// <summary>The two-sided critical value of the standard normal distribution for a confidence level.</summary>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>z such that P(−z &lt; Z &lt; z) = level, for example 1.959964 for 0.95.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    [Pure]
    public static double CriticalValue(double level) => Z(level);

    private static double Z(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level,
                $"the confidence level must be in (0, 1), for example 0.95, but was {Guard.Format(level)}.");
        }

        return Normal.Quantile(0.5 + (level / 2));
    }

    private static void CheckMinimum(int minimumResponses)
    {
        if (minimumResponses < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumResponses), minimumResponses,
                $"the minimum number of responses must be 1 or more but was {minimumResponses}.");
        }
    }

    private static (double Estimate, double Variance) AdjustedMoments(NpsSummary summary) =>
        Moments(summary.Promoters + 0.75, summary.Detractors + 0.75, summary.Total + 3.0);

    private static (double Estimate, double Variance) Moments(double promoters, double detractors, double n)
    {
        var p = promoters / n;
        var d = detractors / n;
        var estimate = p - d;
        return (estimate, Math.Max(0, p + d - (estimate * estimate)) / n);
    }
}
