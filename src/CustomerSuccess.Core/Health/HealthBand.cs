using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// One band of a <see cref="HealthBandScheme"/>: the scores from its inclusive <see cref="LowerBound"/>
/// up to the next band's lower bound (or to 100 for the top band).
/// </summary>
/// <remarks>Immutable and thread-safe. Two bands are equal when label, bound, colour and rank are equal.</remarks>
public sealed class HealthBand : IEquatable<HealthBand>
{
    /// <summary>Creates a band.</summary>
    /// <param name="label">What the band is called, for example "Healthy". Not empty.</param>
    /// <param name="lowerBound">The lowest score in the band, inclusive, in [0, 100].</param>
    /// <param name="color">The band's traffic-light colour.</param>
    /// <param name="rank">
    /// The band's position in its scheme counted from the lowest band: 0 for the band that starts at 0,
    /// then 1, 2, ... A higher rank is always healthier. The scheme checks that ranks follow the bounds.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="lowerBound"/> is not in [0, 100], <paramref name="color"/> is not a defined colour,
    /// or <paramref name="rank"/> is not in [0, 254].
    /// </exception>
    public HealthBand(string label, double lowerBound, HealthBandColor color, int rank)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Guard.InRange(lowerBound, 0, 100, $"the lower bound of band '{label}'", nameof(lowerBound));
        if (!Enum.IsDefined(color))
        {
            throw new ArgumentOutOfRangeException(nameof(color), color, $"the colour of band '{label}' must be Red, Yellow or Green.");
        }

        if (rank is < 0 or > 254)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"the rank of band '{label}' must be in [0, 254] but was {rank}.");
        }

        Label = label;
        LowerBound = lowerBound;
        Color = color;
        Rank = rank;
    }

    /// <summary>What the band is called, for example "Healthy" or "Green".</summary>
    public string Label { get; }

    /// <summary>The lowest score in the band, inclusive, in [0, 100].</summary>
    public double LowerBound { get; }

    /// <summary>The band's traffic-light colour.</summary>
    public HealthBandColor Color { get; }

    /// <summary>
    /// The band's position in its scheme, 0 for the lowest band; a higher rank is healthier.
    /// Bulk scoring writes this number as a byte per customer.
    /// </summary>
    public int Rank { get; }

    /// <inheritdoc />
    public bool Equals(HealthBand? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Label, other.Label, StringComparison.Ordinal)
                && LowerBound.Equals(other.LowerBound)
                && Color == other.Color
                && Rank == other.Rank));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HealthBand);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, LowerBound, Color, Rank);

    /// <summary>The label and the range start, for example "Healthy (80+)".</summary>
    public override string ToString() => $"{Label} ({Guard.Format(LowerBound)}+)";
}
