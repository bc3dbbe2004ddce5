using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Renewals;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// The renewal forecast's probability table checked against a history: each band's observed renewal rate (of the
/// accounts whose renewal was decided, by the band of their last snapshot before it) with its Wilson interval, beside
/// the table's probability; and a table fitted from the history, each band's rate smoothed toward the table's, that
/// <see cref="RenewalForecast"/> accepts.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RenewalCalibration
{
    /// <summary>
    /// The default weight of the table's probability in the fitted one, in accounts (ours): a band's fitted probability
    /// is (renewed + 20 × the table's) / (decided + 20), so a band of 20 decided accounts moves halfway from the table
    /// to what it observed, and one of 2 000 almost all the way.
    /// </summary>
    public const double DefaultPriorStrength = 20;

    private RenewalCalibration(IReadOnlyList<RenewalCalibrationRow> rows, long decided, long undecided, double priorStrength, RenewalProbabilityTable fitted)
    {
        Rows = rows;
        Decided = decided;
        Undecided = undecided;
        PriorStrength = priorStrength;
        Fitted = fitted;
    }

    /// <summary>Each band's row, best first, then <see cref="BacktestReport.NoScore"/> when an account's last snapshot had no score.</summary>
    public IReadOnlyList<RenewalCalibrationRow> Rows { get; }

    /// <summary>The accounts whose renewal was decided (renewed or churned) after a snapshot.</summary>
    public long Decided { get; }

    /// <summary>The accounts still active at the history's end, left out: their renewal is not decided.</summary>
    public long Undecided { get; }

    /// <summary>The weight of the table's probability in the fitted one, in accounts.</summary>
    public double PriorStrength { get; }

    /// <summary>
    /// The fitted table: the table's entries, with each band's label (and its colour, when no other band of the scheme
    /// has it) set to the band's fitted probability; the table's default stays. Pass it to the forecast with the band's
    /// label (or colour) as each renewal's label.
    /// </summary>
    public RenewalProbabilityTable Fitted { get; }

    /// <summary>Calibrates a renewal probability table on a history.</summary>
    /// <param name="snapshots">The snapshots; each account is placed in the band of its last one before its outcome.</param>
    /// <param name="outcomes">How each account's history ends, one per account with a snapshot.</param>
    /// <param name="bands">The band scheme the health scores are banded by.</param>
    /// <param name="table">The table to check; <see cref="RenewalProbabilityTable.Default"/> when null.</param>
    /// <param name="priorStrength">The weight of the table's probability, in accounts, 0 or more (0: the observed rate alone, where there is one); <see cref="DefaultPriorStrength"/> by default.</param>
    /// <param name="level">The confidence level of the intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="table"/>, a snapshot or an outcome is null.</exception>
    /// <exception cref="ArgumentException">The history is invalid, as <see cref="BacktestReport.Build"/> refuses it; the message names every account at fault.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorStrength"/> is negative or not finite, or <paramref name="level"/> is not in (0, 1).</exception>
    public static RenewalCalibration Build(IEnumerable<BacktestSnapshot> snapshots, IEnumerable<AccountOutcome> outcomes, HealthBandScheme bands, RenewalProbabilityTable? table = null, double priorStrength = DefaultPriorStrength, double level = ProportionInterval.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(bands);
        if (!(priorStrength >= 0 && double.IsFinite(priorStrength)))
        {
            throw new ArgumentOutOfRangeException(nameof(priorStrength), priorStrength, "the prior strength must be a finite number of accounts, 0 or more.");
        }

        _ = Internal.Normal.Critical(level, nameof(level));
        table ??= RenewalProbabilityTable.Default;
        var last = new Dictionary<string, (NodaTime.LocalDate AsOf, string Band, OutcomeKind Kind)>(StringComparer.Ordinal);
        History.Read(snapshots, outcomes, bands, (snapshot, outcome) =>
        {
            if (!last.TryGetValue(snapshot.Account, out var latest) || snapshot.AsOf > latest.AsOf)
            {
                last[snapshot.Account] = (snapshot.AsOf, History.BandOf(snapshot), outcome.Kind);
            }
        });

        var counts = new Dictionary<string, (long Renewed, long Decided)>(StringComparer.Ordinal);
        long undecided = 0;
        foreach (var (_, band, kind) in last.Values)
        {
            if (kind == OutcomeKind.Active)
            {
                undecided++;
                continue;
            }

            var c = counts.GetValueOrDefault(band);
            counts[band] = (c.Renewed + (kind == OutcomeKind.Renewed ? 1 : 0), c.Decided + 1);
        }

        var colours = bands.Bands.GroupBy(b => b.Color).Where(g => g.Count() == 1).ToDictionary(g => g.Single().Label, g => g.Key.ToString(), StringComparer.Ordinal);
        var fitted = new Dictionary<string, double>(table.ByLabel, StringComparer.OrdinalIgnoreCase);
        var rows = new List<RenewalCalibrationRow>();
        foreach (var band in bands.Bands.Reverse())
        {
            var row = Row(band.Label, counts, TableProbability(table, band), priorStrength, level);
            rows.Add(row);
            fitted[band.Label] = row.FittedProbability;
            if (colours.TryGetValue(band.Label, out var colour))
            {
                fitted[colour] = row.FittedProbability;
            }
        }

        if (counts.ContainsKey(BacktestReport.NoScore))
        {
            rows.Add(Row(BacktestReport.NoScore, counts, table.DefaultProbability, priorStrength, level));
        }

        var decided = counts.Values.Sum(c => c.Decided);
        return new RenewalCalibration(rows.AsReadOnly(), decided, undecided, priorStrength, new RenewalProbabilityTable(fitted, table.DefaultProbability));
    }

    private static double TableProbability(RenewalProbabilityTable table, HealthBand band) =>
        table.ByLabel.TryGetValue(band.Label, out var byLabel) ? byLabel : table.ProbabilityOf(band.Color.ToString());

    private static RenewalCalibrationRow Row(string band, Dictionary<string, (long Renewed, long Decided)> counts, double prior, double strength, double level)
    {
        var (renewed, decided) = counts.GetValueOrDefault(band);
        var observed = ProportionInterval.Wilson(renewed, decided, level);
        var fitted = decided + strength > 0 ? (renewed + (strength * prior)) / (decided + strength) : prior;
        return new RenewalCalibrationRow(band, observed, prior, fitted);
    }
}
