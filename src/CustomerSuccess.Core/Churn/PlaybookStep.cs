using System;

namespace CustomerSuccess.Churn;

/// <summary>One step of a <see cref="Playbook"/>: on a day after the playbook starts, an action, its owner and channel.</summary>
/// <remarks>Immutable; checked on construction.</remarks>
public sealed record PlaybookStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="dayOffset">Days after the playbook starts, 0 (the same day) or more.</param>
    /// <param name="action">What to do. Not empty.</param>
    /// <param name="owner">Who does it, for example "CSM". Not empty.</param>
    /// <param name="channel">How, for example "email", "phone", "meeting". Not empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dayOffset"/> is negative.</exception>
    /// <exception cref="ArgumentException">A text is empty.</exception>
    public PlaybookStep(int dayOffset, string action, string owner, string channel)
    {
        if (dayOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dayOffset), dayOffset, $"the day offset of step '{action}' must be 0 or more but was {dayOffset}.");
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
