using System;

namespace CustomerSuccess.Churn;

/// <summary>
/// A churn-risk assessment without its explanations: the figures of <see cref="ChurnAssessment"/> and the rule ids of
/// the most severe factors, with no detail texts, factor objects or actions. What
/// <see cref="RuleBasedChurnRiskAssessor.AssessBrief"/> returns, for callers that score many customers and show only
/// the figures; it allocates nothing.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Only the assessor makes briefs; <c>default</c> reads as a Low level with scores of 0, no
/// renewal date, no ARR and no factors.
/// </remarks>
public readonly struct ChurnRiskBrief
{
    /// <summary>How many factor ids a brief keeps: the three most severe.</summary>
    public const int MaxFactorIds = 3;

    private readonly string? _first;
    private readonly string? _second;
    private readonly string? _third;

    internal ChurnRiskBrief(
        ChurnRiskLevel level,
        double riskScore,
        double priorityScore,
        int? daysToRenewal,
        decimal? annualRecurringRevenue,
        int factorCount,
        string? first,
        string? second,
        string? third)
    {
        Level = level;
        RiskScore = riskScore;
        PriorityScore = priorityScore;
        DaysToRenewal = daysToRenewal;
        AnnualRecurringRevenue = annualRecurringRevenue;
        FactorCount = factorCount;
        _first = first;
        _second = second;
        _third = third;
    }

    /// <summary>The risk level: <see cref="ChurnAssessment.Level"/>.</summary>
    public ChurnRiskLevel Level { get; }

    /// <summary>The risk score, in [0, 100]: <see cref="ChurnAssessment.RiskScore"/>.</summary>
    public double RiskScore { get; }

    /// <summary>The intervention priority, in [0, 100]: <see cref="ChurnAssessment.PriorityScore"/>.</summary>
    public double PriorityScore { get; }

    /// <summary>Days from the as-of date to the renewal (negative when it has passed), or null: <see cref="ChurnAssessment.DaysToRenewal"/>.</summary>
    public int? DaysToRenewal { get; }

    /// <summary>The customer's ARR, or null: <see cref="ChurnAssessment.AnnualRecurringRevenue"/>.</summary>
    public decimal? AnnualRecurringRevenue { get; }

    /// <summary>The whole ARR at High or Critical, 0 below, null when the ARR is unknown: <see cref="ChurnAssessment.ArrAtRisk"/>. Worked out when read.</summary>
    public decimal? ArrAtRisk => ChurnRiskCalculator.ArrAtRisk(AnnualRecurringRevenue, Level);

    /// <summary>
    /// ARR × risk score ÷ 100, an estimate of the expected loss (a brief has no probability), or null when the ARR is
    /// unknown: <see cref="ChurnAssessment.ExpectedLoss"/>. Worked out when read.
    /// </summary>
    public decimal? ExpectedLoss => ChurnRiskCalculator.ExpectedLoss(AnnualRecurringRevenue, RiskScore / 100);

    /// <summary>How many factors fired: the count of <see cref="ChurnAssessment.Factors"/>.</summary>
    public int FactorCount { get; }

    /// <summary>How many factor ids the brief holds: <see cref="FactorCount"/>, at most <see cref="MaxFactorIds"/>.</summary>
    public int FactorIdCount => Math.Min(FactorCount, MaxFactorIds);

    /// <summary>
    /// Orders two customers' briefs for a worklist exactly as <see cref="ChurnAssessment.PriorityComparer"/> orders their
    /// assessments: the highest level first, then the highest priority, risk score and ARR, the nearest renewal, and
    /// the customer id.
    /// </summary>
    /// <param name="x">The first brief.</param>
    /// <param name="xCustomerId">The first brief's customer id, or null.</param>
    /// <param name="y">The second brief.</param>
    /// <param name="yCustomerId">The second brief's customer id, or null.</param>
    /// <returns>Negative when <paramref name="x"/> comes first, positive when <paramref name="y"/> does, 0 when they are equal in every key.</returns>
    public static int CompareForWorklist(ChurnRiskBrief x, string? xCustomerId, ChurnRiskBrief y, string? yCustomerId) =>
        ChurnAssessment.Order(
            x.Level, x.PriorityScore, x.RiskScore, x.AnnualRecurringRevenue, x.DaysToRenewal, xCustomerId,
            y.Level, y.PriorityScore, y.RiskScore, y.AnnualRecurringRevenue, y.DaysToRenewal, yCustomerId);

    /// <summary>The rule id of the factor at <paramref name="rank"/>, most severe first: the <see cref="ChurnRiskFactor.RuleId"/> of <see cref="ChurnAssessment.Factors"/>[<paramref name="rank"/>].</summary>
    /// <param name="rank">0 for the most severe factor, up to <see cref="FactorIdCount"/> − 1.</param>
    /// <returns>The rule id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is negative or not below <see cref="FactorIdCount"/>.</exception>
    public string FactorId(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, FactorIdCount);
        return (rank == 0 ? _first : rank == 1 ? _second : _third)!;
    }
}
