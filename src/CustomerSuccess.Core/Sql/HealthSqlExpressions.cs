using System;

namespace CustomerSuccess.Sql;

/// <summary>A compiled health model as one self-contained SQL expression per output column, to embed in a query of your own.</summary>
/// <param name="Score">The score, NULL when the customer has none.</param>
/// <param name="Band">The band's label, NULL without a score.</param>
/// <param name="BandRank">The band's rank (0 the lowest), NULL without a score.</param>
/// <param name="Coverage">The share of the weight present, NULL where a value is out of range.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HealthSqlExpressions(string Score, string Band, string BandRank, string Coverage)
{
    /// <summary>The score, NULL when the customer has none.</summary>
    public string Score { get; init; } = Score ?? throw new ArgumentNullException(nameof(Score));

    /// <summary>The band's label, NULL without a score.</summary>
    public string Band { get; init; } = Band ?? throw new ArgumentNullException(nameof(Band));

    /// <summary>The band's rank (0 the lowest), NULL without a score.</summary>
    public string BandRank { get; init; } = BandRank ?? throw new ArgumentNullException(nameof(BandRank));

    /// <summary>The share of the weight present, NULL where a value is out of range.</summary>
    public string Coverage { get; init; } = Coverage ?? throw new ArgumentNullException(nameof(Coverage));
}
