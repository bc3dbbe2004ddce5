using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// The roles an account's relationship needs and how often each needs a touch. The CS Expert playbook's matrix:
/// executive sponsor quarterly, champion every two weeks, power user monthly, budget holder quarterly.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class StakeholderMatrix
{
    /// <summary>The executive sponsor's role name in <see cref="Seed003"/>.</summary>
    public const string ExecutiveSponsorRole = "Executive sponsor";

    /// <summary>The champion's role name in <see cref="Seed003"/>.</summary>
    public const string ChampionRole = "Champion";

    /// <summary>The power user's role name in <see cref="Seed003"/>.</summary>
    public const string PowerUserRole = "Power user";

    /// <summary>The budget holder's role name in <see cref="Seed003"/>.</summary>
    public const string BudgetHolderRole = "Budget holder";

    /// <summary>Creates a matrix.</summary>
    /// <param name="roles">The roles, each name once (ignoring case); at least one.</param>
    /// <param name="source">The playbook it comes from, or "ours". Not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">There is no role, a name is given twice, or <paramref name="source"/> is empty.</exception>
    public StakeholderMatrix(IEnumerable<StakeholderRole> roles, string source = "ours")
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var list = roles.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("a stakeholder matrix needs at least one role.", nameof(roles));
        }

        var names = new HashSet<StakeholderRole>();
        foreach (var role in list)
        {
            ArgumentNullException.ThrowIfNull(role, nameof(roles));
            if (!names.Add(role))
            {
                throw new ArgumentException($"role '{role.Name}' is given twice.", nameof(roles));
            }
        }

        Roles = Array.AsReadOnly(list);
        Source = source;
    }

    /// <summary>
    /// The CS Expert playbook's stakeholder matrix: executive sponsor (economic buyer, strategic vision) quarterly,
    /// champion (day-to-day advocate, influencer) bi-weekly, power user (heavy product user, influencer) monthly, budget
    /// holder (financial decision maker) quarterly, each with what it cares about and its touchpoints.
    /// </summary>
    public static StakeholderMatrix Seed003 { get; } = new(
    [
        new StakeholderRole(ExecutiveSponsorRole, Period.FromMonths(3), "Economic buyer, strategic vision",
            ["Business outcomes", "Competitive advantage", "ROI and cost optimization", "Strategic initiatives"],
            ["Quarterly Business Reviews", "Annual strategic planning", "Executive briefings", "Industry events"]),
        new StakeholderRole(ChampionRole, Period.FromDays(14), "Day-to-day advocate, influencer",
            ["Product success", "Team adoption", "Feature requests", "Best practices"],
            ["Regular check-ins", "Feature updates", "Success planning", "Community events"]),
        new StakeholderRole(PowerUserRole, Period.FromMonths(1), "Heavy product user, influencer",
            ["Advanced features", "Productivity gains", "Integrations", "Workarounds"],
            ["Power user workshops", "Feature previews", "Community leadership", "Feedback sessions"]),
        new StakeholderRole(BudgetHolderRole, Period.FromMonths(3), "Financial decision maker",
            ["Cost justification", "Budget allocation", "Contract terms", "Competitive pricing"],
            ["Renewal discussions", "Budget planning cycles", "Value reports", "Pricing reviews"]),
    ], "CS Expert playbook");

    /// <summary>The roles, in the order given.</summary>
    public IReadOnlyList<StakeholderRole> Roles { get; }

    /// <summary>The playbook it comes from, or "ours".</summary>
    public string Source { get; }

    /// <summary>The role of that name, ignoring case, or null.</summary>
    /// <param name="name">A role name.</param>
    /// <returns>The role, or null when the matrix has none of that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public StakeholderRole? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RoleNamed(name.Trim());
    }

    private StakeholderRole? RoleNamed(string trimmed)
    {
        foreach (var role in Roles)
        {
            if (string.Equals(role.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>
    /// Judges an account's stakeholder map on a date. A person may hold several roles (listed once per role); a role
    /// outside the matrix counts as a contact but needs no touch.
    /// </summary>
    /// <param name="stakeholders">The map; may be empty (every role missing, no contact).</param>
    /// <param name="asOf">The date to judge by.</param>
    /// <returns>The coverage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stakeholders"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A last touch is after the as-of date, or a person is listed twice in the same role; the message names them.</exception>
    public StakeholderCoverage Assess(IEnumerable<Stakeholder> stakeholders, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(stakeholders);
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var held = new HashSet<(string, string)>(NameRoleComparer.Instance);
        var filled = new HashSet<StakeholderRole>();
        var fresh = new HashSet<StakeholderRole>();
        var touches = new List<StakeholderTouch>();
        foreach (var s in stakeholders)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(stakeholders));
            if (s.LastTouch is { } touched && touched > asOf)
            {
                throw new ArgumentException($"stakeholder '{s.Name}' was last touched on {touched:uuuu-MM-dd}, after the as-of date {asOf:uuuu-MM-dd}.", nameof(stakeholders));
            }

            if (!held.Add((s.Name, s.Role)))
            {
                throw new ArgumentException($"stakeholder '{s.Name}' is listed twice as {s.Role}.", nameof(stakeholders));
            }

            people.Add(s.Name);
            if (RoleNamed(s.Role) is not { } role)
            {
                continue;
            }

            filled.Add(role);
            var due = s.LastTouch is { } last ? DatePeriods.PlusOrNull(last, role.TouchEvery) ?? IsoDays.LastDate(asOf.Calendar) : asOf;
            var touch = new StakeholderTouch(s, role, due, asOf);
            touches.Add(touch);
            if (touch.IsFresh)
            {
                fresh.Add(role);
            }
        }

        var ordered = touches.OrderBy(t => t.NextDue).ThenBy(t => t.Stakeholder.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        return new StakeholderCoverage(
            this,
            Array.AsReadOnly(Roles.Where(filled.Contains).ToArray()),
            Array.AsReadOnly(Roles.Where(r => !filled.Contains(r)).ToArray()),
            Array.AsReadOnly(ordered),
            people.Count,
            fresh.Count);
    }
}
