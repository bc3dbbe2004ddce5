using System;
using System.Globalization;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Backtesting;

/// <summary>A share of a count (a churn rate, a renewal rate) with its Wilson score interval.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct ProportionInterval
{
    private ProportionInterval(long events, long trials, double level, double lower, double upper)
    {
        Events = events;
        Trials = trials;
        Level = level;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The default confidence level: 0.95 (ours, the common choice).</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>How many of the trials had the event (churned, renewed).</summary>
    public long Events { get; }

    /// <summary>How many trials there were.</summary>
    public long Trials { get; }

    /// <summary>The confidence level of the interval.</summary>
    public double Level { get; }

    /// <summary>Whether there is a share to estimate: at least one trial.</summary>
    public bool IsDefined => Trials > 0;

    /// <summary>The share, events over trials.</summary>
    /// <exception cref="InvalidOperationException">There are no trials: the share is undefined.</exception>
    public double Rate => IsDefined ? (double)Events / Trials : throw Undefined();

    /// <summary>The share, or null without trials.</summary>
    public double? RateOrNull => IsDefined ? (double)Events / Trials : null;

    /// <summary>The lower end of the Wilson interval, in [0, 1]; 0 without trials.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the Wilson interval, in [0, 1]; 1 without trials.</summary>
    public double Upper { get; }

    /// <summary>
    /// The Wilson score interval of <paramref name="events"/> in <paramref name="trials"/> (Wilson, 1927): unlike the
    /// normal approximation it stays inside [0, 1] and is not empty at 0 or all events, so it suits the small and
    /// lopsided counts of a band's churn.
    /// </summary>
    /// <param name="events">The events, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The trials, 0 or more; none gives an undefined share and the interval [0, 1].</param>
    /// <param name="level">The confidence level, in (0, 1); <see cref="DefaultLevel"/> by default.</param>
    /// <returns>The share and its interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the events exceed the trials, or the level is not in (0, 1).</exception>
    public static ProportionInterval Wilson(long events, long trials, double level = DefaultLevel)
    {
        if (trials < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "the trials must be 0 or more.");
        }

        if (events < 0 || events > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(events), events, string.Create(CultureInfo.InvariantCulture, $"the events must be in [0, {trials}] (the trials)."));
        }

        var z = Normal.Critical(level, nameof(level));
        if (trials == 0)
        {
            return new ProportionInterval(0, 0, level, 0, 1);
        }

        double n = trials;
        var p = events / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new ProportionInterval(events, trials, level, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static InvalidOperationException Undefined() => new("the share is undefined: there are no trials.");
}
