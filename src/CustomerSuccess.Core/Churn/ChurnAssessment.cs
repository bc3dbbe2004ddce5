using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Churn;

/// <summary>
/// A customer's churn-risk assessment (CS Specialist playbook's shape): level, score, the factors that fired (most severe first),
/// days to renewal, ARR at risk and expected loss, an intervention priority and recommended actions.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ChurnAssessment
{
    /// <summary>Creates an assessment; assessors use this, and so can your own <see cref="IChurnRiskAssessor"/>.</summary>
    /// <param name="customerId">The customer's id, or null.</param>
    /// <param name="asOf">The date assessed.</param>
    /// <param name="level">The risk level.</param>
    /// <param name="riskScore">The risk score, in [0, 100].</param>
    /// <param name="factors">The factors that fired, most severe first.</param>
    /// <param name="daysToRenewal">Days from the as-of date to the renewal (negative when it has passed), or null.</param>
    /// <param name="annualRecurringRevenue">The customer's ARR, or null.</param>
    /// <param name="arrAtRisk">The ARR at risk: the whole ARR at a High or Critical level, 0 below, or null when the ARR is unknown.</param>
    /// <param name="expectedLoss">The expected loss: ARR × churn probability (or an estimate of it), or null when the ARR is unknown.</param>
    /// <param name="priorityScore">The intervention priority, in [0, 100].</param>
    /// <param name="recommendedActions">What to do, most important first.</param>
    /// <param name="healthScore">The health score assessed with, or null.</param>
    /// <param name="probability">The churn probability, for probability models; otherwise null.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is out of range, or the level is not a defined level.</exception>
    public ChurnAssessment(
        string? customerId,
        LocalDate asOf,
        ChurnRiskLevel level,
        double riskScore,
        IReadOnlyList<ChurnRiskFactor> factors,
        int? daysToRenewal,
        decimal? annualRecurringRevenue,
        decimal? arrAtRisk,
        decimal? expectedLoss,
        double priorityScore,
        IReadOnlyList<string> recommendedActions,
        double? healthScore = null,
        double? probability = null)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(recommendedActions);
        Internal.Guard.Defined(level, nameof(level));
        if (!(riskScore >= 0 && riskScore <= 100))
        {
            throw Internal.Guard.OutOfRange(riskScore, 0, 100, "the risk score", nameof(riskScore));
        }

        if (!(priorityScore >= 0 && priorityScore <= 100))
        {
            throw Internal.Guard.OutOfRange(priorityScore, 0, 100, "the priority score", nameof(priorityScore));
        }

        CustomerId = customerId;
        AsOf = asOf;
        Level = level;
        RiskScore = riskScore;
        Factors = factors;
        DaysToRenewal = daysToRenewal;
        AnnualRecurringRevenue = annualRecurringRevenue;
        ArrAtRisk = arrAtRisk;
        ExpectedLoss = expectedLoss;
        PriorityScore = priorityScore;
        RecommendedActions = recommendedActions;
        HealthScore = healthScore;
        Probability = probability;
    }

    /// <summary>
    /// Orders assessments for a worklist: the highest level first; within a level, the highest intervention priority
    /// (the risk score weighted by revenue and renewal urgency); ties go to the higher risk score, then the higher ARR
    /// (unknown last), then the nearer renewal (unknown last), then the customer id (ordinal). A total order: two
    /// assessments compare equal only when all of these are equal.
    /// </summary>
    public static IComparer<ChurnAssessment> PriorityComparer { get; } = new WorklistComparer();

    /// <summary>The customer's id, or null.</summary>
    public string? CustomerId { get; }

    /// <summary>The date assessed.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The risk level.</summary>
    public ChurnRiskLevel Level { get; }

    /// <summary>The risk score, in [0, 100].</summary>
    public double RiskScore { get; }

    /// <summary>The factors that fired, most severe first (ties keep rule order).</summary>
    public IReadOnlyList<ChurnRiskFactor> Factors { get; }

    /// <summary>Days from the as-of date to the renewal (negative when it has passed), or null when unknown.</summary>
    public int? DaysToRenewal { get; }

    /// <summary>The customer's annual recurring revenue, or null.</summary>
    public decimal? AnnualRecurringRevenue { get; }

    /// <summary>
    /// The ARR at risk, as the CS Expert playbook counts it: the customer's whole ARR when the level is
    /// High or Critical, 0 when it is lower, null when the ARR is unknown.
    /// </summary>
    public decimal? ArrAtRisk { get; }

    /// <summary>
    /// The expected loss: ARR × the churn probability for a probability model; for a rule-based assessment, which has
    /// no probability, ARR × risk score ÷ 100, an estimate (<see cref="ExpectedLossIsEstimate"/>). To the cent; null
    /// when the ARR is unknown.
    /// </summary>
    public decimal? ExpectedLoss { get; }

    /// <summary>Whether <see cref="ExpectedLoss"/> stands on the risk score rather than a churn probability: true when <see cref="Probability"/> is null.</summary>
    public bool ExpectedLossIsEstimate => Probability is null;

    /// <summary>The intervention priority, in [0, 100]; higher means act sooner. See <see cref="PriorityComparer"/>.</summary>
    public double PriorityScore { get; }

    /// <summary>What to do, most important first, without repeats.</summary>
    public IReadOnlyList<string> RecommendedActions { get; }

    /// <summary>The health score assessed with, or null.</summary>
    public double? HealthScore { get; }

    /// <summary>The churn probability from a probability model, or null for rule-based assessments.</summary>
    public double? Probability { get; }

    /// <summary>For example "C0042: High (62.5), 2 factors, priority 48.1".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{CustomerId ?? "customer"}: {Level} ({RiskScore:0.#}), {Factors.Count} factor{(Factors.Count == 1 ? string.Empty : "s")}, priority {PriorityScore:0.#}");

    /// <summary>
    /// The worklist order on its six keys: higher level, then higher priority, then higher risk, then more revenue, then sooner renewal,
    /// then customer id. Shared with the bulk worklist, which orders customers before it builds their assessments.
    /// </summary>
    internal static int Order(
        ChurnRiskLevel xLevel, double xPriority, double xRisk, decimal? xRevenue, int? xDays, string? xId,
        ChurnRiskLevel yLevel, double yPriority, double yRisk, decimal? yRevenue, int? yDays, string? yId)
    {
        var c = yLevel.CompareTo(xLevel);
        if (c != 0)
        {
            return c;
        }

        c = yPriority.CompareTo(xPriority);
        if (c != 0)
        {
            return c;
        }

        c = yRisk.CompareTo(xRisk);
        if (c != 0)
        {
            return c;
        }

        c = Nullable.Compare(yRevenue, xRevenue);
        if (c != 0)
        {
            return c;
        }

        c = (xDays ?? int.MaxValue).CompareTo(yDays ?? int.MaxValue);
        return c != 0 ? c : string.CompareOrdinal(xId, yId);
    }

    private sealed class WorklistComparer : IComparer<ChurnAssessment>
    {
        public int Compare(ChurnAssessment? x, ChurnAssessment? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return 1;
            }

            if (y is null)
            {
                return -1;
            }

            return Order(
                x.Level, x.PriorityScore, x.RiskScore, x.AnnualRecurringRevenue, x.DaysToRenewal, x.CustomerId,
                y.Level, y.PriorityScore, y.RiskScore, y.AnnualRecurringRevenue, y.DaysToRenewal, y.CustomerId);
        }
    }
}
