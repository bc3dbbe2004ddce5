using System;
using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>The NPS of the responses dated within a period.</summary>
/// <param name="Period">The dates of the period, both ends included.</param>
/// <param name="Summary">The summary of the responses in the period; <see cref="NpsSummary.Empty"/> when there were none.</param>
/// <param name="Weighted">The weighted summary of the same responses.</param>
public sealed record NpsPeriodSummary(DateInterval Period, NpsSummary Summary, WeightedNpsSummary Weighted)
{
    /// <summary>The dates of the period, both ends included.</summary>
    public DateInterval Period { get; init; } = Period ?? throw new ArgumentNullException(nameof(Period));
}
