using System;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>An adoption milestone of a success plan: a name, a due date, and the date it was reached.</summary>
/// <param name="Name">What is to be reached, for example "50 active users". Not empty.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Done">When it was reached, or null while not reached.</param>
/// <param name="Owner">Who drives it; "CSM" by default.</param>
public sealed record Milestone(string Name, LocalDate Due, LocalDate? Done = null, string Owner = "CSM")
{
    /// <summary>What is to be reached.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name) ? throw new ArgumentException("a milestone must have a name.", nameof(Name)) : Name;

    /// <summary>Who drives it.</summary>
    public string Owner { get; init; } = string.IsNullOrWhiteSpace(Owner) ? throw new ArgumentException($"milestone '{Name}' has no owner.", nameof(Owner)) : Owner;

    /// <summary>
    /// The milestone as an agenda item (Medium priority, ours), due on its due date with its owner: reached or not, so
    /// a caller leaves out the milestones already reached (<see cref="SuccessPlan.ToAgendaItems"/> does).
    /// </summary>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public AgendaItem ToAgendaItem(string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return new AgendaItem(account, AgendaItemKind.SuccessPlan, $"Milestone: {Name}", Due, AgendaPriority.Medium,
            "success plan: adoption milestones", "CS Manager playbook", Owner);
    }
}
