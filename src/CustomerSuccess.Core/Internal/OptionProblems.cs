using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Internal;

/// <summary>
/// Collects the problems of a set of options, one message per bad value in one form:
/// "{name} is {value}; it must be {range}." Numbers are written invariantly.
/// </summary>
internal sealed class OptionProblems
{
    /// <summary>The problems found so far.</summary>
    public List<string> List { get; } = [];

    /// <summary>Adds a problem in words of its own.</summary>
    public void Add(string problem) => List.Add(problem);

    /// <summary>A double in a range; either end may be exclusive.</summary>
    public void InRange(double value, double min, double max, string name, bool minExclusive = false, bool maxExclusive = false)
    {
        var ok = (minExclusive ? value > min : value >= min) && (maxExclusive ? value < max : value <= max);
        if (!ok)
        {
            List.Add($"{name} is {Guard.Format(value)}; it must be in {(minExclusive ? "(" : "[")}{Guard.Format(min)}, {Guard.Format(max)}{(maxExclusive ? ")" : "]")}.");
        }
    }

    /// <summary>A share in [0, 1], or [0, 1) when <paramref name="belowOne"/>.</summary>
    public void Share(double value, string name, bool belowOne = false) => InRange(value, 0, 1, name, maxExclusive: belowOne);

    /// <summary>A finite double above 0.</summary>
    public void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            List.Add($"{name} is {Guard.Format(value)}; it must be a finite number above 0.");
        }
    }

    /// <summary>An amount above 0.</summary>
    public void Positive(decimal value, string name)
    {
        if (value <= 0)
        {
            List.Add(Invariant($"{name} is {value}; it must be above 0."));
        }
    }

    /// <summary>An amount of 0 or more.</summary>
    public void NotNegative(decimal value, string name)
    {
        if (value < 0)
        {
            List.Add(Invariant($"{name} is {value}; it must be 0 or more."));
        }
    }

    /// <summary>A whole number of at least <paramref name="min"/>.</summary>
    public void AtLeast(int value, int min, string name)
    {
        if (value < min)
        {
            List.Add(Invariant($"{name} is {value}; it must be {min} or more."));
        }
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            List.Add(Invariant($"{name} is {value}; it must be in [{min}, {max}]."));
        }
    }

    /// <summary>Weights that are finite, 0 or more, and sum to 1 within 1e-9.</summary>
    public void Weights(string subject, params double[] weights)
    {
        if (weights.Any(w => !(w >= 0 && double.IsFinite(w))) || Math.Abs(weights.Sum() - 1) > 1e-9)
        {
            List.Add($"{subject} must be 0 or more and sum to 1 but are {string.Join(", ", weights.Select(Guard.Format))}.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
