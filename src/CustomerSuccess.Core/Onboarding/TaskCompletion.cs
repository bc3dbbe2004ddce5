using NodaTime;

namespace CustomerSuccess.Onboarding;

/// <summary>A task of the plan done on a date.</summary>
/// <param name="TaskId">The task's id (matched ignoring case).</param>
/// <param name="Date">The date it was done.</param>
public readonly record struct TaskCompletion(string TaskId, LocalDate Date);
