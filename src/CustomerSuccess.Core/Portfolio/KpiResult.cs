using System.Globalization;

namespace CustomerSuccess.Portfolio;

/// <summary>One target of a <see cref="KpiReport"/> with the portfolio's figure.</summary>
/// <param name="Target">The target.</param>
/// <param name="Figure">The figure, or <see langword="null"/> when it is not known.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record KpiResult(KpiTarget Target, double? Figure)
{
    /// <summary>Whether the figure meets the target; <see langword="null"/> when the figure is not known.</summary>
    public bool? Met => Figure is { } f ? Target.IsMetBy(f) : null;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Target}: {(Figure is { } f ? KpiTarget.FormatValue(Target.Metric, f) : "unknown")}, {(Met switch { true => "met", false => "not met", _ => "no figure" })}");
}
