namespace CustomerSuccess.Backtesting;

/// <summary>What became of an account within a horizon after a snapshot.</summary>
public enum HorizonLabel
{
    /// <summary>Did not churn within the horizon: observed for the whole of it, or renewed (committed to a new term).</summary>
    Retained = 0,

    /// <summary>Churned within the horizon.</summary>
    Churned = 1,

    /// <summary>Observed for less than the horizon without churning: neither retained nor churned, so left out of rates and AUCs.</summary>
    Censored = 2,
}
