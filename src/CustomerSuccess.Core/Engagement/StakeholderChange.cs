using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Engagement;

/// <summary>A change between two stakeholder maps of an account, with the playbook's response.</summary>
/// <param name="Kind">Joined or left.</param>
/// <param name="Name">The person.</param>
/// <param name="Role">The role joined or left.</param>
/// <param name="Response">What to do about it.</param>
public sealed record StakeholderChange(StakeholderChangeKind Kind, string Name, string Role, EngagementPlaybook Response)
{
    /// <summary>Joined or left.</summary>
    public StakeholderChangeKind Kind { get; init; } = Internal.Guard.Defined(Kind, nameof(Kind));

    /// <summary>The person.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name) ? throw new ArgumentException("a change must name the person.", nameof(Name)) : Name;

    /// <summary>The role joined or left.</summary>
    public string Role { get; init; } = string.IsNullOrWhiteSpace(Role) ? throw new ArgumentException("a change must name the role.", nameof(Role)) : Role;

    /// <summary>What to do about it.</summary>
    public EngagementPlaybook Response { get; init; } = Response ?? throw new ArgumentNullException(nameof(Response));

    /// <summary>
    /// The changes from one map to the next: each person and role in the new map and not the old is
    /// <see cref="StakeholderChangeKind.Joined"/> (response <see cref="StakeholderPlaybooks.NewStakeholder"/>), each in the
    /// old and not the new is <see cref="StakeholderChangeKind.Left"/> (response
    /// <see cref="StakeholderPlaybooks.ChampionLeaving"/> for the champion role, <see cref="StakeholderPlaybooks.StakeholderChange"/>
    /// otherwise). Names and roles compare ignoring case; last-touch dates do not matter. Left first, then joined, each by role and name.
    /// </summary>
    /// <param name="previous">The earlier map.</param>
    /// <param name="current">The later map.</param>
    /// <param name="championRole">The champion's role name; <see cref="StakeholderMatrix.ChampionRole"/> by default.</param>
    /// <returns>The changes; empty when the maps hold the same people in the same roles.</returns>
    /// <exception cref="ArgumentNullException">An argument or a stakeholder is null.</exception>
    public static IReadOnlyList<StakeholderChange> Between(IEnumerable<Stakeholder> previous, IEnumerable<Stakeholder> current, string championRole = StakeholderMatrix.ChampionRole)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(championRole);
        var before = Keys(previous, nameof(previous));
        var after = Keys(current, nameof(current));
        var left = before.Where(p => !after.ContainsKey(p.Key)).Select(p => new StakeholderChange(StakeholderChangeKind.Left, p.Value.Name, p.Value.Role,
            string.Equals(p.Value.Role, championRole, StringComparison.OrdinalIgnoreCase) ? StakeholderPlaybooks.ChampionLeaving : StakeholderPlaybooks.StakeholderChange));
        var joined = after.Where(p => !before.ContainsKey(p.Key)).Select(p => new StakeholderChange(StakeholderChangeKind.Joined, p.Value.Name, p.Value.Role, StakeholderPlaybooks.NewStakeholder));
        return Array.AsReadOnly(left.Concat(joined)
            .OrderBy(c => c.Kind).ThenBy(c => c.Role, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private static Dictionary<(string, string), Stakeholder> Keys(IEnumerable<Stakeholder> map, string paramName)
    {
        var keys = new Dictionary<(string, string), Stakeholder>(NameRoleComparer.Instance);
        foreach (var s in map)
        {
            ArgumentNullException.ThrowIfNull(s, paramName);
            keys.TryAdd((s.Name, s.Role), s);
        }

        return keys;
    }
}
