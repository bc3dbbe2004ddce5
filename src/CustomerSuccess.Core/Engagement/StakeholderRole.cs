using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// A role in an account's relationship and how often someone in it needs a touch, with what the role is described as,
/// cares about, and is reached through. Two roles are equal when their names are, ignoring case.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class StakeholderRole : IEquatable<StakeholderRole>
{
    /// <summary>Creates a role.</summary>
    /// <param name="name">The role's name, for example "Champion". Not empty.</param>
    /// <param name="touchEvery">How often someone in the role needs a touch: days, weeks, months or years, above zero.</param>
    /// <param name="describedAs">What the role is, for example "Day-to-day advocate, influencer"; may be null.</param>
    /// <param name="caresAbout">What people in the role care about; may be empty.</param>
    /// <param name="touchpoints">How they are reached; may be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="touchEvery"/> is not a positive date period.</exception>
    public StakeholderRole(string name, Period touchEvery, string? describedAs = null, IEnumerable<string>? caresAbout = null, IEnumerable<string>? touchpoints = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        TouchEvery = DatePeriods.Positive(touchEvery, $"the touch frequency of role '{name}'", nameof(touchEvery));
        DescribedAs = describedAs;
        CaresAbout = Array.AsReadOnly((caresAbout ?? []).ToArray());
        Touchpoints = Array.AsReadOnly((touchpoints ?? []).ToArray());
        AgendaRule = $"stakeholder matrix: {Name} {DatePeriods.Every(TouchEvery)}";
    }

    /// <summary>The rule its agenda items name ("stakeholder matrix: Champion every 14 days"), made once.</summary>
    internal string AgendaRule { get; }

    /// <summary>The role's name.</summary>
    public string Name { get; }

    /// <summary>How often someone in the role needs a touch.</summary>
    public Period TouchEvery { get; }

    /// <summary>What the role is, or null.</summary>
    public string? DescribedAs { get; }

    /// <summary>What people in the role care about.</summary>
    public IReadOnlyList<string> CaresAbout { get; }

    /// <summary>How they are reached.</summary>
    public IReadOnlyList<string> Touchpoints { get; }

    /// <inheritdoc />
    public bool Equals(StakeholderRole? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StakeholderRole);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>For example "Champion (every 14 days)".</summary>
    public override string ToString() => $"{Name} ({DatePeriods.Every(TouchEvery)})";
}
