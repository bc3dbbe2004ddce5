using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Churn;

/// <summary>A named, sourced list of steps with day offsets: data a team can replace.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Playbook
{
    /// <summary>Creates a playbook.</summary>
    /// <param name="name">What it is called. Not empty.</param>
    /// <param name="source">Where it comes from, for example "Petra playbook".</param>
    /// <param name="steps">The steps, in any order; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/>, <paramref name="source"/> or a step is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or there are no steps.</exception>
    public Playbook(string name, string source, IEnumerable<PlaybookStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(steps), $"playbook '{name}' has a null step.");
        }

        if (list.Count == 0)
        {
            throw new ArgumentException($"playbook '{name}' has no steps.", nameof(steps));
        }

        Name = name;
        Source = source;
        Steps = Array.AsReadOnly([.. list.OrderBy(s => s.DayOffset)]);
    }

    /// <summary>What it is called.</summary>
    public string Name { get; }

    /// <summary>Where it comes from.</summary>
    public string Source { get; }

    /// <summary>The steps, by day offset (stable for equal days).</summary>
    public IReadOnlyList<PlaybookStep> Steps { get; }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
