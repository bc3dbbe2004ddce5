using System;
using System.Collections.Generic;
using CustomerSuccess.Internal;

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
    /// The risk score, level and priority without building factors, details or actions: the bulk path. Gives exactly
    /// what <see cref="Factors"/>, <see cref="Score"/>, the level with its critical floor and the priority give.
    /// </summary>
    internal void Quick(CustomerSignals signals, out double score, out ChurnRiskLevel level, out double priority)
    {
        Span<int> fired = stackalloc int[4];
        foreach (var rule in _rules)
        {
            if (Fired(rule, signals, out var severity, out _))
            {
                fired[(int)severity]++;
            }
        }

        (score, level) = ScoreAndLevel(signals, fired);
        priority = Priority(score, signals.AnnualRecurringRevenue, DaysToRenewal(signals));
    }

    /// <summary>
    /// The figures of <see cref="Assessment"/> and the ids of the three most severe factors, without detail texts,
    /// factor objects or actions. Exactly what the full assessment gives.
    /// </summary>
    internal ChurnRiskBrief Brief(CustomerSignals signals)
    {
        Span<int> fired = stackalloc int[4];
        var count = 0;

        // The three most severe so far, kept in the order Factors gives: by severity, then rule order among equals.
        string? id0 = null, id1 = null, id2 = null;
        ChurnSeverity s0 = default, s1 = default, s2 = default;
        foreach (var rule in _rules)
        {
            if (!Fired(rule, signals, out var severity, out var id))
            {
                continue;
            }

            fired[(int)severity]++;
            var kept = Math.Min(count++, ChurnRiskBrief.MaxFactorIds);
            if (kept == 0 || severity > s0)
            {
                (id2, s2, id1, s1, id0, s0) = (id1, s1, id0, s0, id, severity);
            }
            else if (kept == 1 || severity > s1)
            {
                (id2, s2, id1, s1) = (id1, s1, id, severity);
            }
            else if (kept == 2 || severity > s2)
            {
                (id2, s2) = (id, severity);
            }
        }

        var (score, level) = ScoreAndLevel(signals, fired);
        var days = DaysToRenewal(signals);
        var arr = signals.AnnualRecurringRevenue;
        return new ChurnRiskBrief(level, score, Priority(score, arr, days), days, arr, count, id0, id1, id2);
    }

    /// <summary>Whether a rule fires, with its severity and the id its factor carries; builds no detail text for the built-in rules.</summary>
    private static bool Fired(IChurnRiskRule rule, CustomerSignals signals, out ChurnSeverity severity, out string id)
    {
        if (rule is SignalRule signal)
        {
            severity = signal.Severity;
            id = signal.Id;
            return signal.Fires(signals);
        }

        if (rule.Evaluate(signals) is { } factor)
        {
            severity = factor.Severity;
            id = factor.RuleId;
            return true;
        }

        severity = default;
        id = string.Empty;
        return false;
    }

    /// <summary>
    /// The score and level from the number of factors fired per severity: the scalar path multiplies most severe
    /// first, and equal severities carry equal risks, so multiplying by severity in that order gives the same bits as
    /// <see cref="Score"/>; the level is the level policy's for that score and the most severe severity fired.
    /// </summary>
    private (double Score, ChurnRiskLevel Level) ScoreAndLevel(CustomerSignals signals, ReadOnlySpan<int> fired)
    {
        var safe = 1 - (signals.HealthScore is { } h ? _o.HealthWeight * (100 - h) / 100 : 0);
        ChurnSeverity? mostSevere = null;
        for (var severity = ChurnSeverity.Critical; severity >= ChurnSeverity.Low; severity--)
        {
            for (var n = fired[(int)severity]; n > 0; n--)
            {
                mostSevere ??= severity;
                safe *= 1 - FactorRisk(severity);
            }
        }

        var score = Math.Clamp(100 * (1 - safe), 0, 100);
        return (score, _o.LevelPolicy.Decide(signals, score, mostSevere));
    }

    /// <summary>
    /// risk = 1 − (1 − h) × Π (1 − r_f), with h = HealthWeight × (100 − health) ÷ 100 (0 when health is unknown)
    /// and r_f the risk of each factor's severity; the score is 100 × risk.
    /// </summary>
    internal double Score(double? health, IReadOnlyList<ChurnRiskFactor> factors)
    {
        var safe = 1 - (health is { } h ? _o.HealthWeight * (100 - h) / 100 : 0);
        foreach (var factor in factors)
        {
            safe *= 1 - FactorRisk(factor.Severity);
        }

        return Math.Clamp(100 * (1 - safe), 0, 100);
    }

    /// <summary>The level policy's level for a score and the factors that fired (most severe first).</summary>
    internal ChurnRiskLevel Level(CustomerSignals signals, double score, IReadOnlyList<ChurnRiskFactor> factors) =>
        _o.LevelPolicy.Decide(signals, score, factors.Count > 0 ? factors[0].Severity : null);

    /// <summary>
    /// The level of a churn probability: the higher of the probability thresholds' level (from
    /// <see cref="ChurnRiskOptions.ProbabilityHighAt"/> High, from <see cref="ChurnRiskOptions.ProbabilityMediumAt"/>
    /// Medium, otherwise Low) and the level policy's for the same customer, so a probability never gives a level lower
    /// than a playbook states for the customer's signals.
    /// </summary>
    internal ChurnRiskLevel ProbabilityLevel(CustomerSignals signals, double probability, IReadOnlyList<ChurnRiskFactor> factors)
    {
        var level = probability >= _o.ProbabilityHighAt ? ChurnRiskLevel.High
            : probability >= _o.ProbabilityMediumAt ? ChurnRiskLevel.Medium
            : ChurnRiskLevel.Low;
        var stated = Level(signals, Score(signals.HealthScore, factors), factors);
        return stated > level ? stated : level;
    }

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
            ArrAtRisk(arr, level),
            ExpectedLoss(arr, probability ?? score / 100),
            Priority(score, arr, days),
            Actions(level, factors, probability),
            signals.HealthScore,
            probability);
    }

    internal static int? DaysToRenewal(CustomerSignals signals) =>
        signals.RenewalDate is { } r ? IsoDays.Between(signals.AsOf, r) : null;

    /// <summary>The whole ARR of a customer at High or Critical, 0 below, null when the ARR is unknown.</summary>
    internal static decimal? ArrAtRisk(decimal? arr, ChurnRiskLevel level) =>
        arr is { } a ? (level >= ChurnRiskLevel.High ? a : 0m) : null;

    /// <summary>ARR × the churn probability (or the risk score ÷ 100 standing in for one), to the cent; null when the ARR is unknown.</summary>
    internal static decimal? ExpectedLoss(decimal? arr, double probability) =>
        arr is { } a ? decimal.Round(a * (decimal)probability, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The actions of the two most severe factors (the CS Expert playbook's plan reads the top two),
    /// then its executive business review within 1 week and success-plan reset within 3 days: for a probability model
    /// when the probability is above <see cref="ChurnRiskOptions.ProbabilityHighAt"/> (strictly, as the playbook
    /// gates them), for a rule-based assessment at a High or Critical level.
    /// </summary>
    private IReadOnlyList<string> Actions(ChurnRiskLevel level, IReadOnlyList<ChurnRiskFactor> factors, double? probability)
    {
        var highRisk = probability is { } p ? p > _o.ProbabilityHighAt : level >= ChurnRiskLevel.High;
        if (factors.Count == 0 && !highRisk)
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

        if (highRisk)
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
