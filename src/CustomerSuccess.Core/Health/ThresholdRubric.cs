using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// Turns a metric into a component score by threshold steps: the highest step whose minimum the metric reaches
/// gives the score, and a metric below every step gets <see cref="Otherwise"/>. The CS Expert playbook's usage rule is one:
/// days active ≥ 20 → 100, ≥ 15 → 80, ≥ 10 → 60, ≥ 5 → 40, else 20.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ThresholdRubric
{
    private readonly ThresholdStep[] _steps;

    /// <summary>Creates a rubric, checking every step at once.</summary>
    /// <param name="steps">The steps, in any order.</param>
    /// <param name="otherwise">The score of a metric below every step, in [0, 100].</param>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The message lists every problem: no steps, a minimum that is not finite, a minimum used twice, a score or
    /// <paramref name="otherwise"/> outside [0, 100].
    /// </exception>
    public ThresholdRubric(IEnumerable<ThresholdStep> steps, double otherwise)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        var problems = new List<string>();
        if (list.Count == 0)
        {
            problems.Add("it has no steps.");
        }

        foreach (var step in list)
        {
            if (!double.IsFinite(step.Minimum))
            {
                problems.Add($"a step's minimum is {Guard.Format(step.Minimum)}; it must be finite.");
            }

            if (!(step.Score >= 0 && step.Score <= 100))
            {
                problems.Add($"the step at {Guard.Format(step.Minimum)} scores {Guard.Format(step.Score)}; scores must be in [0, 100].");
            }
        }

        foreach (var group in list.GroupBy(s => s.Minimum).Where(g => g.Count() > 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Count()} steps start at {Guard.Format(group.Key)}."));
        }

        if (!(otherwise >= 0 && otherwise <= 100))
        {
            problems.Add($"the score below every step is {Guard.Format(otherwise)}; it must be in [0, 100].");
        }

        Guard.NoProblems(problems, "Threshold rubric", nameof(steps));
        _steps = [.. list.OrderByDescending(s => s.Minimum)];
        Steps = Array.AsReadOnly(_steps);
        Otherwise = otherwise;
    }

    /// <summary>The steps, highest minimum first.</summary>
    public IReadOnlyList<ThresholdStep> Steps { get; }

    /// <summary>The score of a metric below every step.</summary>
    public double Otherwise { get; }

    /// <summary>The component score for a metric.</summary>
    /// <param name="metric">The metric, a finite number.</param>
    /// <returns>The score of the highest step the metric reaches, or <see cref="Otherwise"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is NaN or infinite.</exception>
    [Pure]
    public double Score(double metric)
    {
        if (!double.IsFinite(metric))
        {
            throw new ArgumentOutOfRangeException(nameof(metric), metric, $"the metric must be a finite number but was {Guard.Format(metric)}.");
        }

        foreach (var step in _steps)
        {
            if (metric >= step.Minimum)
            {
                return step.Score;
            }
        }

        return Otherwise;
    }

    /// <summary>For example "≥20 → 100, ≥15 → 80, else 20".</summary>
    public override string ToString() =>
        string.Join(", ", _steps.Select(s => $"≥{Guard.Format(s.Minimum)} → {Guard.Format(s.Score)}")) + $", else {Guard.Format(Otherwise)}";
}
