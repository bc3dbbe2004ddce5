using CustomerSuccess.Nps;

namespace CustomerSuccess.DependencyInjection;

/// <summary>NPS settings: the interval defaults and the survey cadence.</summary>
public sealed class NpsOptions
{
    /// <summary>The fewest responses for a confidence interval.</summary>
    /// <value><see cref="NpsStatistics.DefaultMinimumResponses"/> (30). 1 or more.</value>
    public int MinimumResponses { get; set; } = NpsStatistics.DefaultMinimumResponses;

    /// <summary>The confidence level of intervals.</summary>
    /// <value><see cref="NpsStatistics.DefaultLevel"/> (0.95). In (0, 1).</value>
    public double ConfidenceLevel { get; set; } = NpsStatistics.DefaultLevel;

    /// <summary>Days from a customer's start to the first survey.</summary>
    /// <value>30 (CS Agent playbook).</value>
    public int FirstSurveyAfterDays { get; set; } = 30;

    /// <summary>Days from a customer's start to the second survey.</summary>
    /// <value>90 (CS Agent playbook).</value>
    public int SecondSurveyAfterDays { get; set; } = 90;

    /// <summary>Months between surveys after the second.</summary>
    /// <value>3 (CS Agent playbook: quarterly).</value>
    public int ThenEveryMonths { get; set; } = 3;

    /// <summary>Hours after a detractor's response that personal outreach is due.</summary>
    /// <value>24 (Petra, CS Expert and CS Agent playbooks). 0 or more.</value>
    public int DetractorOutreachHours { get; set; } = 24;

    /// <summary>Hours after a detractor's response that the recovery plan is due.</summary>
    /// <value>48 (CS Expert playbook). 0 or more.</value>
    public int DetractorRecoveryPlanHours { get; set; } = 48;

    /// <summary>Hours after a detractor's response that an unresolved case is escalated to an executive.</summary>
    /// <value>168, one week (CS Expert playbook). 0 or more.</value>
    public int DetractorEscalationHours { get; set; } = 168;

    /// <summary>Hours after a passive's response that "what would make it a 10?" is due.</summary>
    /// <value>168, one week (Petra and CS Expert playbooks). 0 or more.</value>
    public int PassiveQuestionHours { get; set; } = 168;

    /// <summary>Hours after a passive's response that the ongoing value reinforcement starts.</summary>
    /// <value>168, one week (ours: the CS Expert playbook says "ongoing"). 0 or more.</value>
    public int PassiveValueReinforcementHours { get; set; } = 168;

    /// <summary>Hours after a promoter's response that the praise is shared internally.</summary>
    /// <value>0, immediately (CS Expert playbook). 0 or more.</value>
    public int PromoterShareInternallyHours { get; set; }

    /// <summary>Hours after a promoter's response that the thank-you is due.</summary>
    /// <value>48 (Petra and CS Expert playbooks). 0 or more.</value>
    public int PromoterThanksHours { get; set; } = 48;

    /// <summary>Hours after a promoter's response that the advocacy invitation is due.</summary>
    /// <value>168, one week (Petra, CS Expert and CS Agent playbooks). 0 or more.</value>
    public int PromoterAdvocacyHours { get; set; } = 168;
}
