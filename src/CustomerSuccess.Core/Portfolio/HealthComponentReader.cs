using System;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// Reads one record's component scores, in the model's component order, into <paramref name="componentScores"/>.
/// The span arrives filled with <see cref="double.NaN"/> (missing), so a reader writes only what the record has.
/// </summary>
/// <typeparam name="T">The caller's record type.</typeparam>
/// <param name="record">The record.</param>
/// <param name="componentScores">One slot per component of the model; write each known score from 0 to 100.</param>
/// <remarks>Called once per record, possibly from several threads at once: it must not allocate or keep state to stay on the fast path.</remarks>
public delegate void HealthComponentReader<in T>(T record, Span<double> componentScores);
