using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Onboarding;

/// <summary>A phase of an onboarding plan: a range of days, both ends included, and the tasks due in it.</summary>
/// <remarks>Immutable and thread-safe; the plan checks that the tasks fall within the range.</remarks>
public sealed class OnboardingPhase
{
    /// <summary>Creates a phase.</summary>
    /// <param name="name">Its name. Not empty.</param>
    /// <param name="startDay">Its first day, counted from the onboarding start.</param>
    /// <param name="endDay">Its last day, included.</param>
    /// <param name="tasks">Its tasks.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tasks"/> or a task is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startDay"/> is negative, or <paramref name="endDay"/> is before it.</exception>
    public OnboardingPhase(string name, int startDay, int endDay, IEnumerable<OnboardingTask> tasks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tasks);
        if (startDay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startDay), startDay, $"phase '{name}' starts on day {startDay}; a phase starts on day 0 or later.");
        }

        if (endDay < startDay)
        {
            throw new ArgumentOutOfRangeException(nameof(endDay), endDay, $"phase '{name}' ends on day {endDay}, before it starts on day {startDay}.");
        }

        var list = tasks.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(tasks), $"phase '{name}' has a null task.");
        }

        Name = name;
        StartDay = startDay;
        EndDay = endDay;
        Tasks = Array.AsReadOnly([.. list.OrderBy(t => t.DayOffset)]);
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Its first day.</summary>
    public int StartDay { get; }

    /// <summary>Its last day, included.</summary>
    public int EndDay { get; }

    /// <summary>Its tasks, by due day.</summary>
    public IReadOnlyList<OnboardingTask> Tasks { get; }

    /// <summary>For example "Foundation (days 1-14)".</summary>
    public override string ToString() => $"{Name} (days {StartDay}-{EndDay})";
}
