using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Health;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// How many customers fell in each band of a scheme, how many got no score, and the sum of the scores: what the
/// counts-only bulk paths of <see cref="HealthBatch"/> return instead of one output per customer.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The counts are exact. <see cref="ScoreSum"/> is a floating sum whose order of
/// addition depends on vector width and partitions, so it can differ from a sequential sum in the last bits
/// (relative error below 1e-12 for any realistic portfolio).
/// </remarks>
public sealed class BandHistogram
{
    private readonly long[] _counts;

    /// <summary>Builds a histogram from counts by rank.</summary>
    /// <param name="bands">The band scheme the ranks belong to.</param>
    /// <param name="countsByRank">One count per band, by rank (lowest band first).</param>
    /// <param name="notScored">Customers without a score (too little data).</param>
    /// <param name="scoreSum">The sum of the scores of the scored customers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> or <paramref name="countsByRank"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of counts is not the number of bands.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A count is negative, the counts with <paramref name="notScored"/> add up to more than <see cref="long.MaxValue"/>,
    /// or the sum is negative or not finite.
    /// </exception>
    public BandHistogram(HealthBandScheme bands, IEnumerable<long> countsByRank, long notScored, double scoreSum)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(countsByRank);
        var counts = countsByRank.ToArray();
        if (counts.Length != bands.Bands.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"scheme '{bands.Name}' has {bands.Bands.Count} bands but {counts.Length} counts were given."),
                nameof(countsByRank));
        }

        foreach (var c in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(countsByRank));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(notScored);
        if (!(scoreSum >= 0 && double.IsFinite(scoreSum)))
        {
            throw new ArgumentOutOfRangeException(nameof(scoreSum), scoreSum, "the score sum must be a finite number, 0 or more.");
        }

        Bands = bands;
        _counts = counts;
        Counts = Array.AsReadOnly(_counts);
        NotScored = notScored;
        ScoreSum = scoreSum;
        if (!TrySum(counts, notScored, out var scored))
        {
            throw new ArgumentOutOfRangeException(nameof(countsByRank), "the counts (with those not scored) add up to more customers than a long holds.");
        }

        Scored = scored;
    }

    /// <summary>The band scheme.</summary>
    public HealthBandScheme Bands { get; }

    /// <summary>Customers per band, by rank (lowest band first).</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>Customers with a score.</summary>
    public long Scored { get; }

    /// <summary>Customers without a score (their coverage was below the model's minimum).</summary>
    public long NotScored { get; }

    /// <summary>All customers counted.</summary>
    public long Total => Scored + NotScored;

    /// <summary>The sum of the scores of the scored customers.</summary>
    public double ScoreSum { get; }

    /// <summary>The mean score of the scored customers, or <see langword="null"/> when none was scored.</summary>
    public double? MeanScore => Scored == 0 ? null : ScoreSum / Scored;

    /// <summary>The number of customers in a band.</summary>
    /// <param name="band">A band of <see cref="Bands"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The band is not one of the scheme's.</exception>
    public long CountOf(HealthBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return _counts[Bands.RankOfMember(band, nameof(band))];
    }

    /// <summary>Adds two histograms of the same scheme, as for two shards of one portfolio.</summary>
    /// <param name="other">The other histogram.</param>
    /// <returns>The histogram of both.</returns>
    /// <exception cref="ArgumentException">The schemes differ, or the merged counts would exceed <see cref="long.MaxValue"/>.</exception>
    public BandHistogram Merge(BandHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Bands.SameAs(other.Bands))
        {
            throw new ArgumentException($"histograms of different band schemes ('{Bands.Name}' and '{other.Bands.Name}') cannot be merged.", nameof(other));
        }

        if (Total > long.MaxValue - other.Total)
        {
            throw new ArgumentException("the merged histogram would count more customers than a long holds.", nameof(other));
        }

        return new BandHistogram(Bands, _counts.Zip(other._counts, (a, b) => a + b), NotScored + other.NotScored, ScoreSum + other.ScoreSum);
    }

    private static bool TrySum(long[] counts, long notScored, out long scored)
    {
        scored = 0;
        var total = notScored;
        foreach (var c in counts)
        {
            if (c > long.MaxValue - total)
            {
                return false;
            }

            total += c;
            scored += c;
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", Bands.Bands.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Label} {_counts[b.Rank]}")))
        + string.Create(CultureInfo.InvariantCulture, $", no score {NotScored}");
}
