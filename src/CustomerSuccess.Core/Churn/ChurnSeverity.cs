namespace CustomerSuccess.Churn;

/// <summary>How severe an early-warning signal is (CS Expert and CS Agent playbooks).</summary>
public enum ChurnSeverity
{
    /// <summary>Worth watching.</summary>
    Low = 0,

    /// <summary>Act this week: for example no login for 7 days, adoption below 30 %, a detractor response.</summary>
    Medium = 1,

    /// <summary>Act now: for example usage down more than 20 %, a late payment, an escalation.</summary>
    High = 2,

    /// <summary>Act today: the champion is leaving the company.</summary>
    Critical = 3,
}
