using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Health;
using CustomerSuccess.Renewals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Backtesting;

/// <summary>The renewal table checked against a small history, worked by hand.</summary>
public sealed class RenewalCalibrationTests
{
    private static readonly LocalDate Day = new(2026, 1, 1);

    private static BacktestSnapshot Snap(HealthBandScheme bands, string account, double? health, int month = 1) =>
        new(account, new LocalDate(2026, month, 1), health is { } h ? new HealthScore(h, bands.Classify(h), 1) : default);

    /// <summary>
    /// Green: 8 of 10 decided accounts renewed (G9 and G10 churned; G11 is still active, so undecided); "R-then-G" was
    /// Red in January and Green in February, its last snapshot before it renewed, so it is the eighth Green renewal.
    /// Red: 1 of 5. Yellow: none decided. No score: 2 of 2. With the default table and a prior of 20 accounts:
    /// Green (8 + 20 × 0.95) / (10 + 20) = 0.9; Red (1 + 20 × 0.5) / 25 = 0.44; Yellow stays 0.80; no score
    /// (2 + 20 × 0.85) / 22.
    /// </summary>
    [Fact]
    public void EachBandsRenewalRate_IsSmoothedTowardTheTable()
    {
        var bands = HealthBandSchemes.GreenYellowRed;
        var snapshots = new List<BacktestSnapshot>();
        var outcomes = new List<AccountOutcome>();
        void Add(string account, double? health, OutcomeKind kind)
        {
            snapshots.Add(Snap(bands, account, health));
            outcomes.Add(new AccountOutcome(account, kind, new LocalDate(2026, 6, 1)));
        }

        for (var i = 1; i <= 7; i++)
        {
            Add($"G{i}", 90, OutcomeKind.Renewed);
        }

        Add("G9", 85, OutcomeKind.Churned);
        Add("G10", 85, OutcomeKind.Churned);
        Add("G11", 85, OutcomeKind.Active);
        snapshots.Add(Snap(bands, "R-then-G", 30));
        snapshots.Add(Snap(bands, "R-then-G", 88, month: 2));
        outcomes.Add(new AccountOutcome("R-then-G", OutcomeKind.Renewed, new LocalDate(2026, 3, 1)));
        Add("R1", 30, OutcomeKind.Renewed);
        for (var i = 2; i <= 5; i++)
        {
            Add($"R{i}", 20, OutcomeKind.Churned);
        }

        Add("N1", null, OutcomeKind.Renewed);
        Add("N2", null, OutcomeKind.Renewed);

        var calibration = RenewalCalibration.Build(snapshots, outcomes, bands);

        Assert.Equal((17L, 1L, 20.0), (calibration.Decided, calibration.Undecided, calibration.PriorStrength));
        Assert.Equal(["Green 8/10 0.95", "Yellow 0/0 0.8", "Red 1/5 0.5", "no score 2/2 0.85"],
            calibration.Rows.Select(r => FormattableString.Invariant($"{r.Band} {r.Observed.Events}/{r.Observed.Trials} {r.TableProbability}")));
        Assert.Equal([0.9, 0.8, 0.44, Math.Round(19.0 / 22, 12)], calibration.Rows.Select(r => Math.Round(r.FittedProbability, 12)));
        Assert.False(calibration.Rows[1].Observed.IsDefined);
        Assert.False(calibration.Rows[1].TableOutsideInterval);

        // Green renewed 80 % (Wilson 49.0 % – 94.3 %): the table's 95 % is above it. Red's 20 % (3.6 % – 62.4 %) holds 50 %.
        Assert.Equal([true, false, false, false], calibration.Rows.Select(r => r.TableOutsideInterval));
        Assert.Equal(0.943, calibration.Rows[0].Observed.Upper, 3);
        Assert.Equal(0.9, calibration.Fitted.ProbabilityOf("green"), 12);
        Assert.Equal(0.44, calibration.Fitted.ProbabilityOf("Red"), 12);
        Assert.Equal(0.25, calibration.Fitted.ProbabilityOf("Critical"));
        Assert.Equal(0.85, calibration.Fitted.DefaultProbability);
    }

    [Fact]
    public void APriorOfZero_IsTheObservedRate_AndAColourSharedByTwoBandsIsLeftAlone()
    {
        // seed-001's bands: Healthy is the only Green, Neutral the only Yellow; At Risk and Critical are both Red.
        var bands = HealthBandSchemes.HealthyNeutralAtRiskCritical;
        BacktestSnapshot[] snapshots = [Snap(bands, "A", 90), Snap(bands, "B", 90), Snap(bands, "C", 70), Snap(bands, "D", 50)];
        AccountOutcome[] outcomes =
        [
            new("A", OutcomeKind.Renewed, Day.PlusMonths(6)), new("B", OutcomeKind.Churned, Day.PlusMonths(6)),
            new("C", OutcomeKind.Churned, Day.PlusMonths(6)), new("D", OutcomeKind.Renewed, Day.PlusMonths(6)),
        ];

        var calibration = RenewalCalibration.Build(snapshots, outcomes, bands, priorStrength: 0);

        Assert.Equal(["Healthy 0.5", "Neutral 0", "At Risk 1", "Critical 0.25"], calibration.Rows.Select(r => FormattableString.Invariant($"{r.Band} {r.FittedProbability}")));
        // Healthy renewed 1 of 2: Wilson's [0.09, 0.91] is below the table's 0.95; Neutral 0 of 1, [0, 0.79], below 0.80;
        // At Risk 1 of 1, [0.21, 1], holds 0.5; Critical has no account.
        Assert.Equal([true, true, false, false], calibration.Rows.Select(r => r.TableOutsideInterval));
        Assert.Equal(0.5, calibration.Fitted.ProbabilityOf("Green"));
        Assert.Equal(0, calibration.Fitted.ProbabilityOf("Yellow"));
        Assert.Equal(0.5, calibration.Fitted.ProbabilityOf("Red")); // the table's, untouched
        Assert.Equal(1, calibration.Fitted.ProbabilityOf("at risk"));
        Assert.Equal(0.25, calibration.Rows[3].FittedProbability); // Critical, no account: the table's entry of that label (a risk level's)
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        var bands = HealthBandSchemes.GreenYellowRed;
        Assert.Throws<ArgumentOutOfRangeException>(() => RenewalCalibration.Build([], [], bands, priorStrength: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RenewalCalibration.Build([], [], bands, priorStrength: double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => RenewalCalibration.Build([], [], bands, level: 1));
        var error = Assert.Throws<ArgumentException>(() => RenewalCalibration.Build([Snap(bands, "A", 90, month: 7)], [new AccountOutcome("A", OutcomeKind.Renewed, new LocalDate(2026, 6, 1))], bands));
        Assert.Contains("account 'A' has a snapshot on 2026-07-01, after its history ends (2026-06-01).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFittedTable_DrivesTheForecast()
    {
        var bands = HealthBandSchemes.GreenYellowRed;
        var calibration = RenewalCalibration.Build([Snap(bands, "A", 30)], [new AccountOutcome("A", OutcomeKind.Churned, new LocalDate(2026, 6, 1))], bands);
        var contract = new Contract("K", new LocalDate(2025, 9, 1), Period.FromYears(1), autoRenews: true, 21_000m);

        var forecast = RenewalForecast.Build([new RenewalForecastInput(contract, "Red")], Day, calibration.Fitted);

        // Red: (0 + 20 × 0.5) / 21, so 21 000 × 10 / 21 expected.
        var renewal = Assert.Single(forecast.Renewals);
        Assert.Equal(10.0 / 21, renewal.Probability, 12);
        Assert.Equal(10_000m, Math.Round(renewal.ExpectedRevenue, 6));
    }
}
