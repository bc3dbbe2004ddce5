using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Health;

namespace CustomerSuccess.Portfolio;

/// <content>Streams of records scored with a profile set.</content>
public static partial class HealthBatch
{
    /// <summary>
    /// Scores a stream of the caller's records lazily, each with the model of the profile that matches its segment and
    /// stage, as <see cref="ScoreStream{T}(IHealthScoreModel, IEnumerable{T}, HealthComponentReader{T})"/> scores with one
    /// model: one record at a time, in order, holding none but the current one. Each score is banded by its profile's
    /// model (tell the profile again with <see cref="HealthProfileSet.Resolve"/> when needed).
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="profiles">The profile set.</param>
    /// <param name="records">The records.</param>
    /// <param name="select">Tells each record's segment and stage.</param>
    /// <param name="reader">Reads each record's component scores for its profile's model.</param>
    /// <returns>Each record with its score, in input order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null (at once, not when enumerated).</exception>
    /// <exception cref="ArgumentException">When enumerated: no profile matches a record and the set has no default, or a record's scores are invalid (naming the record's index).</exception>
    public static IEnumerable<ScoredRecord<T>> ScoreStream<T>(HealthProfileSet profiles, IEnumerable<T> records, HealthProfileSelector<T> select, HealthProfileReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(new ProfileStream<T>(profiles, select, reader), records);

        static IEnumerable<ScoredRecord<T>> Iterate(ProfileStream<T> stream, IEnumerable<T> records)
        {
            foreach (var record in records)
            {
                yield return new ScoredRecord<T>(record, stream.Score(record));
            }
        }
    }

    /// <summary>Scores an asynchronous stream of the caller's records lazily, each with its profile's model, as <see cref="ScoreStream{T}(HealthProfileSet, IEnumerable{T}, HealthProfileSelector{T}, HealthProfileReader{T})"/> does.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="profiles">The profile set.</param>
    /// <param name="records">The records.</param>
    /// <param name="select">Tells each record's segment and stage.</param>
    /// <param name="reader">Reads each record's component scores for its profile's model.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Each record with its score, in input order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null (at once, not when enumerated).</exception>
    /// <exception cref="ArgumentException">When enumerated: no profile matches a record and the set has no default, or a record's scores are invalid (naming the record's index).</exception>
    public static IAsyncEnumerable<ScoredRecord<T>> ScoreStreamAsync<T>(
        HealthProfileSet profiles,
        IAsyncEnumerable<T> records,
        HealthProfileSelector<T> select,
        HealthProfileReader<T> reader,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(new ProfileStream<T>(profiles, select, reader), records, cancellationToken);

        static async IAsyncEnumerable<ScoredRecord<T>> Iterate(ProfileStream<T> stream, IAsyncEnumerable<T> records, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return new ScoredRecord<T>(record, stream.Score(record));
            }
        }
    }

    /// <summary>Counts a stream of the caller's records per band, each scored with its profile's model, holding none of them.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="profiles">The profile set; every profile's model must band alike (one scheme, by name and bands), since the counts are by band.</param>
    /// <param name="records">The records.</param>
    /// <param name="select">Tells each record's segment and stage.</param>
    /// <param name="reader">Reads each record's component scores for its profile's model.</param>
    /// <returns>The band histogram, the number of records without a score, and the sum of the scores.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The profiles band differently (naming <paramref name="profiles"/>); no profile matches a record and the set has no default, or a record's scores are invalid (naming the record's index).</exception>
    public static BandHistogram CountBands<T>(HealthProfileSet profiles, IEnumerable<T> records, HealthProfileSelector<T> select, HealthProfileReader<T> reader)
    {
        var counter = new Counter(OneScheme(profiles));
        foreach (var scored in ScoreStream(profiles, records, select, reader))
        {
            counter.Add(scored.Score);
        }

        return counter.ToHistogram();
    }

    /// <summary>Counts an asynchronous stream of the caller's records per band, each scored with its profile's model, holding none of them.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="profiles">The profile set; every profile's model must band alike.</param>
    /// <param name="records">The records.</param>
    /// <param name="select">Tells each record's segment and stage.</param>
    /// <param name="reader">Reads each record's component scores for its profile's model.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>The band histogram, the number of records without a score, and the sum of the scores.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for the synchronous overload.</exception>
    public static async Task<BandHistogram> CountBandsAsync<T>(
        HealthProfileSet profiles,
        IAsyncEnumerable<T> records,
        HealthProfileSelector<T> select,
        HealthProfileReader<T> reader,
        CancellationToken cancellationToken = default)
    {
        var counter = new Counter(OneScheme(profiles));
        await foreach (var scored in ScoreStreamAsync(profiles, records, select, reader, cancellationToken).ConfigureAwait(false))
        {
            counter.Add(scored.Score);
        }

        return counter.ToHistogram();
    }

    /// <summary>A model of the set (the first profile's, or the default's) whose bands every profile's model shares; refuses a set whose profiles band differently.</summary>
    private static IHealthScoreModel OneScheme(HealthProfileSet profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var first = profiles.Profiles.Count > 0 ? profiles.Profiles[0] : profiles.Default!;
        foreach (var profile in profiles.Profiles)
        {
            if (!profile.Model.Bands.SameAs(first.Model.Bands))
            {
                throw new ArgumentException($"the profiles '{first.Name}' and '{profile.Name}' band differently ({first.Model.Bands} and {profile.Model.Bands}); a histogram counts one scheme's bands.", nameof(profiles));
            }
        }

        if (profiles.Default is { } d && !d.Model.Bands.SameAs(first.Model.Bands))
        {
            throw new ArgumentException($"the profiles '{first.Name}' and '{d.Name}' band differently ({first.Model.Bands} and {d.Model.Bands}); a histogram counts one scheme's bands.", nameof(profiles));
        }

        return first.Model;
    }

    /// <summary>Scores one record at a time with its profile's model: its look-up table and row its own; not thread-safe.</summary>
    private sealed class ProfileStream<T>(HealthProfileSet profiles, HealthProfileSelector<T> select, HealthProfileReader<T> reader)
    {
        private readonly ProfileCache _cache = new();
        private readonly double[] _row = new double[profiles.MaxComponents];
        private long _index;

        internal HealthScore Score(T record)
        {
            var i = _index++;
            select(in record, out var segment, out var stage);
            var profile = profiles.ProfileAt(_cache.IndexOf(profiles, segment, stage, i))!;
            var values = _row.AsSpan(0, profile.Model.Components.Count);
            values.Fill(double.NaN);
            reader(in record, profile, values);
            return ScoreRow(profile.Model, values, i, "records");
        }
    }
}
