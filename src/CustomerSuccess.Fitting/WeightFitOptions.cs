using CustomerSuccess.Backtesting;

namespace CustomerSuccess.Fitting;

/// <summary>How weights are fitted and checked; every default is ours.</summary>
/// <remarks>Immutable and thread-safe; the ranges are checked when a fit uses the options.</remarks>
public sealed record WeightFitOptions
{
    /// <summary>The default share of accounts held out: 0.3.</summary>
    public const double DefaultHeldOutShare = 0.3;

    /// <summary>The default ridge penalty: 0.001.</summary>
    public const double DefaultRidge = 0.001;

    /// <summary>The horizon in days: a snapshot is labelled churned when its account churned within it (1 or more; 90 by default).</summary>
    public int HorizonDays { get; init; } = AccountOutcome.DefaultHorizonDays;

    /// <summary>The share of accounts held out of the fit to measure it, in (0, 1); <see cref="DefaultHeldOutShare"/> by default.</summary>
    public double HeldOutShare { get; init; } = DefaultHeldOutShare;

    /// <summary>The seed of the split by account: the same seed and accounts give the same split, whatever the rows' order. 1 by default.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The ridge (L2) penalty on the coefficients, 0 or more, added as half its value times their squared sum to the mean
    /// log-loss; it keeps the fit finite when a component separates the classes. <see cref="DefaultRidge"/> by default.
    /// </summary>
    public double Ridge { get; init; } = DefaultRidge;

    /// <summary>The confidence level of the AUCs' intervals, in (0, 1); 0.95 by default.</summary>
    public double Level { get; init; } = ProportionInterval.DefaultLevel;

    /// <summary>The options used when none are given.</summary>
    public static WeightFitOptions Default { get; } = new();
}
