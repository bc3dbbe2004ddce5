using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Churn;

/// <summary>The formulas both assessors share: factors, score, level, priority, actions. Built from checked options.</summary>
internal sealed class ChurnRiskCalculator
{
    private static readonly IReadOnlyList<ChurnRiskFactor> NoFactors = Array.Empty<ChurnRiskFactor>();
    private static readonly IReadOnlyList<string> NoActions = Array.Empty<string>();
    private readonly IChurnRiskRule[] _rules;
    private readonly ChurnRiskOptions _o;
    private readonly double _revenueScale;

    internal ChurnRiskCalculator(ChurnRiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Internal.Guard.NoProblems([.. options.Validate()], "Churn risk options", nameof(options));
        _o = options.Snapshot();
        _revenueScale = (double)_o.PriorityRevenueScale;
        var rules = new List<IChurnRiskRule>();
        foreach (var rule in BuiltInChurnRules.Create(_o))
        {
            if (!_o.DisabledRules.Contains(rule.Id))
            {
                rules.Add(rule);
            }
        }

        foreach (var rule in _o.AdditionalRules)
        {
            if (!_o.DisabledRules.Contains(rule.Id))
            {
                rules.Add(rule);
            }
        }

        _rules = [.. rules];
        Rules = Array.AsReadOnly(_rules);
    }

    internal IReadOnlyList<IChurnRiskRule> Rules { get; }

    internal ChurnRiskOptions Options => _o;

    /// <summary>Runs every rule; allocates only when one fires.</summary>
    internal IReadOnlyList<ChurnRiskFactor> Factors(CustomerSignals signals)
    {
        List<ChurnRiskFactor>? fired = null;
        foreach (var rule in _rules)
        {
            if (rule.Evaluate(signals) is { } factor)
            {
                (fired ??= []).Add(factor);
            }
        }

        if (fired is null)
        {
            return NoFactors;
        }

        // Most severe first; a stable sort keeps rule order within a severity.
        var ordered = new ChurnRiskFactor[fired.Count];
        var index = 0;
        for (var severity = ChurnSeverity.Critical; severity >= ChurnSeverity.Low; severity--)
        {
            foreach (var factor in fired)
            {
                if (factor.Severity == severity)
                {
                    ordered[index++] = factor;
                }
            }
        }

        return Array.AsReadOnly(ordered);
    }

    /// <summary>
    /// risk = 1 − (1 − h) × Π (1 − r_f), with h = HealthWeight × (100 − health) ÷ 100 (0 when health is unknown)
    /// and r_f the risk of each factor's severity; the score is 100 × risk.
    /// </summary>
    /// <summary>
    /// The risk score, level and priority without building factors, details or actions: the bulk path. Gives exactly
    /// what <see cref="Factors"/>, <see cref="Score"/>, the level with its critical floor and the priority give.
    /// </summary>
    internal void Quick(CustomerSignals signals, out double score, out ChurnRiskLevel level, out double priority)
    {
        // Fired factors per severity: the scalar path multiplies most severe first, and equal severities carry equal risks,
        // so multiplying by severity in that order gives the same bits.
        Span<int> fired = stackalloc int[4];
        foreach (var rule in _rules)
        {
            var hit = rule is SignalRule signal
                ? (signal.Fires(signals) ? signal.Severity : (ChurnSeverity?)null)
                : rule.Evaluate(signals)?.Severity;
            if (hit is { } severity)
            {
                fired[(int)severity]++;
            }
        }

        var safe = 1 - (signals.HealthScore is { } h ? _o.HealthWeight * (100 - h) / 100 : 0);
        for (var severity = ChurnSeverity.Critical; severity >= ChurnSeverity.Low; severity--)
        {
            for (var n = fired[(int)severity]; n > 0; n--)
            {
                safe *= 1 - FactorRisk(severity);
            }
        }

        score = Math.Clamp(100 * (1 - safe), 0, 100);
        level = LevelFromScore(score);
        if (level < ChurnRiskLevel.High && fired[(int)ChurnSeverity.Critical] > 0)
        {
            level = ChurnRiskLevel.High;
        }

        priority = Priority(score, signals.AnnualRecurringRevenue, DaysToRenewal(signals));
    }

    internal double Score(double? health, IReadOnlyList<ChurnRiskFactor> factors)
    {
        var safe = 1 - (health is { } h ? _o.HealthWeight * (100 - h) / 100 : 0);
        foreach (var factor in factors)
        {
            safe *= 1 - FactorRisk(factor.Severity);
        }

        return Math.Clamp(100 * (1 - safe), 0, 100);
    }

    internal ChurnRiskLevel LevelFromScore(double score) =>
        score >= _o.CriticalLevelAt ? ChurnRiskLevel.Critical
        : score >= _o.HighLevelAt ? ChurnRiskLevel.High
        : score >= _o.MediumLevelAt ? ChurnRiskLevel.Medium
        : ChurnRiskLevel.Low;

    /// <summary>A critical factor makes the level at least High.</summary>
    private static ChurnRiskLevel WithCriticalFloor(ChurnRiskLevel level, IReadOnlyList<ChurnRiskFactor> factors) =>
        level < ChurnRiskLevel.High && factors.Count > 0 && factors[0].Severity == ChurnSeverity.Critical ? ChurnRiskLevel.High : level;

    /// <summary>
    /// priority = risk score × (0.5 + 0.5 × revenue weight) × (0.5 + 0.5 × urgency), with revenue weight =
    /// ARR ÷ (ARR + scale) (0 when unknown) and urgency = clamp(1 − days to renewal ÷ horizon, 0, 1) (0 when unknown).
    /// </summary>
    private double Priority(double riskScore, decimal? arr, int? daysToRenewal)
    {
        // In double: a priority needs no decimal precision, and decimal division costs more than the rest of the assessment.
        var revenueWeight = arr is { } a && a > 0 ? (double)a / ((double)a + _revenueScale) : 0;
        var urgency = daysToRenewal is { } d ? Math.Clamp(1 - ((double)d / _o.PriorityHorizonDays), 0, 1) : 0;
        return Math.Clamp(riskScore * (0.5 + (0.5 * revenueWeight)) * (0.5 + (0.5 * urgency)), 0, 100);
    }

    /// <summary>The assessment both assessors return, once factors, score and level are known.</summary>
    internal ChurnAssessment Assessment(CustomerSignals signals, IReadOnlyList<ChurnRiskFactor> factors, double score, ChurnRiskLevel level, double? probability)
    {
        level = WithCriticalFloor(level, factors);
        var days = DaysToRenewal(signals);
        var arr = signals.AnnualRecurringRevenue;
        return new ChurnAssessment(
            signals.CustomerId,
            signals.AsOf,
            level,
            score,
            factors,
            days,
            arr,
            RevenueAtRisk(arr, score),
            Priority(score, arr, days),
            Actions(level, factors),
            signals.HealthScore,
            probability);
    }

    internal static int? DaysToRenewal(CustomerSignals signals) =>
        signals.RenewalDate is { } r ? Period.DaysBetween(signals.AsOf, r) : null;

    private static decimal? RevenueAtRisk(decimal? arr, double riskScore) =>
        arr is { } a ? decimal.Round(a * (decimal)riskScore / 100m, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The actions of the two most severe factors (seed 003: the plan focuses on the top two), then for High and
    /// Critical levels seed 003's executive business review within 1 week and success-plan reset within 3 days.
    /// </summary>
    private static IReadOnlyList<string> Actions(ChurnRiskLevel level, IReadOnlyList<ChurnRiskFactor> factors)
    {
        if (factors.Count == 0 && level < ChurnRiskLevel.High)
        {
            return NoActions;
        }

        var actions = new List<string>(4);
        for (var i = 0; i < factors.Count && i < 2; i++)
        {
            if (factors[i].RecommendedAction is { } action && !actions.Contains(action))
            {
                actions.Add(action);
            }
        }

        if (level >= ChurnRiskLevel.High)
        {
            actions.Add(ChurnPlaybooks.ExecutiveBusinessReviewAction);
            actions.Add(ChurnPlaybooks.SuccessPlanResetAction);
        }

        return actions.AsReadOnly();
    }

    private double FactorRisk(ChurnSeverity severity) => severity switch
    {
        ChurnSeverity.Critical => _o.CriticalFactorRisk,
        ChurnSeverity.High => _o.HighFactorRisk,
        ChurnSeverity.Medium => _o.MediumFactorRisk,
        _ => _o.LowFactorRisk,
    };
}
