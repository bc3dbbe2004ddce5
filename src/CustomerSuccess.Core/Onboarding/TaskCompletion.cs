using System;
using NodaTime;

namespace CustomerSuccess.Onboarding;

/// <summary>A task of the plan done on a date.</summary>
/// <param name="TaskId">The task's id (matched ignoring case).</param>
/// <param name="Date">The date it was done.</param>
/// <remarks>Creating one with a null or blank task id throws <see cref="ArgumentException"/>.</remarks>
public readonly record struct TaskCompletion(string TaskId, LocalDate Date)
{
    /// <summary>The task's id (matched ignoring case).</summary>
    public string TaskId { get; init; } = string.IsNullOrWhiteSpace(TaskId)
        ? throw new ArgumentException("a completion needs the id of the task that was done.", nameof(TaskId))
        : TaskId;
}
