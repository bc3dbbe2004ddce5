using System;

namespace CustomerSuccess.Backtesting;

/// <summary>How one churn rule did on a history: how often it fired, the churn rate when it fired and when it did not, and its lift.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Fired">The snapshots it fired on, and how many of them churned within the horizon.</param>
/// <param name="NotFired">The snapshots it did not fire on, and how many of them churned.</param>
/// <param name="Lift">The churn rate when it fired over the whole history's; null when either is undefined or the whole's is 0.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RuleLift(string RuleId, ProportionInterval Fired, ProportionInterval NotFired, double? Lift)
{
    /// <summary>The rule's id.</summary>
    public string RuleId { get; init; } = RuleId ?? throw new ArgumentNullException(nameof(RuleId));

    /// <summary>The share of the snapshots it fired on.</summary>
    public double FiringRate => Fired.Trials + NotFired.Trials == 0 ? 0 : (double)Fired.Trials / (Fired.Trials + NotFired.Trials);
}
