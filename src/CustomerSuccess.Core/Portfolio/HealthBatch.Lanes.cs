using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CustomerSuccess.Portfolio;

/// <content>The vector widths the columnar kernel runs at: one kernel, written once, for four or eight customers at a time.</content>
public static partial class HealthBatch
{
    /// <summary>
    /// The operations the columnar kernel needs on a vector of doubles. Implemented by structs so that the kernel, generic
    /// over them, is compiled once per width with every call inlined.
    /// </summary>
    /// <typeparam name="TV">The vector type.</typeparam>
    private unsafe interface ILanes<TV>
        where TV : unmanaged
    {
        /// <summary>Gets whether this width runs in hardware here.</summary>
        static abstract bool IsSupported { get; }

        /// <summary>Gets the number of customers in one vector.</summary>
        static abstract int Count { get; }

        static abstract TV Create(double value);

        static abstract TV Load(double* source);

        static abstract void Store(TV value, double* destination);

        /// <summary>Stores whole-number lanes (0 to 255) as bytes, lowest lane first.</summary>
        static abstract void StoreBytes(TV value, byte* destination);

        static abstract TV Add(TV left, TV right);

        static abstract TV Multiply(TV left, TV right);

        static abstract TV Divide(TV left, TV right);

        static abstract TV And(TV left, TV right);

        static abstract TV Or(TV left, TV right);

        /// <summary>Lanes of <paramref name="ifTrue"/> where <paramref name="mask"/> is all ones, else of <paramref name="ifFalse"/>.</summary>
        static abstract TV Select(TV mask, TV ifTrue, TV ifFalse);

        static abstract TV Equal(TV left, TV right);

        static abstract TV LessThan(TV left, TV right);

        static abstract TV LessThanOrEqual(TV left, TV right);

        static abstract TV GreaterThan(TV left, TV right);

        static abstract TV GreaterThanOrEqual(TV left, TV right);

        /// <summary>The x86 minimum: <paramref name="right"/> when <paramref name="left"/> is NaN.</summary>
        static abstract TV Min(TV left, TV right);

        /// <summary>The x86 maximum: <paramref name="right"/> when <paramref name="left"/> is NaN.</summary>
        static abstract TV Max(TV left, TV right);

        /// <summary>One bit per lane of a mask, lowest lane first.</summary>
        static abstract uint Bits(TV mask);

        static abstract double Sum(TV value);
    }

    /// <summary>Four customers at a time (AVX2).</summary>
    private readonly unsafe struct Lanes256 : ILanes<Vector256<double>>
    {
        public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

        public static int Count => Vector256<double>.Count;

        public static Vector256<double> Create(double value) => Vector256.Create(value);

        public static Vector256<double> Load(double* source) => Vector256.Load(source);

        public static void Store(Vector256<double> value, double* destination) => value.Store(destination);

        public static void StoreBytes(Vector256<double> value, byte* destination)
        {
            var ints = Avx.ConvertToVector128Int32(value);
            var shorts = Sse2.PackSignedSaturate(ints, ints);
            Unsafe.WriteUnaligned(destination, Sse2.ConvertToInt32(Sse2.PackUnsignedSaturate(shorts, shorts).AsInt32()));
        }

        public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

        public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

        public static Vector256<double> Divide(Vector256<double> left, Vector256<double> right) => left / right;

        public static Vector256<double> And(Vector256<double> left, Vector256<double> right) => left & right;

        public static Vector256<double> Or(Vector256<double> left, Vector256<double> right) => left | right;

        public static Vector256<double> Select(Vector256<double> mask, Vector256<double> ifTrue, Vector256<double> ifFalse) => Vector256.ConditionalSelect(mask, ifTrue, ifFalse);

        public static Vector256<double> Equal(Vector256<double> left, Vector256<double> right) => Vector256.Equals(left, right);

        public static Vector256<double> LessThan(Vector256<double> left, Vector256<double> right) => Vector256.LessThan(left, right);

        public static Vector256<double> LessThanOrEqual(Vector256<double> left, Vector256<double> right) => Vector256.LessThanOrEqual(left, right);

        public static Vector256<double> GreaterThan(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThan(left, right);

        public static Vector256<double> GreaterThanOrEqual(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThanOrEqual(left, right);

        public static Vector256<double> Min(Vector256<double> left, Vector256<double> right) => Avx.Min(left, right);

        public static Vector256<double> Max(Vector256<double> left, Vector256<double> right) => Avx.Max(left, right);

        public static uint Bits(Vector256<double> mask) => Vector256.ExtractMostSignificantBits(mask);

        public static double Sum(Vector256<double> value) => Vector256.Sum(value);
    }

    /// <summary>Eight customers at a time (AVX-512).</summary>
    private readonly unsafe struct Lanes512 : ILanes<Vector512<double>>
    {
        public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512F.VL.IsSupported;

        public static int Count => Vector512<double>.Count;

        public static Vector512<double> Create(double value) => Vector512.Create(value);

        public static Vector512<double> Load(double* source) => Vector512.Load(source);

        public static void Store(Vector512<double> value, double* destination) => value.Store(destination);

        public static void StoreBytes(Vector512<double> value, byte* destination)
        {
            var bytes = Avx512F.VL.ConvertToVector128Byte(Avx512F.ConvertToVector256Int32(value));
            Unsafe.WriteUnaligned(destination, bytes.AsUInt64().ToScalar());
        }

        public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

        public static Vector512<double> Multiply(Vector512<double> left, Vector512<double> right) => left * right;

        public static Vector512<double> Divide(Vector512<double> left, Vector512<double> right) => left / right;

        public static Vector512<double> And(Vector512<double> left, Vector512<double> right) => left & right;

        public static Vector512<double> Or(Vector512<double> left, Vector512<double> right) => left | right;

        public static Vector512<double> Select(Vector512<double> mask, Vector512<double> ifTrue, Vector512<double> ifFalse) => Vector512.ConditionalSelect(mask, ifTrue, ifFalse);

        public static Vector512<double> Equal(Vector512<double> left, Vector512<double> right) => Vector512.Equals(left, right);

        public static Vector512<double> LessThan(Vector512<double> left, Vector512<double> right) => Vector512.LessThan(left, right);

        public static Vector512<double> LessThanOrEqual(Vector512<double> left, Vector512<double> right) => Vector512.LessThanOrEqual(left, right);

        public static Vector512<double> GreaterThan(Vector512<double> left, Vector512<double> right) => Vector512.GreaterThan(left, right);

        public static Vector512<double> GreaterThanOrEqual(Vector512<double> left, Vector512<double> right) => Vector512.GreaterThanOrEqual(left, right);

        public static Vector512<double> Min(Vector512<double> left, Vector512<double> right) => Avx512F.Min(left, right);

        public static Vector512<double> Max(Vector512<double> left, Vector512<double> right) => Avx512F.Max(left, right);

        public static uint Bits(Vector512<double> mask) => (uint)Vector512.ExtractMostSignificantBits(mask);

        public static double Sum(Vector512<double> value) => Vector512.Sum(value);
    }
}
