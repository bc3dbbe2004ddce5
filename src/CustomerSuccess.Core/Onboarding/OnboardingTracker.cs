using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Onboarding;

/// <summary>
/// Tracks a customer's onboarding against a plan: progress overall and by phase, the current phase, overdue tasks,
/// next actions, a status, time to first value, a projected completion date and the CS Manager playbook's checks.
/// </summary>
/// <remarks>Immutable and thread-safe. The result does not depend on the order completions are given in.</remarks>
public sealed class OnboardingTracker
{
    private readonly OnboardingTrackerOptions _o;

    /// <summary>Creates a tracker.</summary>
    /// <param name="options">Thresholds; the defaults when null.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every problem.</exception>
    public OnboardingTracker(OnboardingTrackerOptions? options = null)
    {
        var o = (options ?? new OnboardingTrackerOptions()).Snapshot();
        var p = new OptionProblems();
        p.AtLeast(o.StuckAfterDaysWithoutProgress, 1, nameof(o.StuckAfterDaysWithoutProgress));
        p.AtLeast(o.NextActionCount, 1, nameof(o.NextActionCount));
        p.AtLeast(o.KickoffWithinDays, 0, nameof(o.KickoffWithinDays));
        p.AtLeast(o.CompleteWithinDays, 1, nameof(o.CompleteWithinDays));
        if (string.IsNullOrWhiteSpace(o.KickoffTaskId))
        {
            p.Add("KickoffTaskId is empty.");
        }

        Guard.NoProblems(p.List, "Onboarding tracker options", nameof(options));
        _o = o;
    }

    /// <summary>Tracks an onboarding.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="start">The onboarding start: the close date, day 0 of the plan.</param>
    /// <param name="completions">The tasks done so far, in any order; each task at most once.</param>
    /// <param name="asOf">The date to judge by; not before <paramref name="start"/>.</param>
    /// <returns>The progress.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The as-of date is before the start; a completion names a task the plan does not have, names a task twice, or is
    /// dated before the start or after the as-of date. The message names the task or the date.
    /// </exception>
    public OnboardingProgress Track(OnboardingPlan plan, LocalDate start, IEnumerable<TaskCompletion> completions, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(completions);
        if (asOf < start)
        {
            throw new ArgumentException($"the as-of date {asOf:uuuu-MM-dd} is before the onboarding start {start:uuuu-MM-dd}.", nameof(asOf));
        }

        var done = new Dictionary<OnboardingTask, LocalDate>();
        foreach (var completion in completions)
        {
            var task = plan.Find(completion.TaskId ?? string.Empty)
                ?? throw new ArgumentException($"plan '{plan.Name}' has no task '{completion.TaskId}'; its tasks are {string.Join(", ", plan.Tasks.Select(t => t.Id))}.", nameof(completions));
            if (completion.Date < start || completion.Date > asOf)
            {
                throw new ArgumentException(
                    $"task '{task.Id}' was completed on {completion.Date:uuuu-MM-dd}, outside the onboarding so far ({start:uuuu-MM-dd} to {asOf:uuuu-MM-dd}).",
                    nameof(completions));
            }

            if (!done.TryAdd(task, completion.Date))
            {
                throw new ArgumentException($"task '{task.Id}' is completed twice.", nameof(completions));
            }
        }

        // A date past the calendar's last (a start near 9999-12-31) is never reached: such a task is never overdue.
        LocalDate? Due(OnboardingTask t) => IsoDays.PlusDaysOrNull(start, t.DayOffset);

        var total = plan.Tasks.Count;
        var phases = plan.Phases.Select(p => new PhaseProgress(p, p.Tasks.Count(done.ContainsKey), p.Tasks.Count)).ToArray();
        var current = phases.FirstOrDefault(p => p.Done < p.Total)?.Phase;
        var open = plan.Tasks.Where(t => !done.ContainsKey(t)).ToList();
        var overdue = open.Select(t => (Task: t, Due: Due(t))).Where(t => t.Due < asOf)
            .Select(t => new OverdueTask(t.Task, t.Due!.Value, Period.DaysBetween(t.Due.Value, asOf)))
            .OrderByDescending(o => o.DaysLate).ThenBy(o => o.Task.Id, StringComparer.Ordinal)
            .ToArray();
        var next = open.Where(t => Due(t) is not { } due || due >= asOf).Take(_o.NextActionCount).ToArray();

        var lastProgress = done.Count > 0 ? done.Values.Max() : start;
        var status = open.Count == 0 ? OnboardingStatus.Complete
            : overdue.Length == 0 ? OnboardingStatus.OnTrack
            : Period.DaysBetween(lastProgress, asOf) >= _o.StuckAfterDaysWithoutProgress ? OnboardingStatus.Stuck
            : OnboardingStatus.Behind;

        int? ttfv = done.TryGetValue(plan.FirstValue, out var fv) ? Period.DaysBetween(start, fv) : null;

        LocalDate? projected = null;
        if (open.Count == 0)
        {
            projected = lastProgress;
        }
        else if (done.Count > 0)
        {
            // The pace so far: tasks done per day since the start (at least one day), extended to every task.
            var elapsed = Math.Max(1, Period.DaysBetween(start, asOf));
            projected = IsoDays.PlusDaysOrNull(start, (long)Math.Ceiling((double)elapsed * total / done.Count));
        }

        bool? kickoffOnTime = null;
        if (plan.Find(_o.KickoffTaskId) is { } kickoff)
        {
            var deadline = IsoDays.PlusDaysOrNull(start, _o.KickoffWithinDays) ?? IsoDays.LastDate(start.Calendar);
            kickoffOnTime = done.TryGetValue(kickoff, out var k) ? k <= deadline : asOf > deadline ? false : null;
        }

        var completeBy = IsoDays.PlusDaysOrNull(start, _o.CompleteWithinDays) ?? IsoDays.LastDate(start.Calendar);
        bool? completedOnTime = open.Count == 0 ? lastProgress <= completeBy : asOf > completeBy ? false : null;

        return new OnboardingProgress(
            plan,
            start,
            asOf,
            total == 0 ? 1 : (double)done.Count / total,
            Array.AsReadOnly(phases),
            current,
            Array.AsReadOnly(overdue),
            Array.AsReadOnly(next),
            status,
            ttfv,
            projected,
            kickoffOnTime,
            completedOnTime);
    }
}
