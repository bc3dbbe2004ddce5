namespace CustomerSuccess.Engagement;

/// <summary>How urgent an agenda item is; a higher value is more urgent.</summary>
public enum AgendaPriority
{
    /// <summary>Routine.</summary>
    Low = 0,

    /// <summary>Needs attention this week.</summary>
    Medium = 1,

    /// <summary>Needs attention now.</summary>
    High = 2,

    /// <summary>Drop everything.</summary>
    Critical = 3,
}
