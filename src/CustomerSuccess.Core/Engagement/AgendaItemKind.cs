namespace CustomerSuccess.Engagement;

/// <summary>What an agenda item comes from.</summary>
public enum AgendaItemKind
{
    /// <summary>A check-in the cadence calls for.</summary>
    CheckIn = 0,

    /// <summary>A quarterly business review, or a step around one (schedule, pre-read, summary).</summary>
    Qbr = 1,

    /// <summary>A touch a stakeholder's role calls for.</summary>
    StakeholderTouch = 2,

    /// <summary>A success-plan milestone, or the plan itself (a reset, the plan for the next term).</summary>
    SuccessPlan = 3,

    /// <summary>A renewal checkpoint.</summary>
    RenewalCheckpoint = 4,

    /// <summary>An onboarding task.</summary>
    OnboardingTask = 5,

    /// <summary>A follow-up of an NPS response.</summary>
    NpsFollowUp = 6,

    /// <summary>An NPS survey to send.</summary>
    NpsSurvey = 7,

    /// <summary>Anything else a caller puts on the agenda.</summary>
    Other = 8,
}
