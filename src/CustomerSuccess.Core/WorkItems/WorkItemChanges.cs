using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.WorkItems;

/// <summary>What changed in a work item kept open.</summary>
[Flags]
public enum WorkItemChange
{
    /// <summary>Nothing: the same as the caller holds it.</summary>
    None = 0,

    /// <summary>Its priority rose.</summary>
    PriorityUp = 1,

    /// <summary>Its priority fell.</summary>
    PriorityDown = 2,

    /// <summary>The evidence changed.</summary>
    Evidence = 4,

    /// <summary>The due date changed.</summary>
    DueDate = 8,

    /// <summary>What to do, the owner or the playbook changed.</summary>
    Details = 16,

    /// <summary>Its snooze ended: it is open again.</summary>
    SnoozeEnded = 32,

    /// <summary>Only the night its cause was last found moved on: nothing to write to a CRM, but the store keeps the date.</summary>
    Seen = 64,
}

/// <summary>A work item kept: as it is now, and what changed.</summary>
/// <param name="Item">The item as it is now.</param>
/// <param name="Changes">What changed since the caller's copy.</param>
public sealed record WorkItemUpdate(WorkItem Item, WorkItemChange Changes)
{
    /// <summary>The item as it is now.</summary>
    public WorkItem Item { get; init; } = Item ?? throw new ArgumentNullException(nameof(Item));

    /// <summary>What changed since the caller's copy.</summary>
    public WorkItemChange Changes { get; init; } = (Changes & ~AllChanges) == WorkItemChange.None ? Changes
        : throw new ArgumentOutOfRangeException(nameof(Changes), Changes, $"{Changes} is not a combination of WorkItemChange values.");

    private const WorkItemChange AllChanges = WorkItemChange.PriorityUp | WorkItemChange.PriorityDown | WorkItemChange.Evidence | WorkItemChange.DueDate
        | WorkItemChange.Details | WorkItemChange.SnoozeEnded | WorkItemChange.Seen;
}

/// <summary>
/// The change set of one night: the items to open, those kept (with what changed), those closed (with the reason),
/// those escalated, and the items the caller closed whose cause was found again (their last-seen date moved). Every
/// item the caller held open is in exactly one of <see cref="Kept"/>, <see cref="Closed"/> and <see cref="Escalated"/>.
/// </summary>
/// <remarks>Immutable. Each list is in key order.</remarks>
public sealed class WorkItemChanges
{
    internal WorkItemChanges(LocalDate asOf, IReadOnlyList<WorkItem> opened, IReadOnlyList<WorkItemUpdate> kept, IReadOnlyList<WorkItem> closed, IReadOnlyList<WorkItem> escalated, IReadOnlyList<WorkItem> suppressed)
    {
        AsOf = asOf;
        Opened = opened;
        Kept = kept;
        Closed = closed;
        Escalated = escalated;
        Suppressed = suppressed;
    }

    /// <summary>The night.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The items to open: new causes, or new occurrences of causes.</summary>
    public IReadOnlyList<WorkItem> Opened { get; }

    /// <summary>The items kept open or snoozed, each with what changed (often nothing).</summary>
    public IReadOnlyList<WorkItemUpdate> Kept { get; }

    /// <summary>The items closed, with <see cref="WorkItem.ClosedOn"/> and <see cref="WorkItem.CloseReason"/> set.</summary>
    public IReadOnlyList<WorkItem> Closed { get; }

    /// <summary>The items escalated tonight, with <see cref="WorkItem.EscalatedOn"/> set and the new owner.</summary>
    public IReadOnlyList<WorkItem> Escalated { get; }

    /// <summary>The items dismissed, done or closed whose cause was found again: not reopened, their last-seen date moved.</summary>
    public IReadOnlyList<WorkItem> Suppressed { get; }

    /// <summary>Whether the night changes anything the caller stores: false when reconciling again changes nothing.</summary>
    public bool HasChanges => Opened.Count > 0 || Closed.Count > 0 || Escalated.Count > 0 || Suppressed.Count > 0 || Kept.Any(k => k.Changes != WorkItemChange.None);

    /// <summary>
    /// The caller's items after this change set: each held item replaced by its new version, the opened ones added, in
    /// key order. What reconciliation does not mention stays as it is.
    /// </summary>
    /// <param name="held">The items the caller held, as given to the reconciliation.</param>
    /// <returns>The items to store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="held"/> or one of them is null.</exception>
    public IReadOnlyList<WorkItem> Apply(IEnumerable<WorkItem> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var store = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        foreach (var item in held)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(held));
            store[item.Key] = item;
        }

        foreach (var item in Opened.Concat(Kept.Select(k => k.Item)).Concat(Closed).Concat(Escalated).Concat(Suppressed))
        {
            store[item.Key] = item;
        }

        return Array.AsReadOnly(store.Values.OrderBy(i => i.Key, StringComparer.Ordinal).ToArray());
    }
}
