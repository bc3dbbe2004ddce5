namespace CustomerSuccess.Engagement;

/// <summary>The playbooks' responses to changes in a relationship.</summary>
public static class StakeholderPlaybooks
{
    /// <summary>The CS Expert playbook, within 1 week: research, introduction meeting, customised deck, their success metrics, engagement plan.</summary>
    public static EngagementPlaybook NewStakeholder { get; } = new("New stakeholder introduced",
        ["Research background and role", "Schedule introduction meeting", "Prepare customized deck", "Identify their success metrics", "Create engagement plan"],
        7, "CS Expert playbook");

    /// <summary>The CS Expert playbook: transition meeting with old and new, knowledge transfer, re-establish success criteria, update communication preferences, rebuild the relationship (no time given).</summary>
    public static EngagementPlaybook StakeholderChange { get; } = new("Stakeholder change",
        ["Transition meeting with old/new", "Knowledge transfer session", "Re-establish success criteria", "Update communication preferences", "Rebuild relationship"],
        null, "CS Expert playbook");

    /// <summary>The CS Agent playbook's response to a champion leaving (a Critical signal): new champion search and succession planning, then the stakeholder-change steps (no time given).</summary>
    public static EngagementPlaybook ChampionLeaving { get; } = new("Champion leaving",
        ["New champion search", "Succession planning", "Transition meeting with old/new", "Knowledge transfer session"],
        null, "CS Agent and CS Expert playbooks");

    /// <summary>The CS Expert playbook on low engagement: outreach from the CSM manager, value reinforcement, re-engagement offer, executive alignment meeting.</summary>
    public static EngagementPlaybook LowEngagement { get; } = new("Low engagement detected",
        ["Direct outreach from CSM manager", "Value reinforcement campaign", "Re-engagement offer", "Executive alignment meeting"],
        null, "CS Expert playbook");
}
