using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
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
        CheckProfiles(profiles, records.Length, scores, bandRanks);
        Internal.Guard.Destination(profileIndexes.Length, records.Length, nameof(profileIndexes));
        unsafe
        {
            fixed (double* s = scores)
            fixed (byte* r = bandRanks)
            fixed (byte* p = profileIndexes)
            {
                var scorer = new ProfileScorer<T>(profiles, select, reader, s, r, p);
                scorer.Score(records, 0);
                scorer.Flush();
            }
        }
    }

    /// <summary>
    /// Scores a list of the caller's records, each with the model of the profile that matches its segment and stage, on
    /// every core for large lists (as the single-model list path does); the scores are those of the span path.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="profiles">The profile set.</param>
    /// <param name="records">The records.</param>
    /// <param name="select">Tells each record's segment and stage; called from several threads for large lists.</param>
    /// <param name="reader">Reads each record's component scores for its profile's model; called from several threads for large lists.</param>
    /// <param name="scores">Receives each record's score, or <see cref="double.NaN"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="bandRanks">Receives each record's band rank in its model's scheme, or <see cref="NoBand"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="profileIndexes">
    /// Receives the profile that scored each record: its index in <see cref="HealthProfileSet.Profiles"/>, or their
    /// count for the default. At least as long as <paramref name="records"/>.
    /// </param>
    /// <param name="options">How to use the cores; <see cref="BulkScoringOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// A destination is too short; the set has more than 254 profiles; no profile matches a record and the set has no
    /// default, or a record's scores are invalid (both naming <paramref name="records"/> and the index).
    /// </exception>
    public static void Score<T>(
        HealthProfileSet profiles,
        IReadOnlyList<T> records,
        HealthProfileSelector<T> select,
        HealthProfileReader<T> reader,
        Span<double> scores,
        Span<byte> bandRanks,
        Span<byte> profileIndexes,
        BulkScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(reader);
        var count = records.Count;
        CheckProfiles(profiles, count, scores, bandRanks);
        Internal.Guard.Destination(profileIndexes.Length, count, nameof(profileIndexes));
        unsafe
        {
            fixed (double* s = scores)
            fixed (byte* r = bandRanks)
            fixed (byte* p = profileIndexes)
            {
                Run(new ProfileListJob<T>(profiles, records, select, reader, s, r, p), count, options ?? BulkScoringOptions.Default);
            }
        }
    }

    /// <summary>
    /// Scores a span of the caller's records, each with the model of the profile the caller names by index, on the
    /// calling thread: for records whose segment and stage are a dictionary-encoded column (a columnar file's, say),
    /// resolved once per distinct value with <see cref="HealthProfileSet.IndexOf"/>, so no record is looked up at all.
    /// Records of a weighted model are gathered per profile and scored by the vector kernel; nothing is allocated per
    /// record.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="profiles">The profile set.</param>
    /// <param name="records">The records.</param>
    /// <param name="profileIndexes">
    /// Each record's profile: its index in <see cref="HealthProfileSet.Profiles"/>, or their count for the default. As
    /// long as <paramref name="records"/>.
    /// </param>
    /// <param name="reader">Reads each record's component scores for its profile's model.</param>
    /// <param name="scores">Receives each record's score, or <see cref="double.NaN"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="bandRanks">Receives each record's band rank in its model's scheme, or <see cref="NoBand"/>. At least as long as <paramref name="records"/>.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// A destination is too short, or the indexes are not one per record; the set has more than 254 profiles; an index
    /// names no profile (past the default, or the default when the set has none), or a record's scores are invalid
    /// (both naming the index).
    /// </exception>
    public static void Score<T>(
        HealthProfileSet profiles,
        ReadOnlySpan<T> records,
        ReadOnlySpan<byte> profileIndexes,
        HealthProfileReader<T> reader,
        Span<double> scores,
        Span<byte> bandRanks)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(reader);
        if (profileIndexes.Length != records.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"there are {records.Length} records and {profileIndexes.Length} profile indexes; give one index per record."), nameof(profileIndexes));
        }

        CheckProfiles(profiles, records.Length, scores, bandRanks);
        unsafe
        {
            fixed (double* s = scores)
            fixed (byte* r = bandRanks)
            {
                var scorer = new ProfileScorer<T>(profiles, null, reader, s, r, null);
                scorer.Score(records, profileIndexes);
                scorer.Flush();
            }
        }
    }

    /// <summary>
    /// Scores every customer of a columnar batch, each with the model of the profile the caller names by index (a
    /// dictionary-encoded segment and stage, resolved once per distinct value with <see cref="HealthProfileSet.IndexOf"/>),
    /// on the calling thread. The columns are named by component key, so that each profile's model reads its own
    /// components, in its own order, from the columns of the batch; records of a weighted model are gathered per profile
    /// and scored by the vector kernel; nothing is allocated per customer.
    /// </summary>
    /// <param name="profiles">The profile set.</param>
    /// <param name="columnKeys">The component key of each column (compared ignoring case, as a model's keys are); every profile's components among them.</param>
    /// <param name="columns">The columns, all as long as <paramref name="profileIndexes"/>; <see cref="double.NaN"/> is a missing value.</param>
    /// <param name="profileIndexes">Each customer's profile: its index in <see cref="HealthProfileSet.Profiles"/>, or their count for the default.</param>
    /// <param name="scores">Receives each customer's score, or <see cref="double.NaN"/>. At least as long as the columns.</param>
    /// <param name="bandRanks">Receives each customer's band rank in its model's scheme, or <see cref="NoBand"/>. At least as long as the columns.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/> or <paramref name="columnKeys"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There is not one key per column, a key is given twice, or a profile's component has no column (naming
    /// <paramref name="columnKeys"/>); the columns differ in length from the indexes; a destination is too short; the set
    /// has more than 254 profiles; an index names no profile, or a value is invalid (both naming the customer's index).
    /// </exception>
    public static void Score(
        HealthProfileSet profiles,
        IReadOnlyList<string> columnKeys,
        ReadOnlySpan<ReadOnlyMemory<double>> columns,
        ReadOnlySpan<byte> profileIndexes,
        Span<double> scores,
        Span<byte> bandRanks)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(columnKeys);
        var count = profileIndexes.Length;
        var maps = ColumnMaps(profiles, columnKeys, columns.Length);
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c].Length != count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"column '{columnKeys[c]}' has {columns[c].Length} values and there are {count} profile indexes; give one value per customer in every column."), nameof(columns));
            }
        }

        CheckProfiles(profiles, count, scores, bandRanks);
        var handles = Pin(columns);
        try
        {
            unsafe
            {
                var pointers = new double*[columns.Length];
                for (var c = 0; c < pointers.Length; c++)
                {
                    pointers[c] = (double*)handles[c].Pointer;
                }

                fixed (double* s = scores)
                fixed (byte* r = bandRanks)
                {
                    var scorer = new ProfileScorer<int>(profiles, null, null, s, r, null, pointers, maps);
                    scorer.ScoreColumns(profileIndexes);
                    scorer.Flush();
                }
            }
        }
        finally
        {
            Unpin(handles);
        }
    }

    /// <summary>For each profile (the default last), the column of each of its model's components; every problem named at once.</summary>
    private static int[]?[] ColumnMaps(HealthProfileSet profiles, IReadOnlyList<string> columnKeys, int columns)
    {
        if (columnKeys.Count != columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"there are {columnKeys.Count} column keys and {columns} columns; name each column by its component's key."), nameof(columnKeys));
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        for (var c = 0; c < columnKeys.Count; c++)
        {
            if (columnKeys[c] is null || !index.TryAdd(columnKeys[c], c))
            {
                problems.Add(columnKeys[c] is null ? $"column #{c} has no key." : $"the key '{columnKeys[c]}' names two columns.");
            }
        }

        var count = profiles.Profiles.Count;
        var maps = new int[]?[count + 1];
        for (var p = 0; p <= count; p++)
        {
            if (profiles.ProfileAt(p) is not { } profile)
            {
                continue;
            }

            var components = profile.Model.Components;
            var map = new int[components.Count];
            for (var k = 0; k < map.Length; k++)
            {
                if (!index.TryGetValue(components[k].Key, out map[k]))
                {
                    problems.Add($"the profile '{profile.Name}' scores the component '{components[k].Key}', which no column holds.");
                }
            }

            maps[p] = map;
        }

        Internal.Guard.NoProblems(problems, "The columns", nameof(columnKeys));
        return maps;
    }

    private static void CheckProfiles(HealthProfileSet profiles, int records, Span<double> scores, Span<byte> bandRanks)
    {
        Internal.Guard.Destination(scores.Length, records, nameof(scores));
        Internal.Guard.Destination(bandRanks.Length, records, nameof(bandRanks));
        var count = profiles.Profiles.Count;
        if (count > 254)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the set has {count} profiles; at most 254 are scored in bulk."), nameof(profiles));
        }
    }

    /// <summary>Scores a list's records a partition at a time as spans, each partition with a scorer of its own.</summary>
    private sealed unsafe class ProfileListJob<T>(
        HealthProfileSet profiles, IReadOnlyList<T> records, HealthProfileSelector<T> select, HealthProfileReader<T> reader, double* scores, byte* ranks, byte* profileIndexes) : Job
    {
        internal override void Prepare(int partitions)
        {
        }

        internal override void Execute(int partition, int start, int end)
        {
            var scorer = new ProfileScorer<T>(profiles, select, reader, scores, ranks, profileIndexes);
            ScoreInSpans(records, start, end, scorer);
            scorer.Flush();
        }
    }

    /// <summary>
    /// Scores records with a profile set, writing each record's score, band rank and profile at its index in the whole
    /// batch: spans of records in turn (a partition's, or a list's copied blocks), then <see cref="Flush"/>. Its look-up
    /// table and profile blocks are its own, kept from one span to the next; not thread-safe, so each partition has one.
    /// </summary>
    private sealed unsafe class ProfileScorer<T> : ISpanScorer<T>
    {
        private readonly HealthProfileSet _profiles;
        private readonly HealthProfileSelector<T>? _select;
        private readonly HealthProfileReader<T>? _reader;
        private readonly double*[]? _columns;
        private readonly int[]?[]? _maps;
        private readonly double* _scores;
        private readonly byte* _ranks;
        private readonly byte* _profileIndexes;
        private readonly ProfileGroup?[] _groups;
        private readonly double[] _row;
        private readonly ProfileCache _cache = new();

        /// <param name="profiles">The profile set.</param>
        /// <param name="select">Tells each record's segment and stage; null when the caller gives each record's profile.</param>
        /// <param name="reader">Reads each record's scores for its profile's model.</param>
        /// <param name="scores">Receives each record's score, at its index in the batch.</param>
        /// <param name="ranks">Receives each record's band rank.</param>
        /// <param name="profileIndexes">Receives each record's profile; null when the caller gives them.</param>
        /// <param name="columns">The batch's columns, for a columnar batch (then <paramref name="reader"/> is null).</param>
        /// <param name="maps">For each profile, the column of each of its components, for a columnar batch.</param>
        internal ProfileScorer(HealthProfileSet profiles, HealthProfileSelector<T>? select, HealthProfileReader<T>? reader, double* scores, byte* ranks, byte* profileIndexes, double*[]? columns = null, int[]?[]? maps = null)
        {
            _columns = columns;
            _maps = maps;
            _profiles = profiles;
            _select = select;
            _reader = reader;
            _scores = scores;
            _ranks = ranks;
            _profileIndexes = profileIndexes;
            _groups = new ProfileGroup?[profiles.Profiles.Count + 1];
            for (var p = 0; p < _groups.Length; p++)
            {
                _groups[p] = profiles.ProfileAt(p) is { } profile ? new ProfileGroup(profile, columns is null ? "records" : "columns") : null;
            }

            _row = new double[profiles.MaxComponents];
        }

        /// <summary>Scores <paramref name="records"/>, the first of which is the batch's record number <paramref name="offset"/>.</summary>
        public void Score(ReadOnlySpan<T> records, int offset)
        {
            // One pass: each record's profile (looked up only when its segment and stage are new), then its scores, into
            // its profile's block while the record is in cache.
            for (var j = 0; j < records.Length; j++)
            {
                var i = offset + j;
                ref readonly var record = ref records[j];
                _select!(in record, out var segment, out var stage);
                var index = _cache.IndexOf(_profiles, segment, stage, i);
                _profileIndexes[i] = (byte)index;
                Take(in record, _groups[index]!, i);
            }
        }

        /// <summary>Scores <paramref name="records"/>, a whole batch, each with the profile <paramref name="indexes"/> gives it.</summary>
        public void Score(ReadOnlySpan<T> records, ReadOnlySpan<byte> indexes)
        {
            for (var i = 0; i < records.Length; i++)
            {
                Take(in records[i], GroupAt(indexes[i], i), i);
            }
        }

        /// <summary>
        /// Scores every customer of a columnar batch, each with the profile <paramref name="indexes"/> gives it, in one
        /// pass (each column read once, in order; sorting the customers by profile first measured slower, each
        /// profile's pass reading every cache line of every column again).
        /// </summary>
        public void ScoreColumns(ReadOnlySpan<byte> indexes)
        {
            var columns = _columns!;
            for (var i = 0; i < indexes.Length; i++)
            {
                var index = indexes[i];
                var group = GroupAt(index, i);
                var map = _maps![index]!;
                var values = _row.AsSpan(0, group.Components);
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = columns[map[c]][i];
                }

                Place(group, values, i);
            }
        }

        /// <summary>The profile group of an index the caller gave for customer <paramref name="i"/>; throws when it names no profile.</summary>
        private ProfileGroup GroupAt(byte index, int i) =>
            index < _groups.Length && _groups[index] is { } group ? group : throw BadIndex(i, index, _groups.Length - 1, "profileIndexes");

        /// <summary>Reads a record's scores for its profile and scores it, or gathers it into its profile's block.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Take(in T record, ProfileGroup group, int i)
        {
            var values = _row.AsSpan(0, group.Components);
            values.Fill(double.NaN);
            _reader!(in record, group.Profile, values);
            Place(group, values, i);
        }

        /// <summary>Scores a customer's values with its profile's model, or gathers them into the profile's block.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Place(ProfileGroup group, Span<double> values, int i)
        {
            if (!group.Gathers)
            {
                Write(ScoreRow(group.Profile.Model, values, i, group.Parameter), ref _scores[i], ref _ranks[i]);
            }
            else if (group.Add(values, i))
            {
                group.Flush(_scores, _ranks);
            }
        }

        /// <summary>Scores what every profile's block still holds.</summary>
        public void Flush()
        {
            foreach (var group in _groups)
            {
                if (group is { Gathers: true })
                {
                    group.Flush(_scores, _ranks);
                }
            }
        }
    }

    private static ArgumentException BadIndex(int record, byte index, int defaultIndex, string parameter) => new(
        index == defaultIndex
            ? string.Create(CultureInfo.InvariantCulture, $"customer #{record}: profile index {index} is the default's, and the set has no default.")
            : string.Create(CultureInfo.InvariantCulture, $"customer #{record}: profile index {index} names no profile; the set has {defaultIndex} (0 to {defaultIndex - 1}) and {defaultIndex} for the default."),
        parameter);

    private static ArgumentException NoProfile(long record, string? segment, LifecycleStage? stage, string parameter) => new(
        string.Create(CultureInfo.InvariantCulture, $"customer #{record}: no health profile matches segment {(segment is null ? "(none)" : $"'{segment}'")} and stage {stage?.ToString() ?? "(none)"}, and the set has no default."),
        parameter);

    /// <summary>
    /// The profiles of the segments and stages seen so far, the segment compared by reference: a set of a few profiles
    /// over records that share their segment strings is looked up in the set once per segment and stage, not per record.
    /// A table of 64 slots, a slot chosen by the segment's length and the stage, so that a record's look-up is one
    /// comparison whose outcome the processor predicts (a search of the seen keys, whose outcome follows the records'
    /// random order, cost more than scoring the record); two keys of one slot take turns, looked up in the set again.
    /// </summary>
    private sealed class ProfileCache
    {
        private const int Slots = 64;
        private readonly string?[] _segments = new string?[Slots];
        private readonly int[] _stages = new int[Slots];
        private readonly int[] _indexes = new int[Slots];

        public ProfileCache() => Array.Fill(_stages, -1);

        /// <summary>The profile of a segment and stage seen before, or -1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int Find(string? segment, LifecycleStage? stage)
        {
            var key = Key(stage);
            var slot = Slot(segment, key);
            return ReferenceEquals(_segments[slot], segment) && _stages[slot] == key ? _indexes[slot] : -1;
        }

        /// <summary>The profile of customer <paramref name="record"/>'s segment and stage, seen before or looked up now; throws, naming the records, when none matches and the set has no default.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int IndexOf(HealthProfileSet profiles, string? segment, LifecycleStage? stage, long record)
        {
            var index = Find(segment, stage);
            return index >= 0 ? index : ResolveOrThrow(profiles, segment, stage, record);
        }

        /// <summary>The look-up of a new segment and stage, and the throw when none matches: out of the hot loop, so that <see cref="IndexOf"/> stays small enough to inline.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private int ResolveOrThrow(HealthProfileSet profiles, string? segment, LifecycleStage? stage, long record)
        {
            var index = Resolve(profiles, segment, stage);
            return index >= 0 ? index : throw NoProfile(record, segment, stage, "records");
        }

        /// <summary>Looks a segment and stage up in the set and remembers its profile, or returns -1; out of the hot loop, which it would otherwise crowd.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal int Resolve(HealthProfileSet profiles, string? segment, LifecycleStage? stage)
        {
            var index = profiles.Find(segment, stage);
            if (index >= 0)
            {
                var key = Key(stage);
                var slot = Slot(segment, key);
                (_segments[slot], _stages[slot], _indexes[slot]) = (segment, key, index);
            }

            return index;
        }

        private static int Key(LifecycleStage? stage) => stage.HasValue ? (int)stage.GetValueOrDefault() + 1 : 0;

        private static int Slot(string? segment, int key) => (((segment?.Length ?? 0) * 8) + key) & (Slots - 1);
    }

    /// <summary>One profile's records gathered for the vector kernel (a weighted model, vectors supported), or scored one by one.</summary>
    private sealed unsafe class ProfileGroup
    {
        private readonly int[] _at = new int[RecordScorerBlock];
        private readonly double[] _scores = new double[RecordScorerBlock];
        private readonly byte[] _ranks = new byte[RecordScorerBlock];
        private readonly double[] _block;
        private int _count;

        /// <param name="profile">The profile.</param>
        /// <param name="parameter">The argument a bad value is blamed on: the records, or the columns.</param>
        internal ProfileGroup(HealthProfile profile, string parameter)
        {
            Parameter = parameter;
            Profile = profile;
            Components = profile.Model.Components.Count;
            var vectors = Lanes512.IsSupported || Lanes256.IsSupported;
            Gathers = profile.Model is WeightedHealthScoreModel && Components <= 16 && vectors;
            _block = Gathers ? new double[Components * RecordScorerBlock] : [];
        }

        internal HealthProfile Profile { get; }

        /// <summary>The argument a bad value is blamed on: the records, or the columns.</summary>
        internal string Parameter { get; }

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

                Write(ScoreRow(weighted, row, _at[j], Parameter), ref _scores[j], ref _ranks[j]);
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
