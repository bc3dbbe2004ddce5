using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Renewals;

/// <summary>
/// The probability that a contract renews, by a label that describes the customer: a health band colour or label, or
/// a churn-risk level, compared ignoring case; and a default for customers with no label or an unknown one.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Renewals stand alone, so the table is keyed by text: pass
/// <c>band.Color.ToString()</c>, <c>band.Label</c> or <c>assessment.Level.ToString()</c>.
/// </remarks>
public sealed class RenewalProbabilityTable
{
    private readonly Dictionary<string, double> _byLabel;

    /// <summary>Creates a table.</summary>
    /// <param name="byLabel">The probability of each label, each in [0, 1].</param>
    /// <param name="defaultProbability">The probability for no label or an unknown one, in [0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="byLabel"/> is null.</exception>
    /// <exception cref="ArgumentException">A probability is outside [0, 1], or two labels differ only in case; the message lists every problem.</exception>
    public RenewalProbabilityTable(IReadOnlyDictionary<string, double> byLabel, double defaultProbability)
    {
        ArgumentNullException.ThrowIfNull(byLabel);
        var problems = new List<string>();
        foreach (var (label, p) in byLabel)
        {
            if (!(p >= 0 && p <= 1))
            {
                problems.Add($"the renewal probability of '{label}' is {Guard.Format(p)}; it must be in [0, 1].");
            }
        }

        if (!(defaultProbability >= 0 && defaultProbability <= 1))
        {
            problems.Add($"the default renewal probability is {Guard.Format(defaultProbability)}; it must be in [0, 1].");
        }

        foreach (var group in byLabel.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"the label '{group.Key}' appears {group.Count()} times ignoring case.");
        }

        Guard.NoProblems(problems, "Renewal probability table", nameof(byLabel));
        _byLabel = new Dictionary<string, double>(byLabel, StringComparer.OrdinalIgnoreCase);
        DefaultProbability = defaultProbability;
    }

    /// <summary>
    /// The default table (our choice; the seeds give no renewal probabilities): by health colour Green 0.95,
    /// Yellow 0.80, Red 0.50; by churn-risk level Low 0.95, Medium 0.80, High 0.50, Critical 0.25; unknown 0.85.
    /// Green and low-risk customers renew at the rates healthy SaaS books report; each step down costs about as much as
    /// the band's name suggests; the default sits at a typical gross renewal rate.
    /// </summary>
    public static RenewalProbabilityTable Default { get; } = new(
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
        {
            ["Green"] = 0.95,
            ["Yellow"] = 0.80,
            ["Red"] = 0.50,
            ["Low"] = 0.95,
            ["Medium"] = 0.80,
            ["High"] = 0.50,
            ["Critical"] = 0.25,
        },
        0.85);

    /// <summary>The probability for no label or an unknown one.</summary>
    public double DefaultProbability { get; }

    /// <summary>The labels and their probabilities.</summary>
    public IReadOnlyDictionary<string, double> ByLabel => _byLabel;

    /// <summary>The probability for a label, ignoring case; <see cref="DefaultProbability"/> for null or an unknown label.</summary>
    /// <param name="label">A label such as "Green" or "High", or null.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double ProbabilityOf(string? label) =>
        label is not null && _byLabel.TryGetValue(label, out var p) ? p : DefaultProbability;
}
