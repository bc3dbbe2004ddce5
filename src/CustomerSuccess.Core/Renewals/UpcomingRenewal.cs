using System;
using NodaTime;

namespace CustomerSuccess.Renewals;

/// <summary>One contract's next renewal in a forecast.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="RenewalDate">The renewal date current as of the forecast date.</param>
/// <param name="DaysUntilRenewal">Days from the forecast date to the renewal, 0 or more.</param>
/// <param name="Probability">The probability of renewal used.</param>
/// <param name="ExpectedRevenue">ARR × probability.</param>
public sealed record UpcomingRenewal(Contract Contract, LocalDate RenewalDate, int DaysUntilRenewal, double Probability, decimal ExpectedRevenue)
{
    /// <summary>The contract.</summary>
    public Contract Contract { get; init; } = Contract ?? throw new ArgumentNullException(nameof(Contract));
}
