namespace CustomerSuccess.Churn;

/// <summary>
/// Decides a customer's churn-risk level from what a rule-based assessment knows: the signals, the 0–100 risk score
/// and the severity of the most severe factor that fired. The presets are in <see cref="ChurnLevelPolicies"/>.
/// </summary>
/// <remarks>
/// Implementations must be immutable and thread-safe: one policy serves every customer of an assessor, on every core
/// of a bulk call. The signals have been checked (<see cref="CustomerSignals"/>'s ranges hold) before a policy sees them.
/// </remarks>
public interface IChurnLevelPolicy
{
    /// <summary>A short name for documentation and output, for example "highest-stated".</summary>
    string Name { get; }

    /// <summary>The level of one customer.</summary>
    /// <param name="signals">The customer's signals, already checked.</param>
    /// <param name="riskScore">The risk score, in [0, 100].</param>
    /// <param name="mostSevereFactor">The severity of the most severe factor that fired, or null when none fired.</param>
    /// <returns>The level.</returns>
    ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor);
}
