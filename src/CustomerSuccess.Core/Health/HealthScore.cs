using System;
using System.Globalization;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// A health score: a value in [0, 100] with its band and the coverage it was computed from; or, when too
/// little of the model's weight was present, no value at all (<see cref="HasScore"/> is false).
/// </summary>
/// <remarks>
/// A small immutable value, returned by the allocation-free <see cref="IHealthScoreModel.Score"/> path.
/// <c>default(HealthScore)</c> is a score with no value and a coverage of 0.
/// </remarks>
public readonly struct HealthScore : IEquatable<HealthScore>
{
    private readonly double _value;
    private readonly HealthBand? _band;

    /// <summary>Creates a score with a value.</summary>
    /// <param name="value">The score, in [0, 100].</param>
    /// <param name="band">The band the score falls in.</param>
    /// <param name="coverage">The share of the model's weight that was present, in (0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="band"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not in [0, 100] or <paramref name="coverage"/> not in (0, 1].</exception>
    public HealthScore(double value, HealthBand band, double coverage)
    {
        ArgumentNullException.ThrowIfNull(band);
        Guard.InRange(value, 0, 100, "the health score", nameof(value));
        Guard.InRange(coverage, double.Epsilon, 1, "the coverage", nameof(coverage));
        _value = value;
        _band = band;
        Coverage = coverage;
    }

    private HealthScore(double value, HealthBand? band, double coverage, bool trusted)
    {
        _ = trusted;
        _value = value;
        _band = band;
        Coverage = coverage;
    }

    /// <summary>Whether there was enough data for a score. When false, <see cref="Value"/> and <see cref="Band"/> throw.</summary>
    public bool HasScore => _band is not null;

    /// <summary>The score, in [0, 100].</summary>
    /// <exception cref="InvalidOperationException">There is no score: the coverage was below the model's minimum.</exception>
    public double Value => _band is not null ? _value : throw NoScore();

    /// <summary>The band the score falls in.</summary>
    /// <exception cref="InvalidOperationException">There is no score: the coverage was below the model's minimum.</exception>
    public HealthBand Band => _band ?? throw NoScore();

    /// <summary>The score, or null when there was not enough data.</summary>
    public double? ValueOrNull => _band is not null ? _value : null;

    /// <summary>The share of the model's total weight whose components were present, in [0, 1].</summary>
    public double Coverage { get; }

    /// <summary>A result that says there was not enough data for a score.</summary>
    /// <param name="coverage">The share of the model's weight that was present, in [0, 1].</param>
    /// <returns>A score with <see cref="HasScore"/> false.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="coverage"/> is not in [0, 1].</exception>
    public static HealthScore NotEnoughData(double coverage)
    {
        Guard.InRange(coverage, 0, 1, "the coverage", nameof(coverage));
        return new HealthScore(0, null, coverage, trusted: true);
    }

    /// <summary>Creates a score from values the caller has already checked (the hot path).</summary>
    internal static HealthScore Trusted(double value, HealthBand band, double coverage) => new(value, band, coverage, trusted: true);

    /// <summary>Creates a no-score result from a coverage the caller has already checked.</summary>
    internal static HealthScore TrustedNotEnoughData(double coverage) => new(0, null, coverage, trusted: true);

    /// <inheritdoc />
    public bool Equals(HealthScore other) =>
        _value.Equals(other._value) && Equals(_band, other._band) && Coverage.Equals(other.Coverage);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HealthScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_value, _band, Coverage);

    /// <summary>Whether two scores are equal.</summary>
    /// <param name="left">One score.</param>
    /// <param name="right">The other score.</param>
    /// <returns>True when value, band and coverage are equal.</returns>
    public static bool operator ==(HealthScore left, HealthScore right) => left.Equals(right);

    /// <summary>Whether two scores differ.</summary>
    /// <param name="left">One score.</param>
    /// <param name="right">The other score.</param>
    /// <returns>True when value, band or coverage differ.</returns>
    public static bool operator !=(HealthScore left, HealthScore right) => !left.Equals(right);

    /// <summary>For example "68 Neutral (coverage 100%)" or "no score (coverage 30%)".</summary>
    public override string ToString() =>
        _band is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{_value:0.##} {_band.Label} (coverage {Coverage:0.#%})")
            : string.Create(CultureInfo.InvariantCulture, $"no score (coverage {Coverage:0.#%})");

    private InvalidOperationException NoScore() =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"there is no health score: only {Coverage:0.#%} of the model's weight was present, below its minimum coverage. Check HasScore first."));
}
