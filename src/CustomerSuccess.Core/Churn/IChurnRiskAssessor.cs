namespace CustomerSuccess.Churn;

/// <summary>Assesses a customer's churn risk: level, score, factors, renewal, revenue at risk, priority and actions.</summary>
/// <remarks>
/// Implementations must be immutable and thread-safe. Built in: <see cref="RuleBasedChurnRiskAssessor"/> and
/// <see cref="ProbabilityChurnRiskAssessor"/> (any <see cref="IChurnProbabilityModel"/>).
/// </remarks>
public interface IChurnRiskAssessor
{
    /// <summary>Assesses one customer.</summary>
    /// <param name="signals">What is known about the customer.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="signals"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">A signal is out of its range; the message names the field and the value.</exception>
    ChurnAssessment Assess(CustomerSignals signals);
}
