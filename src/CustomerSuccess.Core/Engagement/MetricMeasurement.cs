using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>A success metric's value measured on a date.</summary>
/// <param name="Date">The date measured.</param>
/// <param name="Value">The value, a finite number.</param>
public sealed record MetricMeasurement(LocalDate Date, double Value);
