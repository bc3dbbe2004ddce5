using System.Collections.Generic;
using System.Globalization;
using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Expansion;

/// <summary>
/// Expansion readiness from the CS Manager playbook's seven strong signals: adoption above 80 % of features, several champions with
/// executive support, NPS above 50, ROI documented, the budget holder asking, new use cases, higher-tier feature
/// requests. The score is the share of signals present, from 0 to 100.
/// </summary>
/// <param name="Score">Signals present ÷ 7 × 100.</param>
/// <param name="Present">The signals present, in seed order.</param>
/// <param name="Absent">The signals absent or unknown, in seed order.</param>
public sealed record ExpansionReadiness(double Score, IReadOnlyList<string> Present, IReadOnlyList<string> Absent)
{
    /// <summary>The signals present, in seed order.</summary>
    public IReadOnlyList<string> Present { get; init; } = Present ?? throw new ArgumentNullException(nameof(Present));

    /// <summary>The signals absent or unknown, in seed order.</summary>
    public IReadOnlyList<string> Absent { get; init; } = Absent ?? throw new ArgumentNullException(nameof(Absent));

    /// <summary>The number of strong signals: 7.</summary>
    public const int SignalCount = 7;

    /// <summary>Assesses readiness.</summary>
    /// <param name="signals">The signals.</param>
    /// <returns>The readiness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names it.</exception>
    public static ExpansionReadiness Assess(ExpansionReadinessSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.FeatureAdoptionRate is { } adoption)
        {
            Guard.InRange(adoption, 0, 1, nameof(signals.FeatureAdoptionRate), nameof(signals));
        }

        if (signals.Nps is { } nps)
        {
            Guard.InRange(nps, -100, 100, nameof(signals.Nps), nameof(signals));
        }

        if (signals.Champions is { } champions)
        {
            Guard.NotNegative(champions, nameof(signals.Champions), nameof(signals));
        }

        var present = new List<string>();
        var absent = new List<string>();
        Check(signals.FeatureAdoptionRate > 0.8, string.Create(CultureInfo.InvariantCulture, $"adoption above 80% of features"));
        Check(signals.Champions >= 2 && signals.ExecutiveSupport == true, "several champions and executive support");
        Check(signals.Nps > 50, "NPS above 50");
        Check(signals.RoiDocumented == true, "ROI documented");
        Check(signals.BudgetHolderAsking == true, "budget holder asking");
        Check(signals.NewUseCases == true, "new use cases");
        Check(signals.HigherTierFeatureRequests == true, "higher-tier feature requests");
        return new ExpansionReadiness(100.0 * present.Count / SignalCount, present.AsReadOnly(), absent.AsReadOnly());

        void Check(bool isPresent, string name) => (isPresent ? present : absent).Add(name);
    }
}
