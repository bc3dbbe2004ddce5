using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Apache.Arrow;

namespace CustomerSuccess.Data;

/// <summary>What the Arrow writers share: an output schema of the kept input fields and the new ones, and arrays of a batch's results.</summary>
internal static class ArrowArrays
{
    /// <summary>The kept fields of the input, in order, then the outputs.</summary>
    public static Schema KeptThen(IReadOnlyList<Field> input, int[] keep, params Field[] outputs)
    {
        var builder = new Schema.Builder();
        foreach (var k in keep)
        {
            builder.Field(input[k]);
        }

        foreach (var field in outputs)
        {
            builder.Field(field);
        }

        return builder.Build();
    }

    /// <summary>A column of doubles; <paramref name="validity"/> empty when none is null.</summary>
    public static DoubleArray Doubles(double[] values, ArrowBuffer validity, int nulls) =>
        new(new ArrowBuffer(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()), validity, values.Length, nulls, 0);

    /// <summary>A column of 32-bit integers; <paramref name="validity"/> empty when none is null.</summary>
    public static Int32Array Ints(int[] values, ArrowBuffer validity, int nulls) =>
        new(new ArrowBuffer(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()), validity, values.Length, nulls, 0);
}
