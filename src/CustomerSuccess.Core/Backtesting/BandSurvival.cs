using System;

namespace CustomerSuccess.Backtesting;

/// <summary>The retention curve of the accounts whose first snapshot was in one band.</summary>
/// <param name="Band">The band's label, or <see cref="BacktestReport.NoScore"/>.</param>
/// <param name="Curve">Their Kaplan–Meier curve, in days since that snapshot.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BandSurvival(string Band, SurvivalCurve Curve)
{
    /// <summary>The band's label.</summary>
    public string Band { get; init; } = Band ?? throw new ArgumentNullException(nameof(Band));

    /// <summary>Their curve.</summary>
    public SurvivalCurve Curve { get; init; } = Curve ?? throw new ArgumentNullException(nameof(Curve));
}
