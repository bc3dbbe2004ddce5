using System;
using System.Globalization;

namespace CustomerSuccess.Nps;

/// <summary>
/// An adjusted-Wald confidence interval for a Net Promoter Score, in points; or, when the summary has fewer
/// responses than the minimum asked for, a result that says so (<see cref="HasInterval"/> is false).
/// </summary>
/// <remarks>Immutable and thread-safe; made by <see cref="NpsStatistics.ConfidenceInterval"/>.</remarks>
public sealed class NpsConfidenceInterval
{
    private readonly double _lower;
    private readonly double _upper;
    private readonly double _estimate;
    private readonly double _standardError;
    private readonly double _z;

    internal NpsConfidenceInterval(double level, long responses, int minimumResponses, bool hasInterval, double estimate, double standardError, double z)
    {
        Level = level;
        Responses = responses;
        MinimumResponses = minimumResponses;
        HasInterval = hasInterval;
        _estimate = estimate;
        _standardError = standardError;
        _z = z;
        _lower = Math.Max(-100, estimate - (z * standardError));
        _upper = Math.Min(100, estimate + (z * standardError));
    }

    /// <summary>The confidence level, in (0, 1), for example 0.95.</summary>
    public double Level { get; }

    /// <summary>The number of responses in the summary.</summary>
    public long Responses { get; }

    /// <summary>The fewest responses for which an interval is given.</summary>
    public int MinimumResponses { get; }

    /// <summary>Whether there were enough responses for a meaningful interval; when false the other figures throw.</summary>
    public bool HasInterval { get; }

    /// <summary>The adjusted estimate at the centre of the interval, in points: 100 × ((P + ¾) − (D + ¾)) ÷ (n + 3).</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double AdjustedEstimate => HasInterval ? _estimate : throw TooFew();

    /// <summary>The adjusted standard error, in points.</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double StandardError => HasInterval ? _standardError : throw TooFew();

    /// <summary>The margin of error, in points: z × the adjusted standard error.</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double MarginOfError => HasInterval ? _z * _standardError : throw TooFew();

    /// <summary>The lower end of the interval, in points, no lower than −100.</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double Lower => HasInterval ? _lower : throw TooFew();

    /// <summary>The upper end of the interval, in points, no higher than +100.</summary>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public double Upper => HasInterval ? _upper : throw TooFew();

    /// <summary>Whether a score lies within the interval (ends included).</summary>
    /// <param name="score">A score in points.</param>
    /// <returns>True when <see cref="Lower"/> ≤ score ≤ <see cref="Upper"/>.</returns>
    /// <exception cref="InvalidOperationException">There were too few responses.</exception>
    public bool Contains(double score) => Lower <= score && score <= Upper;

    /// <summary>For example "95% CI [+38.2, +61.4]" or "no interval: 12 responses, fewer than 30".</summary>
    public override string ToString() =>
        HasInterval
            ? string.Create(CultureInfo.InvariantCulture, $"{Level:0.##%} CI [{_lower:+0.0;-0.0;0}, {_upper:+0.0;-0.0;0}]")
            : string.Create(CultureInfo.InvariantCulture, $"no interval: {Responses} responses, fewer than {MinimumResponses}");

    private InvalidOperationException TooFew() =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"there is no confidence interval: the summary has {Responses} responses, fewer than the {MinimumResponses} asked for. Check HasInterval first."));
}
