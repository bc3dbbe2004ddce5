using NodaTime;

namespace CustomerSuccess.Health;

/// <summary>A health score on a date, one point of a <see cref="HealthTrend"/>.</summary>
/// <param name="Date">The date the score was taken.</param>
/// <param name="Score">The score, in [0, 100]; checked when a trend is analyzed.</param>
public readonly record struct DatedHealthScore(LocalDate Date, double Score);
