namespace CustomerSuccess.Engagement;

/// <summary>Where a milestone stands on a date.</summary>
public enum MilestoneState
{
    /// <summary>Not reached, due after the date.</summary>
    Upcoming = 0,

    /// <summary>Not reached, due on the date.</summary>
    Due = 1,

    /// <summary>Not reached, due before the date.</summary>
    Late = 2,

    /// <summary>Reached on or before its due date.</summary>
    Done = 3,

    /// <summary>Reached, after its due date.</summary>
    DoneLate = 4,
}
