using System.Collections.Generic;
using CustomerSuccess.Engagement;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.WorkItems;

/// <summary>
/// A work item as the caller stores it between runs (in its CRM or a table; <see cref="WorkItemJson"/> writes and reads
/// it): the key it is known by, what raised it, its state and dates. Reconciliation makes them; the caller changes only
/// <see cref="Status"/> (snoozed, dismissed, done) and <see cref="SnoozedUntil"/>.
/// </summary>
/// <param name="Key">The stable key, <see cref="WorkItemKey.Of"/> of the kind, account, rule and occurrence. Not empty.</param>
/// <param name="Account">The account. Not empty.</param>
/// <param name="Kind">What raised it.</param>
/// <param name="Rule">The rule that raised it. Not empty.</param>
/// <param name="Subject">What it is about (the rule, unless rules share a subject). Not empty.</param>
/// <param name="Occurrence">The period, event or episode start it is about. Not empty.</param>
/// <param name="What">What to do. Not empty.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Source">The playbook behind the rule. Not empty.</param>
/// <param name="Owner">Who acts on it (after an escalation, who took it over). Not empty.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OpenedOn">The night it was opened.</param>
/// <param name="LastSeenOn">The last night its cause was found.</param>
public sealed record WorkItem(
    string Key,
    string Account,
    WorkItemKind Kind,
    string Rule,
    string Subject,
    string Occurrence,
    string What,
    AgendaPriority Priority,
    string Source,
    string Owner,
    WorkItemStatus Status,
    LocalDate OpenedOn,
    LocalDate LastSeenOn)
{
    /// <summary>The stable key.</summary>
    public string Key { get; init; } = WorkItemFields.NotEmpty(Key, nameof(Key));

    /// <summary>The account.</summary>
    public string Account { get; init; } = WorkItemFields.NotEmpty(Account, nameof(Account));

    /// <summary>What raised it.</summary>
    public WorkItemKind Kind { get; init; } = Guard.Defined(Kind, nameof(Kind));

    /// <summary>The rule that raised it.</summary>
    public string Rule { get; init; } = WorkItemFields.NotEmpty(Rule, nameof(Rule));

    /// <summary>What it is about.</summary>
    public string Subject { get; init; } = WorkItemFields.NotEmpty(Subject, nameof(Subject));

    /// <summary>The period, event or episode start it is about.</summary>
    public string Occurrence { get; init; } = WorkItemFields.NotEmpty(Occurrence, nameof(Occurrence));

    /// <summary>What to do.</summary>
    public string What { get; init; } = WorkItemFields.NotEmpty(What, nameof(What));

    /// <summary>How urgent it is.</summary>
    public AgendaPriority Priority { get; init; } = Guard.Defined(Priority, nameof(Priority));

    /// <summary>The playbook behind the rule.</summary>
    public string Source { get; init; } = WorkItemFields.NotEmpty(Source, nameof(Source));

    /// <summary>Who acts on it.</summary>
    public string Owner { get; init; } = WorkItemFields.NotEmpty(Owner, nameof(Owner));

    /// <summary>Where it stands.</summary>
    public WorkItemStatus Status { get; init; } = Guard.Defined(Status, nameof(Status));

    /// <summary>When it is due, or null.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>Whether it is a one-off step.</summary>
    public bool OneOff { get; init; }

    /// <summary>The evidence, as the last finding gave it.</summary>
    public IReadOnlyDictionary<string, string> Evidence
    {
        get => _evidence;
        init => _evidence = value ?? WorkItemFields.NoEvidence;
    }

    /// <summary>The deadline after which it goes to someone else, or null.</summary>
    public WorkItemEscalation? Escalation { get; init; }

    /// <summary>The night it was escalated, or null.</summary>
    public LocalDate? EscalatedOn { get; init; }

    /// <summary>Until when the caller put it aside (the status <see cref="WorkItemStatus.Snoozed"/>).</summary>
    public LocalDate? SnoozedUntil { get; init; }

    /// <summary>The night reconciliation closed it, or null.</summary>
    public LocalDate? ClosedOn { get; init; }

    /// <summary>Why reconciliation closed it, or null.</summary>
    public WorkItemCloseReason? CloseReason { get; init; }

    /// <summary>The key of the item that superseded it, or null.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>
    /// Whether its occurrence is the night its condition was first found (a condition with no period or event of its
    /// own): such an item is matched by account, kind and rule, not by its key.
    /// </summary>
    public bool Episode { get; init; }

    /// <summary>Whether it is on someone's list: open, or snoozed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsActive => Status is WorkItemStatus.Open or WorkItemStatus.Snoozed;

    private readonly IReadOnlyDictionary<string, string> _evidence = WorkItemFields.NoEvidence;
}
