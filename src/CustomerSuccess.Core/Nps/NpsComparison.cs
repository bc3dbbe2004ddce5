using System;
using System.Globalization;

namespace CustomerSuccess.Nps;

/// <summary>
/// The difference between two Net Promoter Scores (current − baseline) with an adjusted-Wald confidence interval
/// and whether it is significant at the chosen level.
/// </summary>
/// <remarks>Immutable and thread-safe; made by <see cref="NpsStatistics.Compare"/>.</remarks>
public sealed class NpsComparison
{
    private readonly double _lower;
    private readonly double _upper;

    private readonly double _adjusted;

    internal NpsComparison(double level, NpsSummary current, NpsSummary baseline, int minimumResponses, bool hasInterval, double adjusted, double lower, double upper)
    {
        _adjusted = adjusted;
        Level = level;
        Current = current;
        Baseline = baseline;
        MinimumResponses = minimumResponses;
        HasInterval = hasInterval;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>The confidence level, in (0, 1).</summary>
    public double Level { get; }

    /// <summary>The summary being compared, for example this quarter.</summary>
    public NpsSummary Current { get; }

    /// <summary>The summary compared against, for example last quarter.</summary>
    public NpsSummary Baseline { get; }

    /// <summary>The fewest responses each summary needs for an interval.</summary>
    public int MinimumResponses { get; }

    /// <summary>Whether both summaries had enough responses for an interval; when false the interval figures throw.</summary>
    public bool HasInterval { get; }

    /// <summary>The observed difference of the scores, current − baseline, in points (−200 to +200).</summary>
    /// <remarks>
    /// The interval is centred on <see cref="AdjustedDifference"/>, not on this: with few responses or extreme scores
    /// (30/0/0 against 0/0/30: +200) the observed difference can lie outside the interval. Report
    /// <see cref="AdjustedDifference"/> with the interval.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A summary has no responses.</exception>
    public double Difference => Current.Score - Baseline.Score;

    /// <summary>
    /// The adjusted-Wald estimate of the difference, in points: each score computed with ¾ of a promoter and ¾ of a
    /// detractor added to 3 more responses. The interval is centred on it (before clamping to ±200), so it always lies
    /// within [<see cref="Lower"/>, <see cref="Upper"/>]: the figure to report with the interval.
    /// </summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double AdjustedDifference => HasInterval ? _adjusted : throw TooFew();

    /// <summary>The lower end of the interval of the difference, in points.</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double Lower => HasInterval ? _lower : throw TooFew();

    /// <summary>The upper end of the interval of the difference, in points.</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double Upper => HasInterval ? _upper : throw TooFew();

    /// <summary>Whether the interval of the difference excludes 0: the scores differ at the chosen level.</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public bool IsSignificant => Lower > 0 || Upper < 0;

    /// <summary>
    /// For example "+11.6 points (observed +12.0), 95% CI [+2.1, +21.1], significant": the adjusted difference with its
    /// interval, and the observed difference beside it.
    /// </summary>
    public override string ToString() =>
        HasInterval
            ? string.Create(CultureInfo.InvariantCulture,
                $"{_adjusted:+0.0;-0.0;0} points (observed {Difference:+0.0;-0.0;0}), {Level:0.##%} CI [{_lower:+0.0;-0.0;0}, {_upper:+0.0;-0.0;0}], {(IsSignificant ? "significant" : "not significant")}")
            : string.Create(CultureInfo.InvariantCulture,
                $"no interval: {Current.Total} and {Baseline.Total} responses; each needs {MinimumResponses}");

    private InvalidOperationException TooFew() =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"there is no interval: the summaries have {Current.Total} and {Baseline.Total} responses, and each needs {MinimumResponses}. Check HasInterval first."));
}
