using System;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Renewals;

/// <summary>A checkpoint with its due date and state as of a date.</summary>
/// <param name="Checkpoint">The checkpoint.</param>
/// <param name="DueDate">The renewal date minus the checkpoint's days before.</param>
/// <param name="State">Upcoming, due, overdue or done.</param>
public sealed record RenewalCheckpointStatus(RenewalCheckpoint Checkpoint, LocalDate DueDate, RenewalCheckpointState State)
{
    /// <summary>The checkpoint.</summary>
    public RenewalCheckpoint Checkpoint { get; init; } = Checkpoint ?? throw new ArgumentNullException(nameof(Checkpoint));

    /// <summary>Upcoming, due, overdue or done.</summary>
    public RenewalCheckpointState State { get; init; } = Guard.Defined(State, nameof(State));
}
