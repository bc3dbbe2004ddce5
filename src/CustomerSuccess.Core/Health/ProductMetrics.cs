namespace CustomerSuccess.Health;

/// <summary>
/// The raw metrics the CS Expert playbook's health query reads, each null when unknown (missing). Turn them into component scores
/// with <see cref="ProductMetricsRubric.ToComponentScores"/>.
/// </summary>
/// <remarks>An immutable record; values are checked when a rubric reads them.</remarks>
public sealed record ProductMetrics
{
    /// <summary>Distinct days with activity in the last 30 days, in [0, 30].</summary>
    public int? DaysActiveLast30 { get; init; }

    /// <summary>Distinct features used in the last 30 days, 0 or more.</summary>
    public int? FeaturesUsed { get; init; }

    /// <summary>Average CSAT of the last 30 days on a 1 to 5 scale.</summary>
    public double? AverageCsat { get; init; }

    /// <summary>Support tickets opened in the last 30 days, 0 or more.</summary>
    public int? SupportTicketsLast30 { get; init; }

    /// <summary>Meetings held in the last 90 days, 0 or more.</summary>
    public int? MeetingsLast90 { get; init; }
}
