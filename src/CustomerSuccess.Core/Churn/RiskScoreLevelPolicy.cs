using System;
using System.Globalization;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Churn;

/// <summary>
/// Levels from cut-offs on the 0–100 risk score: Medium from <see cref="MediumAt"/>, High from <see cref="HighAt"/>,
/// Critical from <see cref="CriticalAt"/>, otherwise Low; a Critical factor makes the level at least High. The
/// cut-offs are ours (no playbook states levels of a combined score); the preset
/// <see cref="ChurnLevelPolicies.RiskScore"/> uses 25, 50 and 75.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RiskScoreLevelPolicy : IChurnLevelPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="mediumAt">The risk score from which the level is Medium.</param>
    /// <param name="highAt">The risk score from which the level is High.</param>
    /// <param name="criticalAt">The risk score from which the level is Critical.</param>
    /// <exception cref="ArgumentOutOfRangeException">The cut-offs do not satisfy 0 &lt; medium &lt; high &lt; critical ≤ 100.</exception>
    public RiskScoreLevelPolicy(double mediumAt, double highAt, double criticalAt)
    {
        if (!(mediumAt > 0 && mediumAt < highAt && highAt < criticalAt && criticalAt <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(mediumAt), mediumAt, string.Create(CultureInfo.InvariantCulture,
                $"the level cut-offs must satisfy 0 < mediumAt < highAt < criticalAt ≤ 100 but are {Guard.Format(mediumAt)}, {Guard.Format(highAt)}, {Guard.Format(criticalAt)}."));
        }

        MediumAt = mediumAt;
        HighAt = highAt;
        CriticalAt = criticalAt;
    }

    /// <inheritdoc />
    /// <value>"risk-score".</value>
    public string Name => "risk-score";

    /// <summary>The risk score from which the level is Medium, in (0, <see cref="HighAt"/>).</summary>
    public double MediumAt { get; }

    /// <summary>The risk score from which the level is High, in (<see cref="MediumAt"/>, <see cref="CriticalAt"/>).</summary>
    public double HighAt { get; }

    /// <summary>The risk score from which the level is Critical, at most 100.</summary>
    public double CriticalAt { get; }

    /// <inheritdoc />
    public ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor)
    {
        var level = riskScore >= CriticalAt ? ChurnRiskLevel.Critical
            : riskScore >= HighAt ? ChurnRiskLevel.High
            : riskScore >= MediumAt ? ChurnRiskLevel.Medium
            : ChurnRiskLevel.Low;
        return level < ChurnRiskLevel.High && mostSevereFactor == ChurnSeverity.Critical ? ChurnRiskLevel.High : level;
    }
}
