using System;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// One thing due for an account: what it is, when it is due, how urgent, why (the rule and the playbook) and who does
/// it. Two items are the same item (<see cref="IsSameAs"/>) when their account, kind, text (ignoring case) and due date
/// are.
/// </summary>
/// <param name="Account">The account's id or name. Not empty.</param>
/// <param name="Kind">What the item comes from.</param>
/// <param name="What">What to do, for example "Send the QBR pre-read". Not empty.</param>
/// <param name="DueDate">When it is due; overdue from the day after.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Rule">The rule that put it on the agenda, for example "check-in cadence: every 14 days". Not empty.</param>
/// <param name="Source">The playbook the rule comes from, or "ours". Not empty.</param>
/// <param name="Owner">Who does it, for example "CSM" or "CSM + Sales". Not empty.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AgendaItem(
    string Account,
    AgendaItemKind Kind,
    string What,
    LocalDate DueDate,
    AgendaPriority Priority,
    string Rule,
    string Source,
    string Owner)
{
    /// <summary>The account's id or name.</summary>
    public string Account { get; init; } = NotEmpty(Account, nameof(Account));

    /// <summary>What the item comes from.</summary>
    public AgendaItemKind Kind { get; init; } = Guard.Defined(Kind, nameof(Kind));

    /// <summary>What to do.</summary>
    public string What { get; init; } = NotEmpty(What, nameof(What));

    /// <summary>How urgent it is.</summary>
    public AgendaPriority Priority { get; init; } = Guard.Defined(Priority, nameof(Priority));

    /// <summary>The rule that put it on the agenda.</summary>
    public string Rule { get; init; } = NotEmpty(Rule, nameof(Rule));

    /// <summary>The playbook the rule comes from, or "ours".</summary>
    public string Source { get; init; } = NotEmpty(Source, nameof(Source));

    /// <summary>Who does it.</summary>
    public string Owner { get; init; } = NotEmpty(Owner, nameof(Owner));

    /// <summary>Whether the item is overdue on a date: due before it.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>True from the day after <see cref="DueDate"/>.</returns>
    public bool IsOverdueOn(LocalDate asOf) => DueDate < asOf;

    /// <summary>Days the item is overdue on a date; 0 when it is not.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>Days from <see cref="DueDate"/> to <paramref name="asOf"/>, or 0.</returns>
    public int DaysOverdueOn(LocalDate asOf) => DueDate < asOf ? IsoDays.Between(DueDate, asOf) : 0;

    /// <summary>Whether two items are the same item seen twice: same account and kind, same text ignoring case, same due date.</summary>
    /// <param name="other">The other item.</param>
    /// <returns>Whether they are the same item.</returns>
    public bool IsSameAs(AgendaItem? other) =>
        other is not null && Kind == other.Kind && DueDate == other.DueDate
        && string.Equals(Account, other.Account, StringComparison.OrdinalIgnoreCase)
        && string.Equals(What, other.What, StringComparison.OrdinalIgnoreCase);

    /// <summary>For example "2026-11-30 Acme: Check-in (CSM; check-in cadence: every 14 days, CS Manager playbook)".</summary>
    public override string ToString() => $"{DueDate:uuuu-MM-dd} {Account}: {What} ({Owner}; {Rule}, {Source})";

    private static string NotEmpty(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}
