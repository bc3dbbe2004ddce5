using System;
using System.Globalization;

namespace CustomerSuccess.Churn;

/// <summary>
/// An assessor driven by a churn probability model: the level is the higher of the probability's, with the CS Expert
/// playbook's thresholds (0.7 and above High, 0.4 and above Medium, otherwise Low; configurable), and the one
/// <see cref="ChurnRiskOptions.LevelPolicy"/> gives for the same signals (by default the highest level a playbook
/// states for them), so a model never talks a level down below what a playbook states. The risk score is 100 × the
/// probability, and the rule-based factors stay as the explanation. The executive business review and success-plan
/// reset are recommended only above 0.7, strictly, as the playbook's action plan gates them.
/// </summary>
/// <remarks>Immutable and thread-safe when the model is.</remarks>
public sealed class ProbabilityChurnRiskAssessor : IChurnRiskAssessor
{
    private readonly IChurnProbabilityModel _model;
    private readonly ChurnRiskCalculator _calculator;

    /// <summary>Creates an assessor.</summary>
    /// <param name="model">The probability model.</param>
    /// <param name="options">Probability thresholds, rules for the explanation, and priority settings; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ProbabilityChurnRiskAssessor(IChurnProbabilityModel model, ChurnRiskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _calculator = new ChurnRiskCalculator(options ?? new ChurnRiskOptions());
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The model returned a value outside [0, 1] or NaN.</exception>
    public ChurnAssessment Assess(CustomerSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        signals.Validate();
        var p = _model.PredictChurnProbability(signals);
        if (!(p >= 0 && p <= 1))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the churn probability model {_model.GetType().Name} returned {p}; a probability must be in [0, 1]."));
        }

        var factors = _calculator.Factors(signals);
        return _calculator.Assessment(signals, factors, 100 * p, _calculator.ProbabilityLevel(signals, p, factors), p);
    }
}
