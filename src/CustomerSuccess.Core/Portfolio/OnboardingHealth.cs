using System;
using CustomerSuccess.Health;
using CustomerSuccess.Onboarding;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// Health for a customer in onboarding, where usage says little yet: a model on the onboarding tracker's status, the
/// time to first value and the tasks overdue, and the component scores of an <see cref="OnboardingProgress"/> for it.
/// The profile of <see cref="HealthProfileSet.ByStage"/>'s onboarding stage.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class OnboardingHealth
{
    /// <summary>The key of the status component.</summary>
    public const string StatusKey = "onboardingStatus";

    /// <summary>The key of the time-to-first-value component.</summary>
    public const string TimeToFirstValueKey = "timeToFirstValue";

    /// <summary>The key of the overdue-tasks component.</summary>
    public const string OverdueTasksKey = "overdueTasks";

    /// <summary>
    /// The onboarding model (ours): status 0.40, time to first value 0.30, overdue tasks 0.30, on the CS Manager
    /// playbook's bands (<see cref="HealthBandSchemes.GreenYellowRed"/>). Name "onboarding".
    /// </summary>
    public static WeightedHealthScoreModel Model { get; } = new(
        "onboarding",
        [
            new HealthComponent(StatusKey, "Onboarding Status", 0.40),
            new HealthComponent(TimeToFirstValueKey, "Time to First Value", 0.30),
            new HealthComponent(OverdueTasksKey, "Overdue Tasks", 0.30),
        ],
        HealthBandSchemes.GreenYellowRed);

    /// <summary>
    /// The component scores of an onboarding, in <see cref="Model"/>'s order. Status: on track or complete 100, behind
    /// 50, stuck 0. Time to first value: within a day (the Petra playbook's 24 hours) 100, within 30 days (the CS
    /// Manager playbook's time to value) 60, later 20; not yet reached: missing while the start is fewer than 30 days
    /// back, 0 after. Overdue tasks: none 100, one 60, two 30, three or more 0.
    /// </summary>
    /// <param name="progress">The onboarding's progress.</param>
    /// <returns>Three scores, NaN for a missing one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="progress"/> is null.</exception>
    public static double[] ComponentScores(OnboardingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var status = progress.Status switch
        {
            OnboardingStatus.OnTrack or OnboardingStatus.Complete => 100,
            OnboardingStatus.Behind => 50,
            _ => 0,
        };
        var firstValue = progress.TimeToFirstValueDays switch
        {
            { } days when days <= 1 => 100,
            { } days when days <= 30 => 60,
            { } => 20,
            null => NodaTime.Period.DaysBetween(progress.Start, progress.AsOf) < 30 ? double.NaN : 0,
        };
        var overdue = progress.Overdue.Count switch
        {
            0 => 100,
            1 => 60,
            2 => 30,
            _ => 0,
        };
        return [status, firstValue, overdue];
    }
}
