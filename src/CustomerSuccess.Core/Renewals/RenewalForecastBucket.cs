using System;
using NodaTime;

namespace CustomerSuccess.Renewals;

/// <summary>The renewals of one month or quarter.</summary>
/// <param name="Period">The dates of the month or quarter, both ends included.</param>
/// <param name="Contracts">How many contracts renew in it.</param>
/// <param name="Revenue">Their total annual recurring revenue.</param>
/// <param name="ExpectedRevenue">Σ revenue × probability of renewal.</param>
public sealed record RenewalForecastBucket(DateInterval Period, int Contracts, decimal Revenue, decimal ExpectedRevenue)
{
    /// <summary>The dates of the month or quarter, both ends included.</summary>
    public DateInterval Period { get; init; } = Period ?? throw new ArgumentNullException(nameof(Period));
}
