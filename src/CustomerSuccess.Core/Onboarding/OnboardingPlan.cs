using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Onboarding;

/// <summary>An onboarding plan: phases of tasks with day offsets, one of them the first-value milestone.</summary>
/// <remarks>Immutable and thread-safe; checked on construction, every problem listed at once.</remarks>
public sealed class OnboardingPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="name">Its name. Not empty.</param>
    /// <param name="source">Where it comes from.</param>
    /// <param name="phases">Its phases, in any order; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument or a phase is null.</exception>
    /// <exception cref="ArgumentException">
    /// The plan is invalid; the message lists every problem: no phases or tasks, a task id used twice (ignoring case),
    /// a negative offset or duration, a phase whose days run backwards, a task outside its phase's days, no
    /// first-value milestone.
    /// </exception>
    public OnboardingPlan(string name, string source, IEnumerable<OnboardingPhase> phases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(phases);
        var list = phases.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(phases), $"plan '{name}' has a null phase.");
        }

        Guard.NoProblems(Validate(list), $"Onboarding plan '{name}'", nameof(phases));
        Name = name;
        Source = source;
        Phases = Array.AsReadOnly([.. list.OrderBy(p => p.StartDay)]);
        Tasks = Array.AsReadOnly([.. Phases.SelectMany(p => p.Tasks).OrderBy(t => t.DayOffset)]);
        FirstValue = Tasks.First(t => t.IsFirstValue);
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Where it comes from.</summary>
    public string Source { get; }

    /// <summary>Its phases, by start day.</summary>
    public IReadOnlyList<OnboardingPhase> Phases { get; }

    /// <summary>Every task, by due day.</summary>
    public IReadOnlyList<OnboardingTask> Tasks { get; }

    /// <summary>The first-value milestone (the earliest due, when several are flagged).</summary>
    public OnboardingTask FirstValue { get; }

    /// <summary>The task with that id, ignoring case, or null.</summary>
    /// <param name="id">A task id.</param>
    /// <returns>The task, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public OnboardingTask? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Tasks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    private static List<string> Validate(List<OnboardingPhase> phases)
    {
        var problems = new List<string>();
        if (phases.Count == 0)
        {
            problems.Add("it has no phases.");
            return problems;
        }

        var tasks = phases.SelectMany(p => p.Tasks).ToList();
        if (tasks.Count == 0)
        {
            problems.Add("it has no tasks.");
        }

        foreach (var phase in phases)
        {
            if (phase.StartDay < 0 || phase.EndDay < phase.StartDay)
            {
                problems.Add($"phase '{phase.Name}' runs from day {phase.StartDay} to day {phase.EndDay}; it must start on day 0 or later and not end before it starts.");
            }

            foreach (var task in phase.Tasks)
            {
                if (task.DayOffset < phase.StartDay || task.DayOffset > phase.EndDay)
                {
                    problems.Add($"task '{task.Id}' is due on day {task.DayOffset}, outside phase '{phase.Name}' (days {phase.StartDay}-{phase.EndDay}).");
                }

                if (task.ExpectedDurationDays is < 0)
                {
                    problems.Add($"task '{task.Id}' has an expected duration of {task.ExpectedDurationDays} days; it must be 0 or more.");
                }
            }
        }

        foreach (var group in tasks.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"the task id '{group.Key}' is used {group.Count()} times; ids must be unique ignoring case.");
        }

        if (tasks.Count > 0 && !tasks.Any(t => t.IsFirstValue))
        {
            problems.Add("no task is the first-value milestone; flag one with isFirstValue.");
        }

        return problems;
    }
}
