using System;

namespace CustomerSuccess.Churn;

/// <summary>One step of a <see cref="Playbook"/>: on a day after the playbook starts, an action, its owner and channel.</summary>
/// <remarks>Immutable; checked on construction.</remarks>
public sealed record PlaybookStep
{
    /// <summary>The largest day offset a step may have: 3 653 days, ten years (ours: no playbook plans further ahead).</summary>
    public const int MaxDayOffset = 3653;

    /// <summary>Creates a step.</summary>
    /// <param name="dayOffset">Days after the playbook starts, from 0 (the same day) to <see cref="MaxDayOffset"/>.</param>
    /// <param name="action">What to do. Not empty.</param>
    /// <param name="owner">Who does it, for example "CSM". Not empty.</param>
    /// <param name="channel">How, for example "email", "phone", "meeting". Not empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dayOffset"/> is negative or above <see cref="MaxDayOffset"/>.</exception>
    /// <exception cref="ArgumentException">A text is empty.</exception>
    public PlaybookStep(int dayOffset, string action, string owner, string channel)
    {
        if (dayOffset is < 0 or > MaxDayOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(dayOffset), dayOffset, $"the day offset of step '{action}' must be in [0, {MaxDayOffset}] (up to ten years) but was {dayOffset}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        DayOffset = dayOffset;
        Action = action;
        Owner = owner;
        Channel = channel;
    }

    /// <summary>Days after the playbook starts.</summary>
    public int DayOffset { get; }

    /// <summary>What to do.</summary>
    public string Action { get; }

    /// <summary>Who does it.</summary>
    public string Owner { get; }

    /// <summary>How it is done.</summary>
    public string Channel { get; }
}
