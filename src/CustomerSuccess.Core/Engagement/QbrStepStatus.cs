using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>A step of a quarterly business review against its deadline.</summary>
/// <param name="Meeting">The meeting the step belongs to (held, planned, or the next one due).</param>
/// <param name="Step">The step.</param>
/// <param name="DueBy">The last date the step is on time.</param>
/// <param name="DoneOn">The date it was done, or null when not done.</param>
/// <param name="AsOf">The date judged.</param>
public sealed record QbrStepStatus(LocalDate Meeting, QbrStep Step, LocalDate DueBy, LocalDate? DoneOn, LocalDate AsOf)
{
    /// <summary>The step.</summary>
    public QbrStep Step { get; init; } = Internal.Guard.Defined(Step, nameof(Step));

    /// <summary>Whether the step is late: done after <see cref="DueBy"/>, or not done and <see cref="DueBy"/> is before <see cref="AsOf"/>.</summary>
    public bool IsLate => DoneOn is { } done ? done > DueBy : DueBy < AsOf;

    /// <summary>Days past <see cref="DueBy"/> the step was done, or is now when not done; 0 when on time.</summary>
    public int DaysLate => !IsLate ? 0 : Internal.IsoDays.Between(DueBy, DoneOn ?? AsOf);

    /// <summary>Whether the step is done.</summary>
    public bool IsDone => DoneOn is not null;
}
