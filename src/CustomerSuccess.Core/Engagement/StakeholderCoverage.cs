using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// An account's stakeholder map against a matrix on a date: the roles filled and missing, each stakeholder's next touch,
/// and how many people the relationship rests on.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class StakeholderCoverage
{
    internal StakeholderCoverage(StakeholderMatrix matrix, IReadOnlyList<StakeholderRole> filled, IReadOnlyList<StakeholderRole> missing, IReadOnlyList<StakeholderTouch> touches, int contacts, int freshRoles)
    {
        Matrix = matrix;
        Filled = filled;
        Missing = missing;
        Touches = touches;
        Contacts = contacts;
        Coverage = (double)filled.Count / matrix.Roles.Count;
        Freshness = (double)freshRoles / matrix.Roles.Count;
    }

    /// <summary>The matrix judged by.</summary>
    public StakeholderMatrix Matrix { get; }

    /// <summary>The matrix's roles with at least one person, in the matrix's order.</summary>
    public IReadOnlyList<StakeholderRole> Filled { get; }

    /// <summary>The matrix's roles nobody holds, in the matrix's order.</summary>
    public IReadOnlyList<StakeholderRole> Missing { get; }

    /// <summary>The share of the matrix's roles filled, in [0, 1].</summary>
    public double Coverage { get; }

    /// <summary>The share of the matrix's roles with someone touched as often as the role needs, in [0, <see cref="Coverage"/>].</summary>
    public double Freshness { get; }

    /// <summary>Each stakeholder in a matrix role with their next touch, the earliest due first.</summary>
    public IReadOnlyList<StakeholderTouch> Touches { get; }

    /// <summary>How many distinct people the relationship rests on (every role, the matrix's or not).</summary>
    public int Contacts { get; }

    /// <summary>Whether the relationship rests on one person or none: "never rely on a single contact" (CS Expert playbook).</summary>
    public bool IsSingleThreaded => Contacts <= 1;

    /// <summary>The touches due on or before the as-of date, overdue ones included.</summary>
    public IEnumerable<StakeholderTouch> Due => Touches.Where(t => t.NextDue <= t.AsOf);

    /// <summary>
    /// The touches as agenda items: one per stakeholder, due on their next touch; the champion's and executive sponsor's
    /// Medium, others Low (ours).
    /// </summary>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="owner">Who reaches out; "CSM" by default.</param>
    /// <param name="dueBy">Leave out what falls due after this date (an agenda's horizon: its as-of date plus its lookahead), so that no item is made only to be dropped; null (the default) keeps every item.</param>
    /// <returns>The items, by due date.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> or <paramref name="owner"/> is empty.</exception>
    public IReadOnlyList<AgendaItem> ToAgendaItems(string account, string owner = "CSM", LocalDate? dueBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var items = new List<AgendaItem>(Touches.Count);
        foreach (var t in Touches)
        {
            if (t.NextDue > dueBy)
            {
                continue;
            }

            var key = t.Role.Name.Equals(StakeholderMatrix.ChampionRole, StringComparison.OrdinalIgnoreCase)
                || t.Role.Name.Equals(StakeholderMatrix.ExecutiveSponsorRole, StringComparison.OrdinalIgnoreCase);
            items.Add(new AgendaItem(account, AgendaItemKind.StakeholderTouch,
                $"{(t.IsNeverTouched ? "Introduce yourself to" : "Touch base with")} {t.Stakeholder.Name} ({t.Role.Name})",
                t.NextDue, key ? AgendaPriority.Medium : AgendaPriority.Low, t.Role.AgendaRule, Matrix.Source, owner));
        }

        return items.AsReadOnly();
    }
}
