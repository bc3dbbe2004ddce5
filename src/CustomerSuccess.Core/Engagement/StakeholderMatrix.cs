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
        var at = RoleIndex(name.AsSpan().Trim());
        return at < 0 ? null : Roles[at];
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

        // A map holds a handful of people: the checks scan what came before, and sets are made only for a large map.
        var people = new List<Stakeholder>(stakeholders is ICollection<Stakeholder> c ? c.Count : 4);
        HashSet<(string, string)>? held = null;
        HashSet<string>? names = null;
        var contacts = 0;
        Span<bool> filled = Roles.Count <= 16 ? stackalloc bool[Roles.Count] : new bool[Roles.Count];
        Span<bool> fresh = Roles.Count <= 16 ? stackalloc bool[Roles.Count] : new bool[Roles.Count];
        var touches = new List<(StakeholderTouch Touch, int Order)>(people.Capacity);
        foreach (var s in stakeholders)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(stakeholders));
            if (s.LastTouch is { } touched && touched > asOf)
            {
                throw new ArgumentException($"stakeholder '{s.Name}' was last touched on {touched:uuuu-MM-dd}, after the as-of date {asOf:uuuu-MM-dd}.", nameof(stakeholders));
            }

            if (held is null && people.Count == 16)
            {
                held = new HashSet<(string, string)>(people.Select(p => (p.Name, p.Role)), NameRoleComparer.Instance);
                names = new HashSet<string>(people.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            }

            var (twice, newName) = held is null ? Scan(people, s) : (!held.Add((s.Name, s.Role)), names!.Add(s.Name));
            if (twice)
            {
                throw new ArgumentException($"stakeholder '{s.Name}' is listed twice as {s.Role}.", nameof(stakeholders));
            }

            people.Add(s);
            contacts += newName ? 1 : 0;
            var at = RoleIndex(s.Role.AsSpan().Trim());
            if (at < 0)
            {
                continue;
            }

            var role = Roles[at];
            filled[at] = true;
            var due = s.LastTouch is { } last ? DatePeriods.PlusOrNull(last, role.TouchEvery) ?? IsoDays.LastDate(asOf.Calendar) : asOf;
            var touch = new StakeholderTouch(s, role, due, asOf);
            touches.Add((touch, touches.Count));
            fresh[at] |= touch.IsFresh;
        }

        // By next due, then name ignoring case, then the order given (a stable sort).
        touches.Sort(static (x, y) =>
        {
            var c = x.Touch.NextDue.CompareTo(y.Touch.NextDue);
            if (c == 0)
            {
                c = StringComparer.OrdinalIgnoreCase.Compare(x.Touch.Stakeholder.Name, y.Touch.Stakeholder.Name);
            }

            return c != 0 ? c : x.Order.CompareTo(y.Order);
        });
        var ordered = new StakeholderTouch[touches.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = touches[i].Touch;
        }

        var filledRoles = new List<StakeholderRole>(Roles.Count);
        var missingRoles = new List<StakeholderRole>(Roles.Count);
        var freshRoles = 0;
        for (var i = 0; i < Roles.Count; i++)
        {
            (filled[i] ? filledRoles : missingRoles).Add(Roles[i]);
            freshRoles += fresh[i] ? 1 : 0;
        }

        return new StakeholderCoverage(this, filledRoles.AsReadOnly(), missingRoles.AsReadOnly(), Array.AsReadOnly(ordered), contacts, freshRoles);
    }

    /// <summary>Whether the people before list <paramref name="s"/> in the same role (ignoring case), and whether none has its name.</summary>
    private static (bool Twice, bool NewName) Scan(List<Stakeholder> people, Stakeholder s)
    {
        var newName = true;
        foreach (var p in people)
        {
            if (string.Equals(p.Name, s.Name, StringComparison.OrdinalIgnoreCase))
            {
                newName = false;
                if (string.Equals(p.Role, s.Role, StringComparison.OrdinalIgnoreCase))
                {
                    return (true, false);
                }
            }
        }

        return (false, newName);
    }

    /// <summary>The index in <see cref="Roles"/> of the role of that (trimmed) name, ignoring case, or -1.</summary>
    private int RoleIndex(ReadOnlySpan<char> trimmed)
    {
        for (var i = 0; i < Roles.Count; i++)
        {
            if (trimmed.Equals(Roles[i].Name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
