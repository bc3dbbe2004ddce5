using System;
using NodaTime;

namespace CustomerSuccess.Onboarding;

/// <summary>A task past its due date and not done: an at-risk item (CS Expert playbook).</summary>
/// <param name="Task">The task.</param>
/// <param name="DueDate">The start plus the task's offset.</param>
/// <param name="DaysLate">Days from the due date to the as-of date, 1 or more.</param>
public sealed record OverdueTask(OnboardingTask Task, LocalDate DueDate, int DaysLate)
{
    /// <summary>The task.</summary>
    public OnboardingTask Task { get; init; } = Task ?? throw new ArgumentNullException(nameof(Task));
}
