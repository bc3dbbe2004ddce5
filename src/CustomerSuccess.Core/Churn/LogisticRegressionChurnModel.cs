using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Churn;

/// <summary>
/// Logistic regression over named signals with coefficients you supply (fitted elsewhere):
/// p = 1 ÷ (1 + e^−z), z = intercept + Σ coefficientₖ × featureₖ, with the features of <see cref="ChurnFeatures"/>.
/// A missing signal contributes nothing to z (its feature counts as 0); centre your features when you fit the model if
/// 0 is not a neutral value for them.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LogisticRegressionChurnModel : IChurnProbabilityModel
{
    private readonly int[] _features;
    private readonly double[] _coefficients;

    /// <summary>Creates a model.</summary>
    /// <param name="intercept">The intercept, finite.</param>
    /// <param name="coefficients">Coefficients by feature name (from <see cref="ChurnFeatures.All"/>, ignoring case), each finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="coefficients"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is not a feature or a number is not finite; the message lists every problem.</exception>
    public LogisticRegressionChurnModel(double intercept, IReadOnlyDictionary<string, double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var problems = new List<string>();
        if (!double.IsFinite(intercept))
        {
            problems.Add($"the intercept is {Guard.Format(intercept)}; it must be finite.");
        }

        foreach (var (name, value) in coefficients)
        {
            if (!ChurnFeatures.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"'{name}' is not a churn feature; valid names: {string.Join(", ", ChurnFeatures.All)}.");
            }
            else if (!double.IsFinite(value))
            {
                problems.Add($"the coefficient of '{name}' is {Guard.Format(value)}; it must be finite.");
            }
        }

        Guard.NoProblems(problems, "Logistic regression churn model", nameof(coefficients));
        Intercept = intercept;
        _features = [.. coefficients.Keys.Select(ChurnFeatures.IndexOf)];
        _coefficients = [.. coefficients.Values];
        Coefficients = coefficients.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The intercept.</summary>
    public double Intercept { get; }

    /// <summary>The coefficients by feature name.</summary>
    public IReadOnlyDictionary<string, double> Coefficients { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="signals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A signal is out of its range (NaN, infinite, a date after the as-of date, ...); the message names it.</exception>
    /// <exception cref="ArgumentException">The signals are so large that the model's sum is not a number (+∞ and −∞ together).</exception>
    public double PredictChurnProbability(CustomerSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        signals.Validate();
        var z = Intercept;
        for (var i = 0; i < _features.Length; i++)
        {
            if (ChurnFeatures.Value(signals, _features[i]) is { } x)
            {
                z += _coefficients[i] * x;
            }
        }

        if (double.IsNaN(z))
        {
            throw new ArgumentException("the signals are too large for the model's coefficients: its sum overflows both ways.", nameof(signals));
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
