namespace CustomerSuccess.Portfolio;

/// <summary>A portfolio figure a KPI target can be set on.</summary>
public enum KpiMetric
{
    /// <summary>Net revenue retention as a fraction (1.10 is 110 %).</summary>
    NetRevenueRetention = 0,

    /// <summary>Gross revenue retention as a fraction.</summary>
    GrossRevenueRetention = 1,

    /// <summary>Logo churn over a year, as a fraction.</summary>
    AnnualChurnRate = 2,

    /// <summary>The Net Promoter Score, from −100 to 100.</summary>
    NetPromoterScore = 3,

    /// <summary>The share of scored customers in green health bands, as a fraction.</summary>
    ShareGreen = 4,

    /// <summary>The share of onboarded customers who completed onboarding, as a fraction.</summary>
    OnboardingCompletion = 5,

    /// <summary>Expansion MRR as a fraction of MRR.</summary>
    ExpansionRevenueShare = 6,
}
