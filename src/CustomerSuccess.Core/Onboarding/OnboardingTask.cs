using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Onboarding;

/// <summary>
/// A task or milestone of an onboarding plan: due a number of days after the onboarding start, with an owner, a
/// deliverable, success criteria, and whether it is the first-value milestone.
/// </summary>
/// <remarks>Immutable and thread-safe. Checked on construction; the plan checks how its tasks fit together.</remarks>
public sealed class OnboardingTask
{
    /// <summary>Creates a task.</summary>
    /// <param name="id">Its id, unique in the plan ignoring case. Not empty.</param>
    /// <param name="name">Its name. Not empty.</param>
    /// <param name="dayOffset">The day it is due, counted from the onboarding start (day 0); 0 or more.</param>
    /// <param name="owner">Who owns it.</param>
    /// <param name="deliverable">What it delivers, or null.</param>
    /// <param name="successCriteria">How to tell it is done; may be empty.</param>
    /// <param name="isFirstValue">Whether completing it means the customer got first value.</param>
    /// <param name="expectedDurationDays">For stage-shaped tasks (CS Specialist playbook): how many days it takes, ending on the due day; null otherwise.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/>, <paramref name="name"/> or <paramref name="owner"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dayOffset"/> is negative, or <paramref name="expectedDurationDays"/> is below 1.</exception>
    public OnboardingTask(
        string id,
        string name,
        int dayOffset,
        string owner,
        string? deliverable = null,
        IEnumerable<string>? successCriteria = null,
        bool isFirstValue = false,
        int? expectedDurationDays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (dayOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dayOffset), dayOffset, $"task '{id}' is due on day {dayOffset}; a day offset must be 0 or more.");
        }

        if (expectedDurationDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedDurationDays), expectedDurationDays, $"task '{id}' takes {expectedDurationDays} days; a duration must be 1 or more.");
        }

        Id = id;
        Name = name;
        DayOffset = dayOffset;
        Owner = owner;
        Deliverable = deliverable;
        SuccessCriteria = Array.AsReadOnly((successCriteria ?? []).ToArray());
        IsFirstValue = isFirstValue;
        ExpectedDurationDays = expectedDurationDays;
    }

    /// <summary>Its id.</summary>
    public string Id { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>The day it is due, counted from the onboarding start.</summary>
    public int DayOffset { get; }

    /// <summary>Who owns it.</summary>
    public string Owner { get; }

    /// <summary>What it delivers, or null.</summary>
    public string? Deliverable { get; }

    /// <summary>How to tell it is done.</summary>
    public IReadOnlyList<string> SuccessCriteria { get; }

    /// <summary>Whether it is the first-value milestone.</summary>
    public bool IsFirstValue { get; }

    /// <summary>For stage-shaped tasks, how many days it takes; the stage starts on <see cref="DayOffset"/> − this.</summary>
    public int? ExpectedDurationDays { get; }

    /// <summary>For example "pilot (day 15): Department pilot launch".</summary>
    public override string ToString() => $"{Id} (day {DayOffset}): {Name}";
}
