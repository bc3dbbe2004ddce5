using System;
using System.Globalization;
using System.Runtime.Intrinsics;
using CustomerSuccess.Health;

namespace CustomerSuccess.Portfolio;

/// <summary>Tells the segment and lifecycle stage of one of the caller's records, for <see cref="HealthProfileSet"/>.</summary>
/// <typeparam name="T">The caller's record type.</typeparam>
/// <param name="record">The record.</param>
/// <returns>Its segment (or null) and stage (or null).</returns>
/// <remarks>Called once per record: it must not allocate to stay on the fast path (return the same segment string for every record of a segment).</remarks>
public delegate (string? Segment, LifecycleStage? Stage) HealthProfileSelector<in T>(T record);

/// <summary>
/// Reads one record's component scores for the model of <paramref name="profile"/>, in that model's component order,
/// into <paramref name="componentScores"/>, which arrives filled with <see cref="double.NaN"/> (missing).
/// </summary>
/// <typeparam name="T">The caller's record type.</typeparam>
/// <param name="record">The record.</param>
/// <param name="profile">The profile that scores it.</param>
/// <param name="componentScores">One slot per component of the profile's model.</param>
public delegate void HealthProfileReader<in T>(T record, HealthProfile profile, Span<double> componentScores);

/// <content>Bulk scoring with a profile set.</content>
public static partial class HealthBatch
{
    /// <summary>Records gathered at a time for the vector kernel: 256 × 8 bytes a component, 10 KB for five components.</summary>
    private const int RecordScorerBlock = 256;

    /// <summary>
    /// Scores a span of the caller's records, each with the model of the profile that matches its segment and stage, on
    /// the calling thread. Records of a weighted model are gathered per profile and scored by the vector kernel, as a
    /// single model's are; nothing is allocated per record.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="profiles">The profile set.</param>
    /// <param name="records">The records.</param>
    /// <param name="select">Tells each record's segment and stage.</param>
    /// <param name="reader">Reads each record's component scores for its profile's model.</param>
    /// <param name="scores">Receives each record's score, or <see cref="double.NaN"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="bandRanks">Receives each record's band rank in its model's scheme, or <see cref="NoBand"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="profileIndexes">
    /// Receives the profile that scored each record: its index in <see cref="HealthProfileSet.Profiles"/>, or their
    /// count for the default. At least as long as <paramref name="records"/>.
    /// </param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// A destination is too short; the set has more than 254 profiles; no profile matches a record and the set has no
    /// default, or a record's scores are invalid (both naming <paramref name="records"/> and the index).
    /// </exception>
    public static void Score<T>(
        HealthProfileSet profiles,
        ReadOnlySpan<T> records,
        HealthProfileSelector<T> select,
        HealthProfileReader<T> reader,
        Span<double> scores,
        Span<byte> bandRanks,
        Span<byte> profileIndexes)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(reader);
        Internal.Guard.Destination(scores.Length, records.Length, nameof(scores));
        Internal.Guard.Destination(bandRanks.Length, records.Length, nameof(bandRanks));
        Internal.Guard.Destination(profileIndexes.Length, records.Length, nameof(profileIndexes));
        var count = profiles.Profiles.Count;
        if (count > 254)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the set has {count} profiles; at most 254 are scored in bulk."), nameof(profiles));
        }

        var groups = new ProfileGroup[count + 1];
        var widest = 0;
        for (var p = 0; p <= count; p++)
        {
            var profile = p < count ? profiles.Profiles[p] : profiles.Default;
            groups[p] = profile is null ? null! : new ProfileGroup(profile);
            widest = Math.Max(widest, profile?.Model.Components.Count ?? 0);
        }

        Span<double> row = widest <= 64 ? stackalloc double[widest] : new double[widest];
        string? lastSegment = null;
        LifecycleStage? lastStage = null;
        var last = -1;
        for (var i = 0; i < records.Length; i++)
        {
            var (segment, stage) = select(records[i]);
            var index = last >= 0 && ReferenceEquals(segment, lastSegment) && stage == lastStage ? last : profiles.IndexOf(segment, stage);
            if (index < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"customer #{i}: no health profile matches segment {(segment is null ? "(none)" : $"'{segment}'")} and stage {stage?.ToString() ?? "(none)"}, and the set has no default."),
                    nameof(records));
            }

            (lastSegment, lastStage, last) = (segment, stage, index);
            profileIndexes[i] = (byte)index;
            var group = groups[index];
            var values = row[..group.Components];
            values.Fill(double.NaN);
            reader(records[i], group.Profile, values);
            if (group.Block is null)
            {
                Write(ScoreRow(group.Profile.Model, values, i, nameof(records)), ref scores[i], ref bandRanks[i]);
            }
            else if (group.Add(values, i))
            {
                group.Flush(scores, bandRanks);
            }
        }

        foreach (var group in groups)
        {
            if (group?.Block is not null)
            {
                group.Flush(scores, bandRanks);
            }
        }
    }

    /// <summary>One profile's records gathered for the vector kernel (a weighted model, vectors supported), or scored one by one.</summary>
    private sealed class ProfileGroup
    {
        private readonly int[] _at = new int[RecordScorerBlock];
        private readonly double[] _scores = new double[RecordScorerBlock];
        private readonly byte[] _ranks = new byte[RecordScorerBlock];
        private int _count;

        internal ProfileGroup(HealthProfile profile)
        {
            Profile = profile;
            Components = profile.Model.Components.Count;
            var vectors = Lanes512.IsSupported || Lanes256.IsSupported;
            Block = profile.Model is WeightedHealthScoreModel && Components <= 16 && vectors ? new double[Components * RecordScorerBlock] : null;
        }

        internal HealthProfile Profile { get; }

        internal int Components { get; }

        /// <summary>The gathered scores, a column of <see cref="RecordScorerBlock"/> per component; null when scored one by one.</summary>
        internal double[]? Block { get; }

        /// <summary>Gathers a record's scores; true when the block is full.</summary>
        internal bool Add(ReadOnlySpan<double> values, int index)
        {
            for (var c = 0; c < values.Length; c++)
            {
                Block![(c * RecordScorerBlock) + _count] = values[c];
            }

            _at[_count++] = index;
            return _count == RecordScorerBlock;
        }

        /// <summary>Scores the gathered records and writes each at its index.</summary>
        internal void Flush(Span<double> scores, Span<byte> ranks)
        {
            if (_count == 0)
            {
                return;
            }

            var weighted = (WeightedHealthScoreModel)Profile.Model;
            var done = Lanes512.IsSupported ? ScoreGathered<Lanes512, Vector512<double>>(weighted) : ScoreGathered<Lanes256, Vector256<double>>(weighted);
            Span<double> row = stackalloc double[Components];
            for (var j = done; j < _count; j++)
            {
                for (var c = 0; c < Components; c++)
                {
                    row[c] = Block![(c * RecordScorerBlock) + j];
                }

                Write(ScoreRow(weighted, row, _at[j], "records"), ref _scores[j], ref _ranks[j]);
            }

            for (var j = 0; j < _count; j++)
            {
                scores[_at[j]] = _scores[j];
                ranks[_at[j]] = _ranks[j];
            }

            _count = 0;
        }

        private unsafe int ScoreGathered<TLanes, TV>(WeightedHealthScoreModel weighted)
            where TLanes : struct, ILanes<TV>
            where TV : unmanaged
        {
            var length = Kernel<TLanes, TV>.BufferLength(weighted);
            var kernel = new Kernel<TLanes, TV>(weighted, Components, length <= Kernel<TLanes, TV>.StackBufferLength ? stackalloc TV[length] : new TV[length]);
            var columns = stackalloc double*[Components];
            fixed (double* block = Block)
            fixed (double* s = _scores)
            fixed (byte* r = _ranks)
            {
                for (var c = 0; c < Components; c++)
                {
                    columns[c] = block + (c * RecordScorerBlock);
                }

                return kernel.ScoreVectors(columns, 0, _count, s, r);
            }
        }
    }
}
