namespace CustomerSuccess.Churn;

/// <summary>
/// The level of the most severe factor that fired: a Medium factor makes the level Medium, a High factor High, a
/// Critical factor Critical; a Low factor, or none, makes it Low. The early-warning signals of the Customer success
/// expert and Customer success agent playbooks each state their severity, and this policy takes them at their word.
/// </summary>
/// <remarks>Immutable and thread-safe; reached through <see cref="ChurnLevelPolicies.MostSevereFactor"/>.</remarks>
internal sealed class MostSevereFactorLevelPolicy : IChurnLevelPolicy
{
    internal MostSevereFactorLevelPolicy()
    {
    }

    /// <inheritdoc />
    /// <value>"most-severe-factor".</value>
    public string Name => "most-severe-factor";

    /// <inheritdoc />
    public ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor) =>
        mostSevereFactor switch
        {
            ChurnSeverity.Critical => ChurnRiskLevel.Critical,
            ChurnSeverity.High => ChurnRiskLevel.High,
            ChurnSeverity.Medium => ChurnRiskLevel.Medium,
            _ => ChurnRiskLevel.Low,
        };
}
