namespace CustomerSuccess.Health;

/// <summary>The traffic-light colour of a <see cref="HealthBand"/>, for dashboards and for code that branches on it.</summary>
public enum HealthBandColor
{
    /// <summary>Red: critical or at risk; act now (CS Manager playbook: "critical, high churn risk, escalate immediately").</summary>
    Red = 0,

    /// <summary>Yellow: needs attention (CS Manager playbook: "at risk, needs attention, create action plan").</summary>
    Yellow = 1,

    /// <summary>Green: healthy (CS Manager playbook: "healthy, on track, expansion potential").</summary>
    Green = 2,
}
