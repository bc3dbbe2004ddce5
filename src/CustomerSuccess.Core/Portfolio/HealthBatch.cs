using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Health;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// Scores many customers at once with any <see cref="IHealthScoreModel"/>: columns in, scores and band ranks out
/// (the <c>System.Numerics.Tensors.TensorPrimitives</c> shape), counts only, records with an accessor, or a stream
/// of records in bounded memory.
/// </summary>
/// <remarks>
/// <para>
/// Every path gives each customer exactly the score and band the scalar <see cref="IHealthScoreModel.Score"/> gives
/// (bit for bit), honouring the model's missing-data policy. For <see cref="WeightedHealthScoreModel"/> (every preset)
/// the columnar paths are vectorized: eight customers at a time with <see cref="System.Runtime.Intrinsics.Vector512{T}"/>
/// where AVX-512 runs, four with <see cref="System.Runtime.Intrinsics.Vector256{T}"/> where AVX2 does, then a scalar
/// tail; elsewhere, and for any other model, the model is called once per customer.
/// </para>
/// <para>
/// From <see cref="BulkScoringOptions.ParallelThreshold"/> customers the columnar and list paths use every core: the
/// customers are split into contiguous partitions, one to eight per thread, of at least 16 384 customers. Nothing is
/// allocated per customer; a call allocates a few hundred bytes on one thread and a few kilobytes on every core,
/// whatever its size. Bad input throws: a value outside [0, 100] or a missing value under a rejecting policy throws an
/// <see cref="ArgumentException"/> naming the customer's index, the component and the value. When a call throws,
/// the destinations may have been partly written.
/// </para>
/// <para>All methods are thread-safe: they keep no state between calls.</para>
/// </remarks>
public static partial class HealthBatch
{
    /// <summary>The band rank written for a customer with no score (too little data); that customer's score is <see cref="double.NaN"/>.</summary>
    public const byte NoBand = byte.MaxValue;

    /// <summary>The number of records a streaming path reads, scores and yields at a time.</summary>
    public const int StreamBlockSize = 4096;

    /// <summary>Scores every customer of a columnar batch.</summary>
    /// <param name="model">The model.</param>
    /// <param name="columns">One column per component of the model, in the model's order, all the same length; <see cref="double.NaN"/> is a missing value.</param>
    /// <param name="scores">Receives each customer's score, or <see cref="double.NaN"/> when it has none. At least as long as the columns.</param>
    /// <param name="bandRanks">Receives each customer's band rank (<see cref="HealthBand.Rank"/>), or <see cref="NoBand"/>. At least as long as the columns.</param>
    /// <param name="options">How to use the cores; <see cref="BulkScoringOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="columns"/> does not hold one column per component or the columns differ in length; <paramref name="scores"/> or
    /// <paramref name="bandRanks"/> is shorter than the columns; a value is outside [0, 100] or infinite; a value is missing and the
    /// model rejects missing data (these name <paramref name="columns"/> and the customer's index).
    /// </exception>
    public static void Score(
        IHealthScoreModel model,
        ReadOnlySpan<ReadOnlyMemory<double>> columns,
        Span<double> scores,
        Span<byte> bandRanks,
        BulkScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var count = CheckColumns(model, columns);
        Internal.Guard.Destination(scores.Length, count, nameof(scores));
        Internal.Guard.Destination(bandRanks.Length, count, nameof(bandRanks));
        var handles = Pin(columns);
        try
        {
            unsafe
            {
                fixed (double* s = scores)
                fixed (byte* r = bandRanks)
                {
                    var job = new ColumnJob(model, handles, count, s, r, counting: false);
                    Run(job, count, options ?? BulkScoringOptions.Default);
                }
            }
        }
        finally
        {
            Unpin(handles);
        }
    }

    /// <summary>Counts the customers of a columnar batch per band, without writing anything per customer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="columns">One column per component of the model, in the model's order, all the same length; <see cref="double.NaN"/> is a missing value.</param>
    /// <param name="options">How to use the cores; <see cref="BulkScoringOptions.Default"/> when null.</param>
    /// <returns>The band histogram, the number of customers without a score, and the sum of the scores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Score(IHealthScoreModel, ReadOnlySpan{ReadOnlyMemory{double}}, Span{double}, Span{byte}, BulkScoringOptions?)"/>.</exception>
    public static BandHistogram CountBands(IHealthScoreModel model, ReadOnlySpan<ReadOnlyMemory<double>> columns, BulkScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var count = CheckColumns(model, columns);
        var handles = Pin(columns);
        try
        {
            unsafe
            {
                var job = new ColumnJob(model, handles, count, null, null, counting: true);
                Run(job, count, options ?? BulkScoringOptions.Default);
                return job.Histogram();
            }
        }
        finally
        {
            Unpin(handles);
        }
    }

    /// <summary>Scores a span of the caller's records, reading each one's component scores with <paramref name="reader"/>, on the calling thread.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="records">The records.</param>
    /// <param name="reader">Reads one record's component scores.</param>
    /// <param name="scores">Receives each record's score, or <see cref="double.NaN"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="bandRanks">Receives each record's band rank, or <see cref="NoBand"/>. At least as long as <paramref name="records"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="reader"/> is null.</exception>
    /// <exception cref="ArgumentException">A destination is too short, or a record's scores are invalid (naming <paramref name="records"/> and the index).</exception>
    public static void Score<T>(IHealthScoreModel model, ReadOnlySpan<T> records, HealthComponentReader<T> reader, Span<double> scores, Span<byte> bandRanks)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reader);
        Internal.Guard.Destination(scores.Length, records.Length, nameof(scores));
        Internal.Guard.Destination(bandRanks.Length, records.Length, nameof(bandRanks));
        unsafe
        {
            fixed (double* s = scores)
            fixed (byte* r = bandRanks)
            {
                var scorer = new RecordScorer<T>(model, reader, s, r);
                scorer.Score(records, 0);
            }
        }
    }

    /// <summary>Scores a list of the caller's records, reading each one's component scores with <paramref name="reader"/>, on every core for large lists.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="records">The records.</param>
    /// <param name="reader">Reads one record's component scores; called from several threads for large lists.</param>
    /// <param name="scores">Receives each record's score, or <see cref="double.NaN"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="bandRanks">Receives each record's band rank, or <see cref="NoBand"/>. At least as long as <paramref name="records"/>.</param>
    /// <param name="options">How to use the cores; <see cref="BulkScoringOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="records"/> or <paramref name="reader"/> is null.</exception>
    /// <exception cref="ArgumentException">A destination is too short, or a record's scores are invalid (naming <paramref name="records"/> and the index).</exception>
    public static void Score<T>(
        IHealthScoreModel model,
        IReadOnlyList<T> records,
        HealthComponentReader<T> reader,
        Span<double> scores,
        Span<byte> bandRanks,
        BulkScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(reader);
        var count = records.Count;
        Internal.Guard.Destination(scores.Length, count, nameof(scores));
        Internal.Guard.Destination(bandRanks.Length, count, nameof(bandRanks));
        unsafe
        {
            fixed (double* s = scores)
            fixed (byte* r = bandRanks)
            {
                Run(new ListJob<T>(model, records, reader, s, r), count, options ?? BulkScoringOptions.Default);
            }
        }
    }

    /// <summary>
    /// Scores a stream of records in blocks of <see cref="StreamBlockSize"/>, yielding each with its score in the source's
    /// order: memory stays bounded by one block however long the stream, so a source of 100 million records never has to be
    /// in memory at once.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="records">The records; enumerated once, lazily.</param>
    /// <param name="reader">Reads one record's component scores.</param>
    /// <returns>The records with their scores.</returns>
    /// <exception cref="ArgumentNullException">An argument is null (thrown at the call).</exception>
    /// <exception cref="ArgumentException">A record's scores are invalid (thrown during enumeration, naming <paramref name="records"/> and the index).</exception>
    public static IEnumerable<ScoredRecord<T>> ScoreStream<T>(IHealthScoreModel model, IEnumerable<T> records, HealthComponentReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(model, records, reader);

        static IEnumerable<ScoredRecord<T>> Iterate(IHealthScoreModel model, IEnumerable<T> records, HealthComponentReader<T> reader)
        {
            var block = new StreamBlock<T>(model, reader);
            using var e = records.GetEnumerator();
            while (true)
            {
                var n = 0;
                while (n < StreamBlockSize && e.MoveNext())
                {
                    block.Records[n++] = e.Current;
                }

                block.ScoreBlock(n);
                for (var i = 0; i < n; i++)
                {
                    yield return new ScoredRecord<T>(block.Records[i], block.Scores[i]);
                }

                block.Clear(n);
                if (n < StreamBlockSize)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Scores an asynchronous stream of records in blocks of <see cref="StreamBlockSize"/>, in bounded memory, as <see cref="ScoreStream{T}(IHealthScoreModel, IEnumerable{T}, HealthComponentReader{T})"/> does.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="records">The records; enumerated once, lazily.</param>
    /// <param name="reader">Reads one record's component scores.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records with their scores.</returns>
    /// <exception cref="ArgumentNullException">An argument is null (thrown at the call).</exception>
    /// <exception cref="ArgumentException">A record's scores are invalid (thrown during enumeration).</exception>
    public static IAsyncEnumerable<ScoredRecord<T>> ScoreStreamAsync<T>(
        IHealthScoreModel model,
        IAsyncEnumerable<T> records,
        HealthComponentReader<T> reader,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(model, records, reader, cancellationToken);

        static async IAsyncEnumerable<ScoredRecord<T>> Iterate(
            IHealthScoreModel model,
            IAsyncEnumerable<T> records,
            HealthComponentReader<T> reader,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var block = new StreamBlock<T>(model, reader);
            var e = records.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    var n = 0;
                    while (n < StreamBlockSize && await e.MoveNextAsync().ConfigureAwait(false))
                    {
                        block.Records[n++] = e.Current;
                    }

                    block.ScoreBlock(n);
                    for (var i = 0; i < n; i++)
                    {
                        yield return new ScoredRecord<T>(block.Records[i], block.Scores[i]);
                    }

                    block.Clear(n);
                    if (n < StreamBlockSize)
                    {
                        yield break;
                    }
                }
            }
            finally
            {
                await e.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Counts a stream of records per band in bounded memory, without yielding anything per record.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="records">The records; enumerated once.</param>
    /// <param name="reader">Reads one record's component scores.</param>
    /// <returns>The band histogram of the stream.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A record's scores are invalid.</exception>
    public static BandHistogram CountBands<T>(IHealthScoreModel model, IEnumerable<T> records, HealthComponentReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(reader);
        var counter = new Counter(model);
        foreach (var scored in ScoreStream(model, records, reader))
        {
            counter.Add(scored.Score);
        }

        return counter.ToHistogram();
    }

    /// <summary>Counts an asynchronous stream of records per band in bounded memory.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="records">The records; enumerated once.</param>
    /// <param name="reader">Reads one record's component scores.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The band histogram of the stream.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A record's scores are invalid.</exception>
    public static async Task<BandHistogram> CountBandsAsync<T>(
        IHealthScoreModel model,
        IAsyncEnumerable<T> records,
        HealthComponentReader<T> reader,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(reader);
        var counter = new Counter(model);
        await foreach (var scored in ScoreStreamAsync(model, records, reader, cancellationToken).ConfigureAwait(false))
        {
            counter.Add(scored.Score);
        }

        return counter.ToHistogram();
    }

    private static int CheckColumns(IHealthScoreModel model, ReadOnlySpan<ReadOnlyMemory<double>> columns)
    {
        var components = model.Components;
        if (components.Count == 0)
        {
            // Rows are counted by column length: without a column there is no telling how many customers there are.
            throw new ArgumentException($"model '{model.Name}' has no components; the columnar paths need one column per component.", nameof(model));
        }

        if (columns.Length != components.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"model '{model.Name}' has {components.Count} components but {columns.Length} columns were given; give one column per component, in model order."),
                nameof(columns));
        }

        var count = columns[0].Length;
        for (var c = 1; c < columns.Length; c++)
        {
            if (columns[c].Length != count)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"column {c} ('{components[c].Key}') has {columns[c].Length} values but column 0 ('{components[0].Key}') has {count}; all columns must be the same length."),
                    nameof(columns));
            }
        }

        return count;
    }

    private static MemoryHandle[] Pin(ReadOnlySpan<ReadOnlyMemory<double>> columns)
    {
        var handles = new MemoryHandle[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            handles[c] = columns[c].Pin();
        }

        return handles;
    }

    private static void Unpin(MemoryHandle[] handles)
    {
        foreach (var h in handles)
        {
            h.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(HealthScore score, ref double value, ref byte rank)
    {
        if (score.HasScore)
        {
            value = score.Value;
            rank = (byte)score.Band.Rank;
        }
        else
        {
            value = double.NaN;
            rank = NoBand;
        }
    }

    /// <summary>The scalar path, with a failure re-thrown naming the batch argument and the customer's index.</summary>
    internal static HealthScore ScoreRow(IHealthScoreModel model, ReadOnlySpan<double> row, long index, string paramName)
    {
        try
        {
            return model.Score(row);
        }
        catch (ArgumentException e)
        {
            throw Internal.Guard.ForItem(e, string.Create(CultureInfo.InvariantCulture, $"customer #{index}"), paramName);
        }
    }

    private static void Run(Job job, int count, BulkScoringOptions options)
    {
        var threads = options.ThreadsFor(count);
        if (threads == 1)
        {
            job.Prepare(1);
            job.Execute(0, 0, count);
            return;
        }

        // Static partitions, a few per thread: taken in order by whichever thread is free, so a thread that starts late
        // (a busy or shared machine) leaves the others its share instead of holding up the call for a whole partition.
        var partitions = BulkScoringOptions.PartitionsFor(count, threads);
        job.Prepare(partitions);
        var errors = new Exception?[partitions];
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var (start, end) = BulkScoringOptions.Partition(p, partitions, count);
            try
            {
                job.Execute(p, start, end);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                errors[p] = e;
            }
        });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }
    }

    private abstract class Job
    {
        internal abstract void Prepare(int partitions);

        internal abstract void Execute(int partition, int start, int end);
    }

    /// <summary>Scores a list's records, a block at a time as spans: the list's own storage for arrays and lists, a copy otherwise.</summary>
    private sealed unsafe class ListJob<T>(IHealthScoreModel model, IReadOnlyList<T> records, HealthComponentReader<T> reader, double* scores, byte* ranks) : Job
    {
        internal override void Prepare(int partitions)
        {
        }

        internal override void Execute(int partition, int start, int end) =>
            ScoreInSpans(records, start, end, new RecordScorer<T>(model, reader, scores, ranks));
    }

    /// <summary>Scores a span of records, the first of which is the batch's record number <c>index</c>.</summary>
    private interface ISpanScorer<T>
    {
        void Score(ReadOnlySpan<T> records, int index);
    }

    /// <summary>
    /// Scores the records <paramref name="start"/> to <paramref name="end"/> of a list as spans: the list's own storage
    /// for arrays and lists, a copy a block at a time for any other list.
    /// </summary>
    private static void ScoreInSpans<T, TScorer>(IReadOnlyList<T> records, int start, int end, TScorer scorer)
        where TScorer : ISpanScorer<T>
    {
        switch (records)
        {
            case T[] array:
                scorer.Score(array.AsSpan(start, end - start), start);
                return;
            case List<T> list:
                scorer.Score(CollectionsMarshal.AsSpan(list)[start..end], start);
                return;
        }

        var copy = ArrayPool<T>.Shared.Rent(RecordScorerBlock);
        try
        {
            for (var first = start; first < end; first += RecordScorerBlock)
            {
                var n = Math.Min(RecordScorerBlock, end - first);
                for (var j = 0; j < n; j++)
                {
                    copy[j] = records[first + j];
                }

                scorer.Score(copy.AsSpan(0, n), first);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(copy, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    /// <summary>
    /// Scores records read with an accessor. For a weighted model, records are gathered a block at a time into small
    /// columns (a few KB, on the stack) and scored by the vector kernel; a block holding a bad value is finished by the
    /// scalar path, which reports it. Other models are called once per record.
    /// </summary>
    private readonly unsafe struct RecordScorer<T>(IHealthScoreModel model, HealthComponentReader<T> reader, double* scores, byte* ranks) : ISpanScorer<T>
    {
        /// <summary>Records gathered at a time: 256 × 8 bytes a component, 10 KB for five components.</summary>
        internal const int Gathered = RecordScorerBlock;

        /// <summary>Scores <paramref name="records"/>, the first of which is the batch's record number <paramref name="index"/>.</summary>
        public void Score(ReadOnlySpan<T> records, int index)
        {
            var k = model.Components.Count;
            if (model is WeightedHealthScoreModel weighted && k <= 16)
            {
                if (Lanes512.IsSupported)
                {
                    Gather<Lanes512, Vector512<double>>(weighted, records, index);
                    return;
                }

                if (Lanes256.IsSupported)
                {
                    Gather<Lanes256, Vector256<double>>(weighted, records, index);
                    return;
                }
            }

            var rented = k > 64 ? ArrayPool<double>.Shared.Rent(k) : null;
            var row = rented is null ? stackalloc double[k] : rented.AsSpan(0, k);
            for (var j = 0; j < records.Length; j++)
            {
                row.Fill(double.NaN);
                reader(records[j], row);
                var i = index + j;
                Write(ScoreRow(model, row, i, nameof(records)), ref scores[i], ref ranks[i]);
            }

            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }

        private void Gather<TLanes, TV>(WeightedHealthScoreModel weighted, ReadOnlySpan<T> records, int index)
            where TLanes : struct, ILanes<TV>
            where TV : unmanaged
        {
            var k = weighted.Components.Count;
            var length = Kernel<TLanes, TV>.BufferLength(weighted);
            var kernel = new Kernel<TLanes, TV>(weighted, k, length <= Kernel<TLanes, TV>.StackBufferLength ? stackalloc TV[length] : new TV[length]);
            var block = stackalloc double[k * Gathered];
            var columns = stackalloc double*[k];
            for (var c = 0; c < k; c++)
            {
                columns[c] = block + (c * Gathered);
            }

            Span<double> row = stackalloc double[k];
            for (var first = 0; first < records.Length; first += Gathered)
            {
                var n = Math.Min(Gathered, records.Length - first);
                for (var j = 0; j < n; j++)
                {
                    row.Fill(double.NaN);
                    reader(records[first + j], row);
                    for (var c = 0; c < k; c++)
                    {
                        columns[c][j] = row[c];
                    }
                }

                var at = index + first;
                for (var j = kernel.ScoreVectors(columns, 0, n, scores + at, ranks + at); j < n; j++)
                {
                    for (var c = 0; c < k; c++)
                    {
                        row[c] = columns[c][j];
                    }

                    Write(ScoreRow(model, row, at + j, nameof(records)), ref scores[at + j], ref ranks[at + j]);
                }
            }
        }
    }

    private sealed unsafe class ColumnJob : Job
    {
        private readonly IHealthScoreModel _model;
        private readonly MemoryHandle[] _columns;
        private readonly int _count;
        private readonly double* _scores;
        private readonly byte* _ranks;
        private readonly bool _counting;
        private readonly int _bands;
        private long[] _counts = [];
        private double[] _sums = [];

        internal ColumnJob(IHealthScoreModel model, MemoryHandle[] columns, int count, double* scores, byte* ranks, bool counting)
        {
            _model = model;
            _columns = columns;
            _count = count;
            _scores = scores;
            _ranks = ranks;
            _counting = counting;
            _bands = model.Bands.Bands.Count;
        }

        internal override void Prepare(int partitions)
        {
            if (_counting)
            {
                // One row of counts per partition (bands, then "no score"), padded to a cache line against false sharing.
                _counts = new long[partitions * Stride];
                _sums = new double[partitions * 8];
            }
        }

        private int Stride => (_bands + 1 + 7) & ~7;

        internal BandHistogram Histogram()
        {
            var byRank = new long[_bands];
            long notScored = 0;
            var sum = 0.0;
            for (var p = 0; p * Stride < _counts.Length; p++)
            {
                for (var b = 0; b < _bands; b++)
                {
                    byRank[b] += _counts[(p * Stride) + b];
                }

                notScored += _counts[(p * Stride) + _bands];
                sum += _sums[p * 8];
            }

            return new BandHistogram(_model.Bands, byRank, notScored, sum);
        }

        internal override void Execute(int partition, int start, int end)
        {
            var k = _columns.Length;
            var columns = stackalloc double*[k];
            for (var c = 0; c < k; c++)
            {
                columns[c] = (double*)_columns[c].Pointer;
            }

            var i = start;
            var counts = _counting ? new Span<long>(_counts, partition * Stride, _bands + 1) : default;
            var sum = 0.0;
            if (_model is WeightedHealthScoreModel weighted)
            {
                if (Lanes512.IsSupported)
                {
                    i = _counting
                        ? CountVectors<Lanes512, Vector512<double>>(weighted, columns, start, end, counts, ref sum)
                        : ScoreVectors<Lanes512, Vector512<double>>(weighted, columns, start, end);
                }
                else if (Lanes256.IsSupported)
                {
                    i = _counting
                        ? CountVectors<Lanes256, Vector256<double>>(weighted, columns, start, end, counts, ref sum)
                        : ScoreVectors<Lanes256, Vector256<double>>(weighted, columns, start, end);
                }
            }

            Span<double> row = k <= 64 ? stackalloc double[k] : new double[k];
            for (; i < end; i++)
            {
                var score = ScoreAt(columns, row, i);
                if (_counting)
                {
                    Count(score, counts, ref sum);
                }
                else
                {
                    Write(score, ref _scores[i], ref _ranks[i]);
                }
            }

            if (_counting)
            {
                _sums[partition * 8] += sum;
            }
        }

        private HealthScore ScoreAt(double** columns, Span<double> row, int i)
        {
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = columns[c][i];
            }

            return ScoreRow(_model, row, i, "columns");
        }

        private void Count(HealthScore score, Span<long> counts, ref double sum)
        {
            if (score.HasScore)
            {
                counts[score.Band.Rank]++;
                sum += score.Value;
            }
            else
            {
                counts[_bands]++;
            }
        }

        private int ScoreVectors<TLanes, TV>(WeightedHealthScoreModel model, double** columns, int start, int end)
            where TLanes : struct, ILanes<TV>
            where TV : unmanaged
        {
            var length = Kernel<TLanes, TV>.BufferLength(model);
            var kernel = new Kernel<TLanes, TV>(model, _columns.Length, length <= Kernel<TLanes, TV>.StackBufferLength ? stackalloc TV[length] : new TV[length]);
            return kernel.ScoreVectors(columns, start, end, _scores, _ranks);
        }

        /// <summary>Counts whole vectors of customers per band; returns where the scalar tail starts, as <see cref="ScoreVectors"/> does.</summary>
        private int CountVectors<TLanes, TV>(WeightedHealthScoreModel model, double** columns, int start, int end, Span<long> counts, ref double sum)
            where TLanes : struct, ILanes<TV>
            where TV : unmanaged
        {
            var length = Kernel<TLanes, TV>.BufferLength(model);
            var kernel = new Kernel<TLanes, TV>(model, _columns.Length, length <= Kernel<TLanes, TV>.StackBufferLength ? stackalloc TV[length] : new TV[length]);
            return kernel.Thresholds.Length <= Kernel<TLanes, TV>.LaneCountedThresholds
                ? kernel.CountVectors(columns, start, end, counts, ref sum)
                : CountVectorsByBits(kernel, columns, start, end, counts, ref sum);
        }

        /// <summary>
        /// <see cref="CountVectors"/> for a model with more band thresholds than the kernel counts in vector lanes: a
        /// compare gives one bit per customer and threshold, and a population count adds them up.
        /// </summary>
        private static int CountVectorsByBits<TLanes, TV>(Kernel<TLanes, TV> kernel, double** columns, int start, int end, Span<long> counts, ref double sum)
            where TLanes : struct, ILanes<TV>
            where TV : unmanaged
        {
            var thresholds = kernel.Thresholds;
            Span<long> atLeast = stackalloc long[thresholds.Length];
            atLeast.Clear();
            long scored = 0;
            TV zero = default, total = default;
            var width = TLanes.Count;
            var i = start;
            for (; i <= end - width; i += width)
            {
                if (!kernel.TryScore(columns, i, out var value))
                {
                    break;
                }

                var hasScore = TLanes.Equal(value, value);
                scored += BitOperations.PopCount(TLanes.Bits(hasScore));
                for (var b = 0; b < thresholds.Length; b++)
                {
                    atLeast[b] += BitOperations.PopCount(TLanes.Bits(TLanes.GreaterThanOrEqual(value, thresholds[b])));
                }

                total = TLanes.Add(total, TLanes.Select(hasScore, value, zero));
            }

            AddCounts(counts, i - start, scored, atLeast);
            sum += TLanes.Sum(total);
            return i;
        }
    }

    /// <summary>
    /// Adds counted customers to a row of band counts (bands in rank order, then "no score"): of
    /// <paramref name="customers"/>, <paramref name="scored"/> have a score, and <paramref name="atLeast"/>[b] of those
    /// are at or above the band threshold b + 1.
    /// </summary>
    private static void AddCounts(Span<long> counts, long customers, long scored, ReadOnlySpan<long> atLeast)
    {
        var bands = atLeast.Length + 1;
        counts[bands] += customers - scored;
        var above = scored;
        for (var b = 0; b < bands; b++)
        {
            var next = b < atLeast.Length ? atLeast[b] : 0;
            counts[b] += above - next;
            above = next;
        }
    }

    /// <summary>
    /// The weighted model's arithmetic on a vector of customers at once, in the scalar path's exact order of operations,
    /// with everything that does not change per customer prepared once.
    /// </summary>
    private readonly ref struct Kernel<TLanes, TV>
        where TLanes : struct, ILanes<TV>
        where TV : unmanaged
    {
        /// <summary>
        /// How many customers ahead each column is prefetched: 1 KB a column. The hardware prefetcher alone left a
        /// core waiting on memory between bursts of arithmetic; asking early keeps the reads going (measured in
        /// docs/performance.md). A prefetch past the end of a column is harmless: it never faults.
        /// </summary>
        private const int PrefetchDistance = 128;

        /// <summary>The most band thresholds (bands less one) <see cref="CountVectors"/> counts in vector lanes.</summary>
        internal const int LaneCountedThresholds = 4;

        private readonly Span<TV> _weights;
        private readonly TV _total;
        private readonly TV _presenceFloor;
        private readonly bool _treatAsZero;
        private readonly bool _reject;
        private readonly uint _allLanes;

        /// <summary>
        /// Prepares the kernel for <paramref name="model"/>, keeping its broadcast weights and thresholds in
        /// <paramref name="buffer"/>: <see cref="BufferLength"/> vectors, on the caller's stack when they fit in
        /// <see cref="StackBufferLength"/> (so a call allocates nothing for them however many partitions it has).
        /// </summary>
        internal Kernel(WeightedHealthScoreModel model, int components, Span<TV> buffer)
        {
            var weights = model.WeightArray;
            _weights = buffer[..components];
            for (var c = 0; c < components; c++)
            {
                _weights[c] = TLanes.Create(weights[c]);
            }

            var bandThresholds = model.Bands.Thresholds;
            Thresholds = buffer.Slice(components, bandThresholds.Length - 1);
            for (var b = 1; b < bandThresholds.Length; b++)
            {
                Thresholds[b - 1] = TLanes.Create(bandThresholds[b]);
            }

            _total = TLanes.Create(model.TotalWeight);
            _presenceFloor = TLanes.Create(PresenceFloor(model.TotalWeight, model.MissingData.MinimumCoverage - WeightedHealthScoreModel.CoverageTolerance));
            _treatAsZero = model.MissingData.Handling == MissingDataHandling.TreatAsZero;
            _reject = model.MissingData.Handling == MissingDataHandling.Reject;
            _allLanes = (1u << TLanes.Count) - 1;
        }

        /// <summary>The most vectors a caller keeps for <see cref="Kernel{TLanes, TV}"/> on its stack (4 KB at eight lanes).</summary>
        internal const int StackBufferLength = 64;

        /// <summary>The band thresholds above the lowest band, broadcast.</summary>
        internal Span<TV> Thresholds { get; }

        /// <summary>The number of vectors the kernel of <paramref name="model"/> keeps: its weights and band thresholds.</summary>
        internal static int BufferLength(WeightedHealthScoreModel model) => model.WeightArray.Length + model.Bands.Thresholds.Length - 1;

        /// <summary>
        /// Scores whole vectors of customers from <paramref name="start"/> and writes each one's score and band rank at
        /// the same index of <paramref name="scores"/> and <paramref name="ranks"/>; returns where the scalar tail starts:
        /// the end of the whole vectors, or the first vector holding a bad value, which the scalar path then finds and reports.
        /// </summary>
        internal unsafe int ScoreVectors(double** columns, int start, int end, double* scores, byte* ranks)
        {
            var thresholds = Thresholds;
            var one = TLanes.Create(1.0);
            var noBand = TLanes.Create(NoBand);
            var width = TLanes.Count;
            var i = start;
            for (; i <= end - width; i += width)
            {
                if (!TryScore(columns, i, out var value))
                {
                    break;
                }

                TV rank = default;
                foreach (var threshold in thresholds)
                {
                    rank = TLanes.Select(TLanes.GreaterThanOrEqual(value, threshold), TLanes.Add(rank, one), rank);
                }

                TLanes.Store(value, scores + i);
                TLanes.StoreBytes(TLanes.Select(TLanes.Equal(value, value), rank, noBand), ranks + i);
            }

            return i;
        }

        /// <summary>
        /// Counts whole vectors of customers from <paramref name="start"/> per band into <paramref name="counts"/> (bands in
        /// rank order, then "no score") and adds their scores to <paramref name="sum"/>; returns where the scalar tail
        /// starts, as <see cref="ScoreVectors"/> does. For a model of at most <see cref="LaneCountedThresholds"/> band
        /// thresholds: each lane keeps its own counts of customers with a score and at or above each threshold (missing
        /// thresholds are +∞, which no score reaches), added with a masked add, so every count stays in a register. The
        /// counts are whole numbers far below 2^53, so adding up the lanes at the end is exact.
        /// </summary>
        internal unsafe int CountVectors(double** columns, int start, int end, Span<long> counts, ref double sum)
        {
            var thresholds = Thresholds;
            var infinity = TLanes.Create(double.PositiveInfinity);
            var t0 = thresholds.Length > 0 ? thresholds[0] : infinity;
            var t1 = thresholds.Length > 1 ? thresholds[1] : infinity;
            var t2 = thresholds.Length > 2 ? thresholds[2] : infinity;
            var t3 = thresholds.Length > 3 ? thresholds[3] : infinity;
            var one = TLanes.Create(1.0);
            TV zero = default, scored = default, total = default, c0 = default, c1 = default, c2 = default, c3 = default;
            var width = TLanes.Count;
            var i = start;
            for (; i <= end - width; i += width)
            {
                if (!TryScore(columns, i, out var value))
                {
                    break;
                }

                scored = TLanes.Select(TLanes.Equal(value, value), TLanes.Add(scored, one), scored);
                c0 = TLanes.Select(TLanes.GreaterThanOrEqual(value, t0), TLanes.Add(c0, one), c0);
                c1 = TLanes.Select(TLanes.GreaterThanOrEqual(value, t1), TLanes.Add(c1, one), c1);
                c2 = TLanes.Select(TLanes.GreaterThanOrEqual(value, t2), TLanes.Add(c2, one), c2);
                c3 = TLanes.Select(TLanes.GreaterThanOrEqual(value, t3), TLanes.Add(c3, one), c3);
                total = TLanes.Add(total, TLanes.Max(value, zero)); // Max returns its second operand, 0, where value is NaN.
            }

            ReadOnlySpan<long> atLeast = [(long)TLanes.Sum(c0), (long)TLanes.Sum(c1), (long)TLanes.Sum(c2), (long)TLanes.Sum(c3)];
            AddCounts(counts, i - start, (long)TLanes.Sum(scored), atLeast[..thresholds.Length]);
            sum += TLanes.Sum(total);
            return i;
        }

        /// <summary>
        /// Scores the customers at <paramref name="i"/>: <paramref name="value"/> is each one's clamped score, or NaN
        /// where a customer has too little data. False when a value is out of range, or missing under a rejecting policy.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal unsafe bool TryScore(double** columns, int i, out TV value)
        {
            TV zero = default;
            var hundred = TLanes.Create(100.0);
            var infinity = TLanes.Create(double.PositiveInfinity);
            var weighted = zero;
            var present = zero;
            var raw = zero;

            // The lowest and highest values seen: x86 min and max return their second operand when the first is NaN, so
            // missing values leave them alone and one range test per vector catches anything outside [0, 100].
            var lowest = hundred;
            var highest = zero;
            var weights = _weights;
            for (var c = 0; c < weights.Length; c++)
            {
                var v = TLanes.Load(columns[c] + i);
                Sse.Prefetch0(columns[c] + i + PrefetchDistance);
                lowest = TLanes.Min(v, lowest);
                highest = TLanes.Max(v, highest);
                var w = weights[c];

                // A missing value is skipped, as the scalar path skips it. Each add has a compare of its own (both true
                // exactly where v is not NaN): a mask used once stays a mask register and the add a masked add, where a
                // shared one would be widened to a vector and blended. The raw sum is NaN wherever any value is missing.
                weighted = TLanes.Select(TLanes.Equal(v, v), TLanes.Add(weighted, TLanes.Multiply(w, v)), weighted);
                present = TLanes.Select(TLanes.LessThanOrEqual(v, infinity), TLanes.Add(present, w), present);
                raw = TLanes.Add(raw, v);
            }

            // present / total < floor-coverage exactly when present < the presence floor (see PresenceFloor).
            var noScore = TLanes.Or(TLanes.LessThanOrEqual(present, zero), TLanes.LessThan(present, _presenceFloor));
            value = TLanes.Min(TLanes.Max(TLanes.Divide(weighted, _treatAsZero ? _total : present), zero), hundred);
            value = TLanes.Select(noScore, TLanes.Create(double.NaN), value);
            var bad = TLanes.Bits(TLanes.Or(TLanes.LessThan(lowest, zero), TLanes.GreaterThan(highest, hundred)));
            return bad == 0 && (!_reject || TLanes.Bits(TLanes.Equal(raw, raw)) == _allLanes);
        }

        /// <summary>
        /// The smallest present weight p for which the scalar test <c>p / total &lt; minimum</c> is false. Division by a
        /// positive total is monotone, so <c>p &lt; floor</c> decides exactly as the scalar path does, without dividing.
        /// </summary>
        private static double PresenceFloor(double total, double minimum)
        {
            if (!(0.0 / total < minimum))
            {
                return 0;
            }

            long low = 0, high = BitConverter.DoubleToInt64Bits(double.PositiveInfinity);
            while (high - low > 1)
            {
                var middle = low + ((high - low) / 2);
                if (BitConverter.Int64BitsToDouble(middle) / total < minimum)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            return BitConverter.Int64BitsToDouble(high);
        }
    }

    private sealed class StreamBlock<T>(IHealthScoreModel model, HealthComponentReader<T> reader)
    {
        private long _offset;

        internal T[] Records { get; } = new T[StreamBlockSize];

        internal HealthScore[] Scores { get; } = new HealthScore[StreamBlockSize];

        private double[] Row { get; } = new double[model.Components.Count];

        internal void ScoreBlock(int n)
        {
            var row = Row.AsSpan();
            for (var i = 0; i < n; i++)
            {
                row.Fill(double.NaN);
                reader(Records[i], row);
                Scores[i] = ScoreRow(model, row, _offset + i, "records");
            }

            _offset += n;
        }

        internal void Clear(int n) => Array.Clear(Records, 0, n);
    }

    private sealed class Counter(IHealthScoreModel model)
    {
        private readonly long[] _counts = new long[model.Bands.Bands.Count];
        private long _notScored;
        private double _sum;

        internal void Add(HealthScore score)
        {
            if (score.HasScore)
            {
                _counts[score.Band.Rank]++;
                _sum += score.Value;
            }
            else
            {
                _notScored++;
            }
        }

        internal BandHistogram ToHistogram() => new(model.Bands, _counts, _notScored, _sum);
    }
}
