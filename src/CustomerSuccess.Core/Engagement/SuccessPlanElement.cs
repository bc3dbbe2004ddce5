namespace CustomerSuccess.Engagement;

/// <summary>The elements the CS Manager playbook requires of every customer's success plan.</summary>
public enum SuccessPlanElement
{
    /// <summary>Documented business objectives.</summary>
    BusinessObjectives = 0,

    /// <summary>Success criteria and metrics.</summary>
    SuccessMetrics = 1,

    /// <summary>Key stakeholders identified.</summary>
    KeyStakeholders = 2,

    /// <summary>Adoption milestones defined.</summary>
    AdoptionMilestones = 3,

    /// <summary>A regular check-in cadence scheduled.</summary>
    CheckInCadence = 4,

    /// <summary>Renewal timeline and strategy.</summary>
    RenewalStrategy = 5,

    /// <summary>Expansion opportunities identified.</summary>
    ExpansionOpportunities = 6,
}
