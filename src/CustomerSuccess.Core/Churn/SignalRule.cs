using System;

namespace CustomerSuccess.Churn;

/// <summary>
/// A built-in rule: a test on the signals that returns the detail text when it fires, or null. The detail is built
/// only when the rule fires, so a quiet customer costs no allocation.
/// </summary>
internal sealed class SignalRule(string id, ChurnSeverity severity, string action, Func<CustomerSignals, string?> test) : IChurnRiskRule
{
    public string Id { get; } = id;

    public ChurnSeverity Severity { get; } = severity;

    public ChurnRiskFactor? Evaluate(CustomerSignals signals) =>
        test(signals) is { } detail ? new ChurnRiskFactor(Id, Severity, detail, action) : null;
}
