namespace CustomerSuccess.Onboarding;

/// <summary>The thresholds of an <see cref="OnboardingTracker"/>.</summary>
/// <remarks>Settable for configuration binding; the tracker copies and checks them when built.</remarks>
public sealed class OnboardingTrackerOptions
{
    /// <summary>With overdue tasks and no completion for this many days, the status is Stuck rather than Behind.</summary>
    /// <value>14 days (our choice: two weekly check-ins with nothing done). 1 or more.</value>
    public int StuckAfterDaysWithoutProgress { get; set; } = 14;

    /// <summary>How many upcoming tasks to list as next actions.</summary>
    /// <value>3 (our choice). 1 or more.</value>
    public int NextActionCount { get; set; } = 3;

    /// <summary>The id of the kickoff task for the CS Manager playbook's check.</summary>
    /// <value>"kickoff" (the templates' id).</value>
    public string KickoffTaskId { get; set; } = "kickoff";

    /// <summary>The CS Manager playbook: the kickoff happens within this many days of the close (the onboarding start).</summary>
    /// <value>3 (CS Manager playbook). 0 or more.</value>
    public int KickoffWithinDays { get; set; } = 3;

    /// <summary>The CS Manager playbook: onboarding completes within this many days.</summary>
    /// <value>30 (CS Manager playbook). 1 or more.</value>
    public int CompleteWithinDays { get; set; } = 30;

    internal OnboardingTrackerOptions Snapshot() => (OnboardingTrackerOptions)MemberwiseClone();
}
