namespace CustomerSuccess.Churn;

/// <summary>One early-warning rule: looks at a customer's signals and fires a factor, or not.</summary>
/// <remarks>
/// Implementations must be immutable and thread-safe, must not throw for missing signals (a missing field triggers
/// nothing), and should allocate nothing when they do not fire. Add your own through
/// <see cref="ChurnRiskOptions.AdditionalRules"/>.
/// </remarks>
public interface IChurnRiskRule
{
    /// <summary>The rule's id, unique among the rules of an assessor (ignoring case), for example "usage-decline".</summary>
    string Id { get; }

    /// <summary>How severe the signal is when the rule fires.</summary>
    ChurnSeverity Severity { get; }

    /// <summary>The factor the rule fires for these signals, or null when it does not fire.</summary>
    /// <param name="signals">The customer's signals, already checked.</param>
    /// <returns>A factor with this rule's id and severity, or null.</returns>
    ChurnRiskFactor? Evaluate(CustomerSignals signals);
}
