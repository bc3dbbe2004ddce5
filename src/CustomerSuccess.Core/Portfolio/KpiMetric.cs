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

    /// <summary>Product adoption: the mean share of key features the customers use, as a fraction.</summary>
    ProductAdoption = 7,

    /// <summary>The share of strategic accounts that had their quarterly business review this quarter, as a fraction.</summary>
    QbrCompletion = 8,

    /// <summary>The share of accounts with at least one expansion opportunity, as a fraction.</summary>
    ExpansionOpportunityShare = 9,

    /// <summary>The share of customers converted to advocates or references, as a fraction.</summary>
    AdvocateShare = 10,

    /// <summary>The time to respond to a customer inquiry, in hours (the statistic, such as a median or the worst case, is the caller's).</summary>
    ResponseTimeHours = 11,

    /// <summary>The time from signup to first value, in hours, as the input measures it (not rounded to days).</summary>
    TimeToFirstValueHours = 12,

    /// <summary>The time from kickoff to first value, in days.</summary>
    TimeToValueDays = 13,

    /// <summary>The time to complete onboarding, in days.</summary>
    OnboardingDurationDays = 14,
}
