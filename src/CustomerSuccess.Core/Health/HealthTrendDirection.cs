namespace CustomerSuccess.Health;

/// <summary>Which way a health score is moving.</summary>
public enum HealthTrendDirection
{
    /// <summary>The slope is within the tolerance either side of 0, or there are fewer than two scores.</summary>
    Stable = 0,

    /// <summary>The score is rising faster than the tolerance.</summary>
    Improving = 1,

    /// <summary>The score is falling faster than the tolerance.</summary>
    Declining = 2,
}
