using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Renewals;

/// <summary>A contract to forecast, with what is known of its customer: a label for the probability table, or a probability.</summary>
/// <remarks>Immutable; checked on construction.</remarks>
public sealed record RenewalForecastInput
{
    /// <summary>Creates an input.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="label">A health colour or label, or a churn-risk level, looked up in the table; or null.</param>
    /// <param name="probability">A renewal probability that overrides the table, in [0, 1]; or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contract"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1].</exception>
    public RenewalForecastInput(Contract contract, string? label = null, double? probability = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (probability is { } p && !(p >= 0 && p <= 1))
        {
            throw Guard.OutOfRange(p, 0, 1, $"the renewal probability of contract '{contract.Id}'", nameof(probability));
        }

        Contract = contract;
        Label = label;
        Probability = probability;
    }

    /// <summary>The contract.</summary>
    public Contract Contract { get; }

    /// <summary>The label looked up in the probability table, or null.</summary>
    public string? Label { get; }

    /// <summary>A probability that overrides the table, or null.</summary>
    public double? Probability { get; }
}
