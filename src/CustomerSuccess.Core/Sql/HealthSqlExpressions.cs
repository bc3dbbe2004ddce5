namespace CustomerSuccess.Sql;

/// <summary>A compiled health model as one self-contained SQL expression per output column, to embed in a query of your own.</summary>
/// <param name="Score">The score, NULL when the customer has none.</param>
/// <param name="Band">The band's label, NULL without a score.</param>
/// <param name="BandRank">The band's rank (0 the lowest), NULL without a score.</param>
/// <param name="Coverage">The share of the weight present, NULL where a value is out of range.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HealthSqlExpressions(string Score, string Band, string BandRank, string Coverage);
