using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// A set of bands that together cover every score in [0, 100] exactly once: each band runs from its
/// inclusive lower bound up to the next band's lower bound, and the top band up to 100.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe.</para>
/// <para>
/// Scores are compared with the bounds with a tolerance of <see cref="BoundTolerance"/> points, so that
/// rounding in the last bits of a weighted sum (79.99999999999999 for components that are all 80) never
/// moves a customer into the band below.
/// </para>
/// </remarks>
public sealed class HealthBandScheme
{
    /// <summary>
    /// How far below a band's lower bound a score may be and still count as in the band: 1e-9 points,
    /// far below any meaningful difference and far above floating-point rounding of a weighted sum.
    /// </summary>
    public const double BoundTolerance = 1e-9;

    private readonly HealthBand[] _bands;
    private readonly double[] _thresholds;

    /// <summary>Creates a band scheme, checking every band against the others.</summary>
    /// <param name="name">What the scheme is called, for example "seed-000". Not empty.</param>
    /// <param name="bands">The bands, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">
    /// The name is empty, or the bands do not form a valid scheme; the message lists every problem: no bands,
    /// a gap (the lowest band does not start at 0), an overlap (two bands start at the same score), a label used
    /// twice (ignoring case), or ranks that are not 0, 1, 2, ... in the order of the lower bounds.
    /// </exception>
    public HealthBandScheme(string name, IEnumerable<HealthBand> bands)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bands);
        var list = bands.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(bands), $"band #{i.ToString(CultureInfo.InvariantCulture)} of scheme '{name}' is null.");
            }
        }

        Guard.NoProblems(Validate(list), $"Health band scheme '{name}'", nameof(bands));
        Name = name;
        _bands = [.. list.OrderBy(b => b.LowerBound)];
        _thresholds = [.. _bands.Select(b => b.LowerBound - BoundTolerance)];
        Bands = Array.AsReadOnly(_bands);
    }

    /// <summary>What the scheme is called.</summary>
    public string Name { get; }

    /// <summary>The bands from the lowest (rank 0, starting at 0) to the highest.</summary>
    public IReadOnlyList<HealthBand> Bands { get; }

    /// <summary>The band that contains <paramref name="score"/>.</summary>
    /// <param name="score">A health score in [0, 100].</param>
    /// <returns>The band with the highest lower bound at or below the score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not in [0, 100].</exception>
    [Pure]
    public HealthBand Classify(double score)
    {
        Guard.InRange(score, 0, 100, "the health score", nameof(score));
        return _bands[RankOf(score)];
    }

    /// <summary>
    /// The band for <paramref name="score"/> with hysteresis: an account stays in <paramref name="current"/>
    /// until its score leaves that band's range widened by <paramref name="margin"/> points on each side,
    /// so a score moving between 79.9 and 80.1 does not flap between two bands.
    /// </summary>
    /// <param name="score">The new health score, in [0, 100].</param>
    /// <param name="current">The band the account is in now, or null when it has none yet.</param>
    /// <param name="margin">How far, in points, the score must pass a boundary before the band changes; 0 or more.</param>
    /// <returns><paramref name="current"/> while the score is within its widened range, otherwise the plain band of the score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not in [0, 100] or <paramref name="margin"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is not a band of this scheme.</exception>
    [Pure]
    public HealthBand Classify(double score, HealthBand? current, double margin)
    {
        var plain = Classify(score);
        Guard.InRange(margin, 0, 100, "the hysteresis margin", nameof(margin));
        if (current is null || plain.Equals(current))
        {
            return plain;
        }

        var index = Array.IndexOf(_bands, current);
        if (index < 0)
        {
            throw new ArgumentException(
                $"band {current} is not a band of scheme '{Name}' ({string.Join(", ", _bands.Select(b => b.Label))}).",
                nameof(current));
        }

        var low = _thresholds[index] - margin;
        var high = index + 1 < _bands.Length ? _thresholds[index + 1] + margin : double.PositiveInfinity;
        return score >= low && score < high ? current : plain;
    }

    /// <summary>The rank of the band that contains a score already known to be in [0, 100].</summary>
    internal int RankOf(double score)
    {
        var thresholds = _thresholds;
        for (var i = thresholds.Length - 1; i > 0; i--)
        {
            if (score >= thresholds[i])
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The band of a rank returned by <see cref="RankOf"/>.</summary>
    internal HealthBand BandAt(int rank) => _bands[rank];

    /// <summary>Whether a band is one of this scheme's, at its rank.</summary>
    internal bool Contains(HealthBand band) => (uint)band.Rank < (uint)_bands.Length && _bands[band.Rank].Equals(band);

    /// <summary>The rank of one of this scheme's bands; throws, naming <paramref name="paramName"/>, for a band of another scheme.</summary>
    internal int RankOfMember(HealthBand band, string paramName) =>
        Contains(band) ? band.Rank : throw new ArgumentException($"band {band} is not a band of scheme '{Name}'.", paramName);

    /// <summary>Whether another scheme has the same name and bands (so counts by rank mean the same in both).</summary>
    internal bool SameAs(HealthBandScheme other) => ReferenceEquals(this, other) || other.ToString() == ToString();

    /// <summary>The lower bound of every band less the tolerance, by rank (shared, never modified): <see cref="RankOf"/> and the bulk paths compare with these.</summary>
    internal double[] Thresholds => _thresholds;

    /// <summary>The scheme's name and its bands, for example "seed-001: Red (0+), Yellow (60+), Green (80+)".</summary>
    public override string ToString() => $"{Name}: {string.Join(", ", _bands.Select(b => b.ToString()))}";

    private static List<string> Validate(List<HealthBand> bands)
    {
        var problems = new List<string>();
        if (bands.Count == 0)
        {
            problems.Add("it has no bands; at least one band starting at 0 is needed.");
            return problems;
        }

        var ordered = bands.OrderBy(b => b.LowerBound).ToList();
        if (ordered[0].LowerBound > 0)
        {
            problems.Add($"no band covers [0, {Guard.Format(ordered[0].LowerBound)}): the lowest band must start at 0.");
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].LowerBound == ordered[i - 1].LowerBound)
            {
                problems.Add($"bands '{ordered[i - 1].Label}' and '{ordered[i].Label}' overlap: both start at {Guard.Format(ordered[i].LowerBound)}.");
            }
        }

        foreach (var group in bands.GroupBy(b => b.Label, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"the label '{group.Key}' is used by {group.Count().ToString(CultureInfo.InvariantCulture)} bands; labels must be unique (ignoring case).");
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Rank != i)
            {
                problems.Add($"band '{ordered[i].Label}' has rank {ordered[i].Rank.ToString(CultureInfo.InvariantCulture)} but is band #{i.ToString(CultureInfo.InvariantCulture)} from the bottom: ranks must be 0, 1, 2, ... in the order of the lower bounds.");
            }
        }

        return problems;
    }
}
