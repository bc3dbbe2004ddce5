namespace CustomerSuccess.Renewals;

/// <summary>Where a renewal checkpoint stands as of a date.</summary>
public enum RenewalCheckpointState
{
    /// <summary>Not done, and its due date is after the as-of date.</summary>
    Upcoming = 0,

    /// <summary>Not done, and due on the as-of date.</summary>
    Due = 1,

    /// <summary>Not done, and its due date has passed.</summary>
    Overdue = 2,

    /// <summary>Done.</summary>
    Done = 3,
}
