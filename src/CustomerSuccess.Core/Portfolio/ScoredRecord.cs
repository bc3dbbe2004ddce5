using System;
using System.Collections.Generic;
using CustomerSuccess.Health;

namespace CustomerSuccess.Portfolio;

/// <summary>A record of the caller's with its health score, as the streaming paths of <see cref="HealthBatch"/> yield it.</summary>
/// <typeparam name="T">The caller's record type.</typeparam>
/// <remarks><c>default</c> holds the default record and a score with no value.</remarks>
public readonly struct ScoredRecord<T> : IEquatable<ScoredRecord<T>>
{
    /// <summary>Pairs a record with its score.</summary>
    /// <param name="record">The record.</param>
    /// <param name="score">Its health score.</param>
    public ScoredRecord(T record, HealthScore score)
    {
        Record = record;
        Score = score;
    }

    /// <summary>The record, as the source gave it.</summary>
    public T Record { get; }

    /// <summary>Its health score (check <see cref="HealthScore.HasScore"/>).</summary>
    public HealthScore Score { get; }

    /// <inheritdoc />
    public bool Equals(ScoredRecord<T> other) => EqualityComparer<T>.Default.Equals(Record, other.Record) && Score.Equals(other.Score);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScoredRecord<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Record, Score);

    /// <summary>Whether two scored records are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when record and score are equal.</returns>
    public static bool operator ==(ScoredRecord<T> left, ScoredRecord<T> right) => left.Equals(right);

    /// <summary>Whether two scored records differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when record or score differ.</returns>
    public static bool operator !=(ScoredRecord<T> left, ScoredRecord<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"{Record}: {Score}";
}
