using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Churn;

/// <summary>
/// Levels from the health score as the Customer success agent playbook's churn-risk playbook maps them: health below
/// <see cref="HighBelow"/> (0–39) High, below <see cref="MediumBelow"/> (40–59) Medium, otherwise Low (60–79 is the
/// playbook's Low; it states no level for 80–100, the healthy band, which is Low here too). An unknown health score
/// is Low: the playbook states nothing for it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HealthBandLevelPolicy : IChurnLevelPolicy
{
    /// <summary>Creates a policy; the defaults are the playbook's bands.</summary>
    /// <param name="highBelow">A health score below this is High; 40.</param>
    /// <param name="mediumBelow">A health score below this (and not below <paramref name="highBelow"/>) is Medium; 60.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bounds do not satisfy 0 ≤ highBelow ≤ mediumBelow ≤ 100.</exception>
    public HealthBandLevelPolicy(double highBelow = 40, double mediumBelow = 60)
    {
        if (!(highBelow >= 0 && highBelow <= 100))
        {
            throw Guard.OutOfRange(highBelow, 0, 100, nameof(highBelow), nameof(highBelow));
        }

        if (!(mediumBelow >= highBelow && mediumBelow <= 100))
        {
            throw Guard.OutOfRange(mediumBelow, highBelow, 100, nameof(mediumBelow), nameof(mediumBelow));
        }

        HighBelow = highBelow;
        MediumBelow = mediumBelow;
    }

    /// <inheritdoc />
    /// <value>"health-bands".</value>
    public string Name => "health-bands";

    /// <summary>A health score below this is High.</summary>
    /// <value>40 in the preset. In [0, 100].</value>
    public double HighBelow { get; }

    /// <summary>A health score below this, and not below <see cref="HighBelow"/>, is Medium.</summary>
    /// <value>60 in the preset. In [<see cref="HighBelow"/>, 100].</value>
    public double MediumBelow { get; }

    /// <inheritdoc />
    public ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals.HealthScore is not { } health ? ChurnRiskLevel.Low
            : health < HighBelow ? ChurnRiskLevel.High
            : health < MediumBelow ? ChurnRiskLevel.Medium
            : ChurnRiskLevel.Low;
    }
}
