using System;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// The area under the ROC curve of a score against an outcome: the chance that a random account with the outcome
/// (churned) scores as more at risk than a random account without it, ties counting a half; with its Hanley–McNeil
/// standard error and interval. Undefined, and said so, when the accounts are all of one class.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AucEstimate
{
    internal AucEstimate(long positives, long negatives, double level, double? value, double standardError, double lower, double upper)
    {
        Positives = positives;
        Negatives = negatives;
        Level = level;
        _value = value;
        StandardError = standardError;
        Lower = lower;
        Upper = upper;
    }

    private readonly double? _value;

    /// <summary>How many accounts had the outcome.</summary>
    public long Positives { get; }

    /// <summary>How many accounts did not.</summary>
    public long Negatives { get; }

    /// <summary>The confidence level of the interval.</summary>
    public double Level { get; }

    /// <summary>Whether the AUC is defined: at least one account of each class.</summary>
    public bool IsDefined => _value is not null;

    /// <summary>Why the AUC is undefined, or null when it is defined.</summary>
    public string? UndefinedReason => IsDefined ? null
        : Positives == 0 && Negatives == 0 ? "there are no accounts."
        : Positives == 0 ? "no account had the outcome: the AUC needs both classes."
        : "every account had the outcome: the AUC needs both classes.";

    /// <summary>The AUC, in [0, 1]: 0.5 is no better than chance, 1 a perfect ordering.</summary>
    /// <exception cref="InvalidOperationException">The AUC is undefined (<see cref="UndefinedReason"/> says why).</exception>
    public double Value => _value ?? throw new InvalidOperationException($"the AUC is undefined: {UndefinedReason}");

    /// <summary>The AUC, or null when undefined.</summary>
    public double? ValueOrNull => _value;

    /// <summary>The Hanley–McNeil standard error; 0 when undefined.</summary>
    public double StandardError { get; }

    /// <summary>The lower end of the interval, the AUC less its critical value times the standard error, at least 0.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the interval, at most 1.</summary>
    public double Upper { get; }
}
