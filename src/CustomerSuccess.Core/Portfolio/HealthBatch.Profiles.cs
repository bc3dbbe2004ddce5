using System;
using System.Globalization;
using System.Runtime.Intrinsics;
using CustomerSuccess.Health;

namespace CustomerSuccess.Portfolio;

/// <summary>Tells the segment and lifecycle stage of one of the caller's records, for <see cref="HealthProfileSet"/>.</summary>
/// <typeparam name="T">The caller's record type.</typeparam>
/// <param name="record">The record.</param>
/// <param name="segment">Its segment, or null.</param>
/// <param name="stage">Its lifecycle stage, or null.</param>
/// <remarks>Called once per record: it must not allocate to stay on the fast path (give the same segment string for every record of a segment).</remarks>
public delegate void HealthProfileSelector<T>(in T record, out string? segment, out LifecycleStage? stage);

/// <summary>
/// Reads one record's component scores for the model of <paramref name="profile"/>, in that model's component order,
/// into <paramref name="componentScores"/>, which arrives filled with <see cref="double.NaN"/> (missing).
/// </summary>
/// <typeparam name="T">The caller's record type.</typeparam>
/// <param name="record">The record.</param>
/// <param name="profile">The profile that scores it.</param>
/// <param name="componentScores">One slot per component of the profile's model.</param>
/// <remarks>Called once per record: it must not allocate or keep state to stay on the fast path.</remarks>
public delegate void HealthProfileReader<T>(in T record, HealthProfile profile, Span<double> componentScores);

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

        var groups = new ProfileGroup?[count + 1];
        var widest = 0;
        for (var p = 0; p <= count; p++)
        {
            var profile = p < count ? profiles.Profiles[p] : profiles.Default;
            groups[p] = profile is null ? null : new ProfileGroup(profile);
            widest = Math.Max(widest, profile?.Model.Components.Count ?? 0);
        }

        Span<double> row = widest <= 64 ? stackalloc double[widest] : new double[widest];

        // First every record's profile, then every record's scores: each loop calls one of the caller's delegates.
        var cache = new ProfileCache();
        for (var i = 0; i < records.Length; i++)
        {
            select(in records[i], out var segment, out var stage);
            var index = cache.Find(segment, stage);
            if (index < 0)
            {
                index = profiles.Find(segment, stage);
                if (index < 0)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"customer #{i}: no health profile matches segment {(segment is null ? "(none)" : $"'{segment}'")} and stage {stage?.ToString() ?? "(none)"}, and the set has no default."),
                        nameof(records));
                }

                cache.Add(segment, stage, index);
            }

            profileIndexes[i] = (byte)index;
        }

        unsafe
        {
            fixed (double* s = scores)
            fixed (byte* r = bandRanks)
            {
                for (var i = 0; i < records.Length; i++)
                {
                    var group = groups[profileIndexes[i]]!;
                    var values = row[..group.Components];
                    values.Fill(double.NaN);
                    reader(in records[i], group.Profile, values);
                    if (!group.Gathers)
                    {
                        Write(ScoreRow(group.Profile.Model, values, i, nameof(records)), ref s[i], ref r[i]);
                    }
                    else if (group.Add(values, i))
                    {
                        group.Flush(s, r);
                    }
                }

                foreach (var group in groups)
                {
                    if (group is { Gathers: true })
                    {
                        group.Flush(s, r);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The profiles of the last few distinct segments and stages, the segment compared by reference: a set of a few
    /// profiles over records that share their segment strings is looked up once per segment and stage, not per record.
    /// </summary>
    private struct ProfileCache
    {
        private const int Size = 8;
        private InlineSegments _segments;
        private InlineStages _stages;
        private InlineIndexes _indexes;
        private int _count;

        internal readonly int Find(string? segment, LifecycleStage? stage)
        {
            for (var k = 0; k < _count; k++)
            {
                if (ReferenceEquals(_segments[k], segment) && _stages[k] == stage)
                {
                    return _indexes[k];
                }
            }

            return -1;
        }

        internal void Add(string? segment, LifecycleStage? stage, int index)
        {
            var k = _count < Size ? _count++ : (int)((uint)(segment?.Length ?? 0) % Size);
            (_segments[k], _stages[k], _indexes[k]) = (segment, stage, index);
        }

        [System.Runtime.CompilerServices.InlineArray(Size)]
        private struct InlineSegments
        {
            private string? _element;
        }

        [System.Runtime.CompilerServices.InlineArray(Size)]
        private struct InlineStages
        {
            private LifecycleStage? _element;
        }

        [System.Runtime.CompilerServices.InlineArray(Size)]
        private struct InlineIndexes
        {
            private int _element;
        }
    }

    /// <summary>One profile's records gathered for the vector kernel (a weighted model, vectors supported), or scored one by one.</summary>
    private sealed unsafe class ProfileGroup
    {
        private readonly int[] _at = new int[RecordScorerBlock];
        private readonly double[] _scores = new double[RecordScorerBlock];
        private readonly byte[] _ranks = new byte[RecordScorerBlock];
        private readonly double[] _block;
        private int _count;

        internal ProfileGroup(HealthProfile profile)
        {
            Profile = profile;
            Components = profile.Model.Components.Count;
            var vectors = Lanes512.IsSupported || Lanes256.IsSupported;
            Gathers = profile.Model is WeightedHealthScoreModel && Components <= 16 && vectors;
            _block = Gathers ? new double[Components * RecordScorerBlock] : [];
        }

        internal HealthProfile Profile { get; }

        internal int Components { get; }

        /// <summary>Whether its records are gathered for the vector kernel; otherwise each is scored on its own.</summary>
        internal bool Gathers { get; }

        /// <summary>Gathers a record's scores (a column of <see cref="RecordScorerBlock"/> per component); true when the block is full.</summary>
        internal bool Add(ReadOnlySpan<double> values, int index)
        {
            for (var c = 0; c < values.Length; c++)
            {
                _block[(c * RecordScorerBlock) + _count] = values[c];
            }

            _at[_count++] = index;
            return _count == RecordScorerBlock;
        }

        /// <summary>Scores the gathered records and writes each at its index.</summary>
        internal void Flush(double* scores, byte* ranks)
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
                    row[c] = _block[(c * RecordScorerBlock) + j];
                }

                Write(ScoreRow(weighted, row, _at[j], "records"), ref _scores[j], ref _ranks[j]);
            }

            for (var j = 0; j < _count; j++)
            {
                var i = _at[j];
                scores[i] = _scores[j];
                ranks[i] = _ranks[j];
            }

            _count = 0;
        }

        private int ScoreGathered<TLanes, TV>(WeightedHealthScoreModel weighted)
            where TLanes : struct, ILanes<TV>
            where TV : unmanaged
        {
            var length = Kernel<TLanes, TV>.BufferLength(weighted);
            var kernel = new Kernel<TLanes, TV>(weighted, Components, length <= Kernel<TLanes, TV>.StackBufferLength ? stackalloc TV[length] : new TV[length]);
            var columns = stackalloc double*[Components];
            fixed (double* block = _block)
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
