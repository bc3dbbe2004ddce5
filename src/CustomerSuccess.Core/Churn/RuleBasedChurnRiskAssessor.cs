using System;
using System.Collections.Generic;

namespace CustomerSuccess.Churn;

/// <summary>
/// The rule-based churn assessor: every early-warning signal the playbooks name is a rule with a severity and a threshold
/// from <see cref="ChurnRiskOptions"/>, and the score combines the health score with the factors that fired.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: the options are copied and checked when it is built.</para>
/// <para>
/// Score: risk = 1 − (1 − h) × Π (1 − r_f), where h = <see cref="ChurnRiskOptions.HealthWeight"/> × (100 − health) ÷ 100
/// (0 when the health score is unknown) and r_f is the risk of each fired factor's severity (Low 0.05, Medium 0.15,
/// High 0.30, Critical 0.50 by default); the risk score is 100 × risk. Each factor multiplies the "safe" share by a
/// number at most 1 and a lower health score raises h, so another factor never lowers the score and a lower health
/// score never lowers it. The score orders customers; the level comes from <see cref="ChurnRiskOptions.LevelPolicy"/>,
/// by default the highest level any playbook states for the customer (<see cref="ChurnLevelPolicies.HighestStated"/>).
/// </para>
/// </remarks>
public sealed class RuleBasedChurnRiskAssessor : IChurnRiskAssessor
{
    private readonly ChurnRiskCalculator _calculator;

    /// <summary>Creates an assessor.</summary>
    /// <param name="options">Thresholds, weights, levels and rules; the defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public RuleBasedChurnRiskAssessor(ChurnRiskOptions? options = null) =>
        _calculator = new ChurnRiskCalculator(options ?? new ChurnRiskOptions());

    /// <summary>The rules in evaluation order: the enabled built-in rules, then the enabled additional rules.</summary>
    public IReadOnlyList<IChurnRiskRule> Rules => _calculator.Rules;

    /// <summary>The calculator behind this assessor, for the bulk paths.</summary>
    internal ChurnRiskCalculator Calculator => _calculator;

    /// <summary>
    /// Assesses a customer without explaining: the level, risk score, priority, days to renewal, revenue at risk and the
    /// ids of the three most severe factors, exactly as <see cref="Assess"/> gives them, with no detail texts, factor
    /// objects or actions, and no allocation. For scoring many customers whose explanations nobody reads.
    /// </summary>
    /// <param name="signals">The customer's signals.</param>
    /// <returns>The brief assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A signal is out of range; the message names it.</exception>
    public ChurnRiskBrief AssessBrief(CustomerSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        signals.Validate();
        return _calculator.Brief(signals);
    }

    /// <inheritdoc />
    /// <remarks>A customer for whom no rule fires costs one allocation: the assessment.</remarks>
    public ChurnAssessment Assess(CustomerSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        signals.Validate();
        var factors = _calculator.Factors(signals);
        var score = _calculator.Score(signals.HealthScore, factors);
        return _calculator.Assessment(signals, factors, score, _calculator.Level(signals, score, factors), probability: null);
    }
}
