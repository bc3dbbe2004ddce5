namespace CustomerSuccess.WorkItems;

/// <summary>Where a stored work item stands. The caller sets <see cref="Snoozed"/>, <see cref="Dismissed"/> and <see cref="Done"/>; reconciliation sets <see cref="Open"/> and <see cref="Closed"/>.</summary>
public enum WorkItemStatus
{
    /// <summary>Open: on someone's list.</summary>
    Open = 0,

    /// <summary>Put aside by the caller until <see cref="WorkItem.SnoozedUntil"/>; open again from that date if its cause is still there.</summary>
    Snoozed = 1,

    /// <summary>Dismissed by the caller: never reopened for the same key.</summary>
    Dismissed = 2,

    /// <summary>Done, as the caller says: never reopened for the same key.</summary>
    Done = 3,

    /// <summary>Closed by reconciliation, for <see cref="WorkItem.CloseReason"/>.</summary>
    Closed = 4,
}
