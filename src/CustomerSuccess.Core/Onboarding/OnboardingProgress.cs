using System.Collections.Generic;
using System;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Onboarding;

/// <summary>Where a customer's onboarding stands as of a date.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Start">The onboarding start (the close date).</param>
/// <param name="AsOf">The date assessed.</param>
/// <param name="Progress">Tasks done ÷ all tasks, in [0, 1].</param>
/// <param name="Phases">The progress of each phase, by start day.</param>
/// <param name="CurrentPhase">The first phase with work left, or null when everything is done.</param>
/// <param name="Overdue">Tasks past due and not done, most late first.</param>
/// <param name="NextActions">The tasks not done and not yet overdue, soonest due first.</param>
/// <param name="Status">On track, behind, stuck or complete.</param>
/// <param name="TimeToFirstValueDays">Days from the start to the first-value milestone's completion, or null while it is not done.</param>
/// <param name="ProjectedCompletion">The date all tasks should be done at the pace so far, or null before any task is done (or when that date would fall after 9999-12-31); the last completion date once complete.</param>
/// <param name="KickoffOnTime">The CS Manager playbook: the kickoff was done within the window; null when the plan has no kickoff task or the window is still open.</param>
/// <param name="CompletedOnTime">The CS Manager playbook: everything was done within the window; null while not complete and the window is open.</param>
public sealed record OnboardingProgress(
    OnboardingPlan Plan,
    LocalDate Start,
    LocalDate AsOf,
    double Progress,
    IReadOnlyList<PhaseProgress> Phases,
    OnboardingPhase? CurrentPhase,
    IReadOnlyList<OverdueTask> Overdue,
    IReadOnlyList<OnboardingTask> NextActions,
    OnboardingStatus Status,
    int? TimeToFirstValueDays,
    LocalDate? ProjectedCompletion,
    bool? KickoffOnTime,
    bool? CompletedOnTime)
{
    /// <summary>The plan.</summary>
    public OnboardingPlan Plan { get; init; } = Plan ?? throw new ArgumentNullException(nameof(Plan));

    /// <summary>The progress of each phase, by start day.</summary>
    public IReadOnlyList<PhaseProgress> Phases { get; init; } = Phases ?? throw new ArgumentNullException(nameof(Phases));

    /// <summary>Tasks past due and not done, most late first.</summary>
    public IReadOnlyList<OverdueTask> Overdue { get; init; } = Overdue ?? throw new ArgumentNullException(nameof(Overdue));

    /// <summary>The tasks not done and not yet overdue, soonest due first.</summary>
    public IReadOnlyList<OnboardingTask> NextActions { get; init; } = NextActions ?? throw new ArgumentNullException(nameof(NextActions));

    /// <summary>On track, behind, stuck or complete.</summary>
    public OnboardingStatus Status { get; init; } = Guard.Defined(Status, nameof(Status));

    /// <summary>Whether every task is done.</summary>
    public bool IsComplete => Status == OnboardingStatus.Complete;
}
