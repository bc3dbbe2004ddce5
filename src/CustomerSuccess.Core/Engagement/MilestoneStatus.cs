namespace CustomerSuccess.Engagement;

/// <summary>A milestone on a date.</summary>
/// <param name="Milestone">The milestone.</param>
/// <param name="State">Where it stands.</param>
/// <param name="DaysLate">Days past due: to the date it was reached, or to the as-of date while not reached; 0 when on time.</param>
public sealed record MilestoneStatus(Milestone Milestone, MilestoneState State, int DaysLate)
{
    /// <summary>The milestone.</summary>
    public Milestone Milestone { get; init; } = Milestone ?? throw new System.ArgumentNullException(nameof(Milestone));

    /// <summary>Where it stands.</summary>
    public MilestoneState State { get; init; } = Internal.Guard.Defined(State, nameof(State));
}
