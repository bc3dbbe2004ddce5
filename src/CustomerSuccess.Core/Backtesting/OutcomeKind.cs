namespace CustomerSuccess.Backtesting;

/// <summary>How an account's history ends.</summary>
public enum OutcomeKind
{
    /// <summary>It churned on the outcome's date.</summary>
    Churned = 0,

    /// <summary>It renewed on the outcome's date, committing to a new term: retained through any horizon that begins before then.</summary>
    Renewed = 1,

    /// <summary>It was still a customer when the history ends, on the outcome's date.</summary>
    Active = 2,
}
