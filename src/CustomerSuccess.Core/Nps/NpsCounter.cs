using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CustomerSuccess.Nps;

/// <summary>
/// The counting pass behind <see cref="NpsSummary.From(ReadOnlySpan{int})"/>: promoters and detractors counted with
/// 256-bit vector compares and a scalar tail, every response checked against [0, 10] on the way.
/// </summary>
internal static class NpsCounter
{
    /// <summary>Counts promoters (≥ 9) and detractors (≤ 6) in bytes; throws on a byte above 10.</summary>
    internal static (long Promoters, long Detractors) Count(ReadOnlySpan<byte> responses)
    {
        long promoters = 0, detractors = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && responses.Length >= Vector256<byte>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(responses);
            var nine = Vector256.Create((byte)9);
            var seven = Vector256.Create((byte)7);
            var eleven = Vector256.Create((byte)11);
            var lastVector = responses.Length - Vector256<byte>.Count;
            while (i <= lastVector)
            {
                // Byte lanes count up to 255 before they would wrap: flush them to the long totals every 255 vectors.
                var blockEnd = Math.Min(lastVector, i + (254 * Vector256<byte>.Count));
                var p = Vector256<byte>.Zero;
                var d = Vector256<byte>.Zero;
                var invalid = Vector256<byte>.Zero;
                for (; i <= blockEnd; i += Vector256<byte>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                    invalid |= Vector256.GreaterThanOrEqual(v, eleven);
                    p -= Vector256.GreaterThanOrEqual(v, nine);
                    d -= Vector256.LessThan(v, seven);
                }

                if (invalid != Vector256<byte>.Zero)
                {
                    ThrowAtFirstInvalid(responses);
                }

                promoters += SumBytes(p);
                detractors += SumBytes(d);
            }
        }

        for (; i < responses.Length; i++)
        {
            var r = responses[i];
            if (r > NpsScale.MaxResponse)
            {
                throw Invalid(r, i);
            }

            promoters += r >= NpsScale.PromoterMinimum ? 1 : 0;
            detractors += r < NpsScale.PassiveMinimum ? 1 : 0;
        }

        return (promoters, detractors);
    }

    /// <summary>Counts promoters (≥ 9) and detractors (≤ 6) in ints; throws on a value outside [0, 10].</summary>
    internal static (long Promoters, long Detractors) Count(ReadOnlySpan<int> responses)
    {
        long promoters = 0, detractors = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && responses.Length >= 2 * Vector256<int>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(responses);
            var nine = Vector256.Create(9);
            var seven = Vector256.Create(7);
            var ten = Vector256.Create(10u);
            var p0 = Vector256<int>.Zero;
            var p1 = Vector256<int>.Zero;
            var d0 = Vector256<int>.Zero;
            var d1 = Vector256<int>.Zero;
            var invalid = Vector256<uint>.Zero;
            var lastPair = responses.Length - (2 * Vector256<int>.Count);

            // Two independent accumulators per count keep both vector ports busy. Int lanes cannot wrap: a span holds
            // fewer than 2^31 elements, so a lane counts at most 2^31 / 8.
            for (; i <= lastPair; i += 2 * Vector256<int>.Count)
            {
                var a = Vector256.LoadUnsafe(ref start, (nuint)i);
                var b = Vector256.LoadUnsafe(ref start, (nuint)(i + Vector256<int>.Count));
                invalid |= Vector256.GreaterThan(a.AsUInt32(), ten) | Vector256.GreaterThan(b.AsUInt32(), ten);
                p0 -= Vector256.GreaterThanOrEqual(a, nine);
                p1 -= Vector256.GreaterThanOrEqual(b, nine);
                d0 -= Vector256.LessThan(a, seven);
                d1 -= Vector256.LessThan(b, seven);
            }

            if (invalid != Vector256<uint>.Zero)
            {
                ThrowAtFirstInvalid(responses);
            }

            promoters = SumInts(p0) + SumInts(p1);
            detractors = SumInts(d0) + SumInts(d1);
        }

        for (; i < responses.Length; i++)
        {
            var r = responses[i];
            if ((uint)r > NpsScale.MaxResponse)
            {
                throw Invalid(r, i);
            }

            promoters += r >= NpsScale.PromoterMinimum ? 1 : 0;
            detractors += r < NpsScale.PassiveMinimum ? 1 : 0;
        }

        return (promoters, detractors);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SumBytes(Vector256<byte> counts)
    {
        var (lower, upper) = Vector256.Widen(counts);
        return Vector256.Sum(lower + upper);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SumInts(Vector256<int> counts)
    {
        var (lower, upper) = Vector256.Widen(counts);
        return Vector256.Sum(lower + upper);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAtFirstInvalid(ReadOnlySpan<byte> responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i] > NpsScale.MaxResponse)
            {
                throw Invalid(responses[i], i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAtFirstInvalid(ReadOnlySpan<int> responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            if ((uint)responses[i] > NpsScale.MaxResponse)
            {
                throw Invalid(responses[i], i);
            }
        }
    }

    private static ArgumentOutOfRangeException Invalid(int value, int index) =>
        new("responses", value, $"an NPS response must be a whole number in [0, 10] but responses[{index}] was {value}.");
}
