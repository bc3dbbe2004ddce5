using System.Globalization;
using System;

namespace CustomerSuccess.Portfolio;

/// <summary>One target of a <see cref="KpiReport"/> with the portfolio's figure.</summary>
/// <param name="Target">The target.</param>
/// <param name="Figure">The figure, or <see langword="null"/> when it is not known.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record KpiResult(KpiTarget Target, double? Figure)
{
    /// <summary>The target.</summary>
    public KpiTarget Target { get; init; } = Target ?? throw new ArgumentNullException(nameof(Target));

    /// <summary>Whether the figure meets the target; <see langword="null"/> when the figure is not known.</summary>
    public bool? Met => Figure is { } f ? Target.IsMetBy(f) : null;

    /// <summary>
    /// For example "NetRevenueRetention &gt; 110 % (CS Manager playbook): 112 %, met", or, when the figure is not known,
    /// "... : no figure: ProductAdoption is not known from the input".
    /// </summary>
    public override string ToString() =>
        Figure is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"{Target}: {KpiTarget.FormatValue(Target.Metric, f)}, {(Met == true ? "met" : "not met")}")
            : string.Create(CultureInfo.InvariantCulture, $"{Target}: no figure: {Target.Metric} is not known from the input");
}
