namespace CustomerSuccess.Backtesting;

/// <summary>One step of a Kaplan–Meier curve: a time at which at least one account churned or left observation.</summary>
/// <param name="Time">The time since the start (days, say).</param>
/// <param name="AtRisk">The accounts still observed just before <paramref name="Time"/>.</param>
/// <param name="Events">The accounts that churned at <paramref name="Time"/>.</param>
/// <param name="Censored">The accounts that left observation at <paramref name="Time"/> without churning.</param>
/// <param name="Survival">The share still retained just after <paramref name="Time"/>, in [0, 1].</param>
/// <param name="StandardError">Greenwood's standard error of <paramref name="Survival"/>.</param>
/// <param name="Lower">The lower end of the interval, <paramref name="Survival"/> less its critical value times the standard error, at least 0.</param>
/// <param name="Upper">The upper end of the interval, at most 1.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct SurvivalPoint(double Time, long AtRisk, long Events, long Censored, double Survival, double StandardError, double Lower, double Upper);
