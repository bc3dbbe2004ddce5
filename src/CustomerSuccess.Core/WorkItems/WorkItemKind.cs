namespace CustomerSuccess.WorkItems;

/// <summary>What raised a work item; each kind has its slug in the item's key (<see cref="WorkItemKey"/>).</summary>
public enum WorkItemKind
{
    /// <summary>A churn risk factor fired (slug <c>churn-factor</c>).</summary>
    ChurnFactor = 0,

    /// <summary>The health band dropped (slug <c>band-drop</c>).</summary>
    BandDrop = 1,

    /// <summary>A renewal checkpoint is due (slug <c>renewal-checkpoint</c>).</summary>
    RenewalCheckpoint = 2,

    /// <summary>An onboarding task is overdue (slug <c>onboarding-task</c>).</summary>
    OnboardingTask = 3,

    /// <summary>An NPS response needs its follow-up (slug <c>nps-follow-up</c>).</summary>
    NpsFollowUp = 4,

    /// <summary>An expansion trigger fired (slug <c>expansion</c>).</summary>
    ExpansionTrigger = 5,

    /// <summary>An agenda item is due (slug <c>agenda</c>).</summary>
    AgendaItem = 6,
}
