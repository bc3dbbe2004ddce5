using System;

namespace CustomerSuccess.Backtesting;

/// <summary>One group's churn (a band's, a rule's firing): its rate with its interval, and its lift over the whole.</summary>
/// <param name="Group">The group.</param>
/// <param name="Rate">Its churned accounts over its accounts, with the Wilson interval.</param>
/// <param name="Lift">Its rate over the whole population's: 2 means twice as likely to churn; null when either rate is undefined or the whole's is 0.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ChurnRateRow(string Group, ProportionInterval Rate, double? Lift)
{
    /// <summary>The group.</summary>
    public string Group { get; init; } = Group ?? throw new ArgumentNullException(nameof(Group));
}
