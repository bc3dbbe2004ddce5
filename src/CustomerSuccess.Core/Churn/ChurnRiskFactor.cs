using System;

namespace CustomerSuccess.Churn;

/// <summary>An early-warning signal that fired for a customer, with a readable detail and what to do about it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ChurnRiskFactor
{
    /// <summary>Creates a factor.</summary>
    /// <param name="ruleId">The id of the rule that fired, for example "usage-decline". Not empty.</param>
    /// <param name="severity">How severe the signal is.</param>
    /// <param name="detail">What was seen, for example "usage down 34 % in the last 30 days". Not empty.</param>
    /// <param name="recommendedAction">What to do about it, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="ruleId"/> or <paramref name="detail"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not defined.</exception>
    public ChurnRiskFactor(string ruleId, ChurnSeverity severity, string detail, string? recommendedAction = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "the severity must be Low, Medium, High or Critical.");
        }

        RuleId = ruleId;
        Severity = severity;
        Detail = detail;
        RecommendedAction = recommendedAction;
    }

    /// <summary>The id of the rule that fired.</summary>
    public string RuleId { get; }

    /// <summary>How severe the signal is.</summary>
    public ChurnSeverity Severity { get; }

    /// <summary>What was seen, in words.</summary>
    public string Detail { get; }

    /// <summary>What to do about it, or null.</summary>
    public string? RecommendedAction { get; }

    /// <summary>For example "High: usage down 34 % in the last 30 days".</summary>
    public override string ToString() => $"{Severity}: {Detail}";
}
