namespace CustomerSuccess.Portfolio;

/// <summary>How a figure must compare with its target value to meet it.</summary>
public enum KpiComparison
{
    /// <summary>Strictly above the target.</summary>
    Above = 0,

    /// <summary>At or above the target.</summary>
    AtLeast = 1,

    /// <summary>Strictly below the target.</summary>
    Below = 2,

    /// <summary>At or below the target.</summary>
    AtMost = 3,
}
