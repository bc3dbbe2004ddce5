namespace CustomerSuccess.WorkItems;

/// <summary>Why reconciliation closed a work item.</summary>
public enum WorkItemCloseReason
{
    /// <summary>Tonight's findings no longer hold its cause.</summary>
    ConditionCleared = 0,

    /// <summary>A more urgent finding on the same subject replaced it; <see cref="WorkItem.SupersededBy"/> names it.</summary>
    Superseded = 1,

    /// <summary>A one-off step whose due date has passed and that tonight's findings no longer hold.</summary>
    DueDatePassed = 2,
}
