using System;
using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>One step of an NPS follow-up plan: an action, who does it, and how long after the response it is due.</summary>
/// <remarks>Immutable; checked on construction.</remarks>
public sealed record NpsFollowUpStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="action">What to do, for example "Personal outreach". Not empty.</param>
    /// <param name="owner">Who does it, for example "CSM". Not empty.</param>
    /// <param name="dueAfter">How long after the response the step is due; 0 or more.</param>
    /// <exception cref="ArgumentException"><paramref name="action"/> or <paramref name="owner"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueAfter"/> is negative.</exception>
    public NpsFollowUpStep(string action, string owner, Duration dueAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (dueAfter < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueAfter), dueAfter, $"step '{action}' must be due 0 or more after the response but was {dueAfter}.");
        }

        Action = action;
        Owner = owner;
        DueAfter = dueAfter;
    }

    /// <summary>What to do.</summary>
    public string Action { get; }

    /// <summary>Who does it.</summary>
    public string Owner { get; }

    /// <summary>How long after the response the step is due.</summary>
    public Duration DueAfter { get; }
}
