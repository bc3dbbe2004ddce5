namespace CustomerSuccess.Churn;

/// <summary>
/// The ways of deciding a churn-risk level that the playbooks state, and the risk-score cut-offs, as ready-made
/// <see cref="IChurnLevelPolicy"/> values. Set one as <see cref="ChurnRiskOptions.LevelPolicy"/>.
/// </summary>
public static class ChurnLevelPolicies
{
    /// <summary>The level of the most severe factor that fired (Medium → Medium, High → High, Critical → Critical).</summary>
    public static IChurnLevelPolicy MostSevereFactor { get; } = new MostSevereFactorLevelPolicy();

    /// <summary>
    /// The Customer success expert playbook's risk query, first match: renewal in under 90 days with health under 60
    /// High; last activity more than 14 days ago Medium; more than 2 high-priority tickets in 30 days Medium; else Low.
    /// </summary>
    public static IChurnLevelPolicy RiskQuery { get; } = new RiskQueryLevelPolicy();

    /// <summary>The Customer success agent playbook's health bands: 0–39 High, 40–59 Medium, 60 and up Low.</summary>
    public static IChurnLevelPolicy HealthBands { get; } = new HealthBandLevelPolicy();

    /// <summary>
    /// The library's earlier levels, ours: risk score 25 and up Medium, 50 High, 75 Critical, and a Critical factor
    /// at least High. A level that follows the combined score, for teams that calibrated their own cut-offs.
    /// </summary>
    public static IChurnLevelPolicy RiskScore { get; } = new RiskScoreLevelPolicy(25, 50, 75);

    /// <summary>
    /// The default: the highest of <see cref="MostSevereFactor"/>, <see cref="RiskQuery"/> and
    /// <see cref="HealthBands"/>, so a level is never lower than any playbook states for that customer.
    /// </summary>
    public static IChurnLevelPolicy HighestStated { get; } =
        new HighestLevelPolicy("highest-stated", [MostSevereFactor, RiskQuery, HealthBands]);
}
