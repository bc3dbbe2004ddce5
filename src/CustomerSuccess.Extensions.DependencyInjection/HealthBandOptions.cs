using CustomerSuccess.Health;

namespace CustomerSuccess.DependencyInjection;

/// <summary>One band of a health model defined in configuration; ranks follow the lower bounds.</summary>
public sealed class HealthBandOptions
{
    /// <summary>The band's label, for example "Healthy".</summary>
    /// <value>Empty; required.</value>
    public string Label { get; set; } = string.Empty;

    /// <summary>The lowest score in the band, inclusive, in [0, 100].</summary>
    /// <value>0.</value>
    public double LowerBound { get; set; }

    /// <summary>The band's colour.</summary>
    /// <value><see cref="HealthBandColor.Red"/>.</value>
    public HealthBandColor Color { get; set; }
}
