namespace CustomerSuccess.Onboarding;

/// <summary>How an onboarding is going.</summary>
public enum OnboardingStatus
{
    /// <summary>No task is overdue.</summary>
    OnTrack = 0,

    /// <summary>At least one task is overdue, and something was completed recently.</summary>
    Behind = 1,

    /// <summary>Tasks are overdue and nothing was completed for the stuck threshold (14 days by default).</summary>
    Stuck = 2,

    /// <summary>Every task is done.</summary>
    Complete = 3,
}
