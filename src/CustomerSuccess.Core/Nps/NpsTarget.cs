using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Globalization;

namespace CustomerSuccess.Nps;

/// <summary>A target for the Net Promoter Score: met when the score is strictly above the threshold.</summary>
/// <remarks>Immutable; targets are data: build your own with the constructor.</remarks>
public sealed record NpsTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="name">What the target is called, for example "NPS above 50". Not empty.</param>
    /// <param name="threshold">The score to beat, in [−100, 100].</param>
    /// <param name="source">Where the target comes from, for example "Petra playbook, the CS Manager playbook".</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [−100, 100].</exception>
    public NpsTarget(string name, double threshold, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        Internal.Guard.InRange(threshold, -100, 100, "the NPS target", nameof(threshold));
        Name = name;
        Threshold = threshold;
        Source = source;
    }

    /// <summary>NPS above 50 (Petra and CS Manager playbooks).</summary>
    public static NpsTarget AboveFifty { get; } = new("NPS above 50", 50, "Petra playbook, the CS Manager playbook");

    /// <summary>World-class NPS: above 70 (CS Manager playbook).</summary>
    public static NpsTarget WorldClass { get; } = new("World-class NPS above 70", 70, "CS Manager playbook");

    /// <summary>Every preset target.</summary>
    public static IReadOnlyList<NpsTarget> All { get; } = Array.AsReadOnly([AboveFifty, WorldClass]);

    /// <summary>What the target is called.</summary>
    public string Name { get; }

    /// <summary>The score to beat.</summary>
    public double Threshold { get; }

    /// <summary>Where the target comes from.</summary>
    public string Source { get; }

    /// <summary>Whether a summary meets the target: it has a score and the score is strictly above the threshold.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>False for a summary of no responses.</returns>
    [Pure]
    public bool IsMetBy(NpsSummary summary) => summary.HasScore && summary.Score > Threshold;

    /// <summary>For example "NPS above 50 (> 50; the Petra playbook, the CS Manager playbook)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} (> {Threshold}; {Source})");
}
