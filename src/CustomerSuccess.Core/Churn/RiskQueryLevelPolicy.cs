using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Churn;

/// <summary>
/// Levels as the health-score query of the Customer success expert playbook classifies them (its <c>risk_level</c>):
/// the first condition that holds decides. (1) The renewal is fewer than
/// <see cref="RenewalWindowDays"/> days away and the health score is below <see cref="HealthBelow"/>: High. (2) The last
/// activity was more than <see cref="InactiveDaysOver"/> days ago: Medium. (3) More than
/// <see cref="HighPriorityTicketsOver"/> high-priority tickets in the last 30 days: Medium. (4) Otherwise Low.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe.</para>
/// <para>
/// As the query has it, an unknown renewal date or health score makes (1) not hold, and (2) looks only at activity
/// within the last <see cref="ActivityLookbackDays"/> days (the query's last activity is the latest event of the last
/// 30 days, and none there makes the comparison false): a customer with no activity in the look-back is not Medium by
/// (2). The inactivity rule (<see cref="ChurnRuleIds.Inactivity"/>) still fires for such a customer.
/// </para>
/// </remarks>
public sealed class RiskQueryLevelPolicy : IChurnLevelPolicy
{
    /// <summary>Creates a policy; the defaults are the query's own values.</summary>
    /// <param name="renewalWindowDays">A renewal fewer than this many days away counts for condition (1); 90.</param>
    /// <param name="healthBelow">A health score below this counts for condition (1); 60.</param>
    /// <param name="inactiveDaysOver">More days since the last activity than this is condition (2); 14.</param>
    /// <param name="highPriorityTicketsOver">More high-priority tickets in the last 30 days than this is condition (3); 2.</param>
    /// <param name="activityLookbackDays">Activity older than this many days counts as none for condition (2); 30.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names it.</exception>
    public RiskQueryLevelPolicy(
        int renewalWindowDays = 90,
        double healthBelow = 60,
        int inactiveDaysOver = 14,
        int highPriorityTicketsOver = 2,
        int activityLookbackDays = 30)
    {
        Guard.NotNegative(renewalWindowDays, nameof(renewalWindowDays), nameof(renewalWindowDays));
        if (!(healthBelow >= 0 && healthBelow <= 100))
        {
            throw Guard.OutOfRange(healthBelow, 0, 100, nameof(healthBelow), nameof(healthBelow));
        }

        Guard.NotNegative(inactiveDaysOver, nameof(inactiveDaysOver), nameof(inactiveDaysOver));
        Guard.NotNegative(highPriorityTicketsOver, nameof(highPriorityTicketsOver), nameof(highPriorityTicketsOver));
        Guard.NotNegative(activityLookbackDays, nameof(activityLookbackDays), nameof(activityLookbackDays));
        RenewalWindowDays = renewalWindowDays;
        HealthBelow = healthBelow;
        InactiveDaysOver = inactiveDaysOver;
        HighPriorityTicketsOver = highPriorityTicketsOver;
        ActivityLookbackDays = activityLookbackDays;
    }

    /// <inheritdoc />
    /// <value>"risk-query".</value>
    public string Name => "risk-query";

    /// <summary>A renewal fewer than this many days away counts for condition (1).</summary>
    /// <value>90 in the preset (the playbook's query). 0 or more.</value>
    public int RenewalWindowDays { get; }

    /// <summary>A health score below this counts for condition (1).</summary>
    /// <value>60 in the preset. In [0, 100].</value>
    public double HealthBelow { get; }

    /// <summary>More days since the last activity than this is condition (2).</summary>
    /// <value>14 in the preset. 0 or more.</value>
    public int InactiveDaysOver { get; }

    /// <summary>More high-priority tickets in the last 30 days than this is condition (3).</summary>
    /// <value>2 in the preset. 0 or more.</value>
    public int HighPriorityTicketsOver { get; }

    /// <summary>Activity older than this many days counts as no activity for condition (2).</summary>
    /// <value>30 in the preset (the query's 30-day window). 0 or more.</value>
    public int ActivityLookbackDays { get; }

    /// <inheritdoc />
    public ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.RenewalDate is { } renewal && signals.HealthScore is { } health
            && health < HealthBelow && IsoDays.Between(signals.AsOf, renewal) < RenewalWindowDays)
        {
            return ChurnRiskLevel.High;
        }

        if (signals.LastActivityDate is { } activity
            && IsoDays.Between(activity, signals.AsOf) is var inactive && inactive > InactiveDaysOver && inactive <= ActivityLookbackDays)
        {
            return ChurnRiskLevel.Medium;
        }

        return signals.HighPriorityTicketsLast30Days > HighPriorityTicketsOver ? ChurnRiskLevel.Medium : ChurnRiskLevel.Low;
    }
}
