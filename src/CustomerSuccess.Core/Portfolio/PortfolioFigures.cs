using System;
using CustomerSuccess.Onboarding;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// The figures a <see cref="KpiReport"/> checks, each optional: a figure that is not known is reported as such,
/// never as met or missed. Rates are fractions (1.10 is 110 %); the NPS is in points.
/// </summary>
/// <remarks>Immutable (init-only) and thread-safe; <c>default</c> figures are all unknown.</remarks>
public sealed record PortfolioFigures
{
    /// <summary>Net revenue retention.</summary>
    public double? NetRevenueRetention { get; init; }

    /// <summary>Gross revenue retention.</summary>
    public double? GrossRevenueRetention { get; init; }

    /// <summary>Logo churn over a year.</summary>
    public double? AnnualChurnRate { get; init; }

    /// <summary>The Net Promoter Score.</summary>
    public double? NetPromoterScore { get; init; }

    /// <summary>The share of scored customers in green bands.</summary>
    public double? ShareGreen { get; init; }

    /// <summary>The onboarding completion rate.</summary>
    public double? OnboardingCompletion { get; init; }

    /// <summary>Expansion MRR as a share of MRR.</summary>
    public double? ExpansionRevenueShare { get; init; }

    /// <summary>The mean share of key features adopted.</summary>
    public double? ProductAdoption { get; init; }

    /// <summary>The share of strategic accounts with their quarterly business review held.</summary>
    public double? QbrCompletion { get; init; }

    /// <summary>The share of accounts with an expansion opportunity.</summary>
    public double? ExpansionOpportunityShare { get; init; }

    /// <summary>The share of customers who are advocates or references.</summary>
    public double? AdvocateShare { get; init; }

    /// <summary>The time to respond to an inquiry, in hours.</summary>
    public double? ResponseTimeHours { get; init; }

    /// <summary>The time from signup to first value, in hours.</summary>
    public double? TimeToFirstValueHours { get; init; }

    /// <summary>The time from kickoff to first value, in days.</summary>
    public double? TimeToValueDays { get; init; }

    /// <summary>The time to complete onboarding, in days.</summary>
    public double? OnboardingDurationDays { get; init; }

    /// <summary>The ARR of the customers whose ARR is known (no target; shown beside the KPIs).</summary>
    public decimal? TotalArr { get; init; }

    /// <summary>The whole ARR of the customers at High or Critical churn risk (no target; shown beside the KPIs).</summary>
    public decimal? ArrAtRisk { get; init; }

    /// <summary>ARR × churn probability, summed (no target; shown beside the KPIs).</summary>
    public decimal? ExpectedLoss { get; init; }

    /// <summary>Whether <see cref="ExpectedLoss"/> stands, in part, on risk scores rather than probabilities.</summary>
    public bool ExpectedLossIsEstimate { get; init; }

    /// <summary>Collects the figures from the library's results; any of them may be null, but not all three.</summary>
    /// <param name="summary">The portfolio summary: share green, NPS, total ARR, ARR at risk and expected loss.</param>
    /// <param name="retention">The retention metrics: NRR, GRR, annual churn and expansion share.</param>
    /// <param name="onboarding">The onboarding portfolio: completion rate.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentException">All three are null: there would be no figure at all (naming <paramref name="summary"/>).</exception>
    public static PortfolioFigures From(PortfolioSummary? summary, RetentionMetrics? retention = null, OnboardingPortfolio? onboarding = null)
    {
        if (summary is null && retention is null && onboarding is null)
        {
            throw new ArgumentException(
                "give at least one of the portfolio summary, the retention metrics and the onboarding portfolio; with none there is no figure to report.",
                nameof(summary));
        }

        return new()
        {
            NetRevenueRetention = retention?.NetRevenueRetention,
            GrossRevenueRetention = retention?.GrossRevenueRetention,
            AnnualChurnRate = retention?.AnnualLogoChurnRate,
            NetPromoterScore = summary?.Nps.ScoreOrNull,
            ShareGreen = summary?.ShareGreen,
            OnboardingCompletion = onboarding?.CompletionRate,
            ExpansionRevenueShare = retention?.ExpansionShareOfMrr,
            TotalArr = summary?.TotalArr,
            ArrAtRisk = summary?.ArrAtRisk,
            ExpectedLoss = summary?.ExpectedLoss,
            ExpectedLossIsEstimate = summary?.ExpectedLossIsEstimate ?? false,
        };
    }

    /// <summary>The figure for a metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The figure, or <see langword="null"/> when it is not known.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The metric is not defined.</exception>
    public double? For(KpiMetric metric) => metric switch
    {
        KpiMetric.NetRevenueRetention => NetRevenueRetention,
        KpiMetric.GrossRevenueRetention => GrossRevenueRetention,
        KpiMetric.AnnualChurnRate => AnnualChurnRate,
        KpiMetric.NetPromoterScore => NetPromoterScore,
        KpiMetric.ShareGreen => ShareGreen,
        KpiMetric.OnboardingCompletion => OnboardingCompletion,
        KpiMetric.ExpansionRevenueShare => ExpansionRevenueShare,
        KpiMetric.ProductAdoption => ProductAdoption,
        KpiMetric.QbrCompletion => QbrCompletion,
        KpiMetric.ExpansionOpportunityShare => ExpansionOpportunityShare,
        KpiMetric.AdvocateShare => AdvocateShare,
        KpiMetric.ResponseTimeHours => ResponseTimeHours,
        KpiMetric.TimeToFirstValueHours => TimeToFirstValueHours,
        KpiMetric.TimeToValueDays => TimeToValueDays,
        KpiMetric.OnboardingDurationDays => OnboardingDurationDays,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "the metric is not a defined KpiMetric."),
    };
}
