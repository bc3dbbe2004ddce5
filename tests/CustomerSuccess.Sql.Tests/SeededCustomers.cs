using System;
using System.Data.Common;
using System.Linq;
using CustomerSuccess.Health;

namespace CustomerSuccess.Sql.Tests;

/// <summary>The seeded customers both engines' tests score, and the comparison of an engine's row with the library's score.</summary>
internal static class SeededCustomers
{
    /// <summary>Seeded component values: whole, one-decimal and two-decimal scores, the bands' edges often, one in eight missing (NaN).</summary>
    public static double[][] Data(int components, int customers, int seed)
    {
        var random = new Random(seed);
        double[] edges = [0, 39.99, 40, 59.99, 60, 79.99, 80, 100];
        return [.. Enumerable.Range(0, customers).Select(_ => Enumerable.Range(0, components).Select(_ => random.Next(8) switch
        {
            0 => double.NaN,
            1 => edges[random.Next(edges.Length)],
            2 => random.Next(101),
            3 => Math.Round(random.NextDouble() * 100, 1),
            _ => Math.Round(random.NextDouble() * 100, 2),
        }).ToArray())];
    }

    /// <summary>The output columns of a row of <c>SELECT * FROM (query)</c> with one kept column (the id) first.</summary>
    public static (double? Score, string? Band, int? Rank, double? Coverage) Row(DbDataReader reader) => (
        reader.IsDBNull(1) ? null : reader.GetDouble(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetInt32(3),
        reader.IsDBNull(4) ? null : reader.GetDouble(4));

    /// <summary>Whether an engine's row is the library's: the score within 1e-9, the band, rank and coverage equal; no score where the library refuses the customer.</summary>
    public static bool Matches(WeightedHealthScoreModel model, double[] values, (double? Score, string? Band, int? Rank, double? Coverage) row)
    {
        var rejects = model.MissingData.Handling == MissingDataHandling.Reject && values.Any(double.IsNaN);
        var expected = rejects ? default : model.Score(values);
        return expected.HasScore
            ? row.Score is { } s && Math.Abs(s - expected.Value) <= 1e-9 && row.Band == expected.Band.Label && row.Rank == expected.Band.Rank && row.Coverage == expected.Coverage
            : row.Score is null && row.Band is null && row.Rank is null && (rejects || row.Coverage == expected.Coverage);
    }
}
