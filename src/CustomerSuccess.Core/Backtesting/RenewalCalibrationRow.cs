using System;

namespace CustomerSuccess.Backtesting;

/// <summary>One band's renewals in a history against the probability the renewal forecast gives it.</summary>
/// <param name="Band">The band's label, or <see cref="BacktestReport.NoScore"/>.</param>
/// <param name="Observed">The accounts of the band that renewed, over those whose renewal was decided (renewed or churned), with the Wilson interval.</param>
/// <param name="TableProbability">The probability the forecast's table gives the band: by its label, else by its colour, else the table's default.</param>
/// <param name="FittedProbability">The observed rate smoothed toward <paramref name="TableProbability"/>: the table's probability when the band has no decided account.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RenewalCalibrationRow(string Band, ProportionInterval Observed, double TableProbability, double FittedProbability)
{
    /// <summary>The band's label, or <see cref="BacktestReport.NoScore"/>.</summary>
    public string Band { get; init; } = Band ?? throw new ArgumentNullException(nameof(Band));

    /// <summary>Whether the table's probability lies outside the observed rate's interval: the history says the table is off for this band.</summary>
    public bool TableOutsideInterval => Observed.IsDefined && (TableProbability < Observed.Lower || TableProbability > Observed.Upper);
}
