using System;
using NodaTime;

namespace CustomerSuccess.Health;

/// <summary>A move from one band to another in a <see cref="HealthTrend"/>, after hysteresis.</summary>
/// <param name="Date">The date of the score that caused the move.</param>
/// <param name="From">The band before.</param>
/// <param name="To">The band after.</param>
/// <param name="Score">The score that caused the move.</param>
public sealed record BandTransition(LocalDate Date, HealthBand From, HealthBand To, double Score)
{
    /// <summary>The band before.</summary>
    public HealthBand From { get; init; } = From ?? throw new ArgumentNullException(nameof(From));

    /// <summary>The band after.</summary>
    public HealthBand To { get; init; } = To ?? throw new ArgumentNullException(nameof(To));

    /// <summary>Whether the move was to a healthier band.</summary>
    public bool IsImprovement => To.Rank > From.Rank;
}
