using System;
using System.Collections.Generic;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// A Kaplan–Meier retention curve (Kaplan and Meier, 1958) with Greenwood's (1926) variance: the share of accounts
/// still retained over time, accounts that left observation without churning (censored) counted while they were
/// observed and never as retained after. Data a chart plots: a step at each time something happened.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SurvivalCurve
{
    private SurvivalCurve(IReadOnlyList<SurvivalPoint> points, long accounts, double level)
    {
        Points = points;
        Accounts = accounts;
        Level = level;
    }

    /// <summary>The steps, in time order: one per distinct time with an event or a censoring.</summary>
    public IReadOnlyList<SurvivalPoint> Points { get; }

    /// <summary>How many accounts the curve is drawn from.</summary>
    public long Accounts { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double Level { get; }

    /// <summary>The median lifetime: the first time the survival falls to 0.5 or below; null when the curve never does.</summary>
    public double? Median
    {
        get
        {
            foreach (var point in Points)
            {
                if (point.Survival <= 0.5)
                {
                    return point.Time;
                }
            }

            return null;
        }
    }

    /// <summary>The share retained just after <paramref name="time"/>: 1 before the first churn.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The survival at that time.</returns>
    public double SurvivalAt(double time)
    {
        var survival = 1.0;
        foreach (var point in Points)
        {
            if (point.Time > time)
            {
                break;
            }

            survival = point.Survival;
        }

        return survival;
    }

    /// <summary>Estimates the curve from each account's time observed and whether it churned then.</summary>
    /// <param name="times">Each account's time: when it churned, or when its observation ended; finite, 0 or more.</param>
    /// <param name="churned">Whether each account churned at its time (false: censored there), as long as <paramref name="times"/>.</param>
    /// <param name="level">The confidence level of the intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The curve; with no accounts, a curve without steps.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a time is negative or not finite (naming its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static SurvivalCurve KaplanMeier(ReadOnlySpan<double> times, ReadOnlySpan<bool> churned, double level = ProportionInterval.DefaultLevel)
    {
        if (times.Length != churned.Length)
        {
            throw new ArgumentException($"there are {times.Length} times and {churned.Length} outcomes; give one outcome per time.", nameof(churned));
        }

        var z = Normal.Critical(level, nameof(level));
        var n = times.Length;
        var keys = new double[n];
        var events = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (!(double.IsFinite(times[i]) && times[i] >= 0))
            {
                throw new ArgumentException($"time #{i} is {Guard.Format(times[i])}; a time must be a finite number, 0 or more.", nameof(times));
            }

            keys[i] = times[i];
            events[i] = churned[i];
        }

        Array.Sort(keys, events);
        var points = new List<SurvivalPoint>();
        var atRisk = (long)n;
        var survival = 1.0;
        var greenwood = 0.0;
        for (var start = 0; start < n;)
        {
            var end = start;
            long died = 0;
            while (end < n && keys[end] == keys[start])
            {
                died += events[end] ? 1 : 0;
                end++;
            }

            var left = end - start;
            if (died > 0)
            {
                survival *= 1 - ((double)died / atRisk);
                greenwood = died < atRisk ? greenwood + ((double)died / (atRisk * (double)(atRisk - died))) : greenwood;
            }

            var error = survival > 0 ? survival * Math.Sqrt(greenwood) : 0;
            points.Add(new SurvivalPoint(keys[start], atRisk, died, left - died, survival, error, Math.Max(0, survival - (z * error)), Math.Min(1, survival + (z * error))));
            atRisk -= left;
            start = end;
        }

        return new SurvivalCurve(points.AsReadOnly(), n, level);
    }
}
