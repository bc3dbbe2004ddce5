namespace CustomerSuccess.Health;

/// <summary>The traffic-light colour of a <see cref="HealthBand"/>, for dashboards and for code that branches on it.</summary>
public enum HealthBandColor
{
    /// <summary>Red: critical or at risk; act now (seed 001: "critical, high churn risk, escalate immediately").</summary>
    Red = 0,

    /// <summary>Yellow: needs attention (seed 001: "at risk, needs attention, create action plan").</summary>
    Yellow = 1,

    /// <summary>Green: healthy (seed 001: "healthy, on track, expansion potential").</summary>
    Green = 2,
}
