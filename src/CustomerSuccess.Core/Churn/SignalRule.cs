using System;

namespace CustomerSuccess.Churn;

/// <summary>
/// A built-in rule: a test on the signals that returns the detail text when it fires, or null. The detail is built
/// only when the rule fires, so a quiet customer costs no allocation.
/// </summary>
internal sealed class SignalRule(string id, ChurnSeverity severity, string action, Func<CustomerSignals, bool, string?> test) : IChurnRiskRule
{
    public string Id { get; } = id;

    public ChurnSeverity Severity { get; } = severity;

    public ChurnRiskFactor? Evaluate(CustomerSignals signals) =>
        test(signals, true) is { } detail ? new ChurnRiskFactor(Id, Severity, detail, action) : null;

    /// <summary>Whether the rule fires, without building its detail text (the bulk path).</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <returns><see langword="true"/> when the rule fires.</returns>
    internal bool Fires(CustomerSignals signals) => test(signals, false) is not null;
}
