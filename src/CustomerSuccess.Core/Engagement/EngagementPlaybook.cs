using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Engagement;

/// <summary>What to do when something happens in a relationship: a name, the actions, and within how many days.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EngagementPlaybook
{
    /// <summary>Creates a playbook.</summary>
    /// <param name="name">A name, for example "New stakeholder introduced". Not empty.</param>
    /// <param name="actions">The actions, in order; at least one, none empty.</param>
    /// <param name="withinDays">Within how many days the actions are due, 0 or more, or null when the playbook gives no time.</param>
    /// <param name="source">The playbook it comes from, or "ours". Not empty.</param>
    /// <exception cref="ArgumentException">A text is empty or there is no action.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="withinDays"/> is negative.</exception>
    public EngagementPlaybook(string name, IEnumerable<string> actions, int? withinDays = null, string source = "ours")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var list = actions.ToArray();
        if (list.Length == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"playbook '{name}' needs at least one action and no empty one.", nameof(actions));
        }

        if (withinDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(withinDays), withinDays, $"playbook '{name}' must be due within 0 days or more but was {withinDays}.");
        }

        Name = name;
        Actions = Array.AsReadOnly(list);
        WithinDays = withinDays;
        Source = source;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The actions, in order.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Within how many days the actions are due, or null.</summary>
    public int? WithinDays { get; }

    /// <summary>The playbook it comes from, or "ours".</summary>
    public string Source { get; }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
