using System;
using System.Linq;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Health;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Fitting.Tests;

public sealed class WeightFitterTests
{
    private static readonly WeightedHealthScoreModel Model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;

    /// <summary>
    /// On 3 000 accounts whose churn usage drives most and support next, the fit ranks usage first and support second,
    /// gives the three components that do not drive churn little weight, and orders the held-out accounts' churn at least
    /// as well as the playbook's weights (a statistical test with a fixed seed: margins, not equalities).
    /// </summary>
    [Fact]
    public void OnAPlantedHistory_TheFitRecoversTheOrderOfImportance()
    {
        var (snapshots, outcomes) = PlantedHistory.Generate(3000, seed: 7);

        var fit = WeightFitter.Fit(Model, snapshots, outcomes);

        Assert.True(fit.IsDefined, fit.UndefinedReason);
        var byWeight = fit.Components.OrderByDescending(c => c.FittedWeight).Select(c => c.Key).ToArray();
        Assert.Equal(["usage", "support"], byWeight[..2]);
        Assert.True(fit.Components[0].FittedWeight > 0.55, $"usage {fit.Components[0].FittedWeight}");
        Assert.All(fit.Components.Skip(2), c => Assert.True(c.FittedWeight < 0.1, $"{c.Key} {c.FittedWeight}"));
        Assert.Equal(1, fit.Fitted!.Components.Sum(c => c.Weight), 12);
        Assert.True(fit.FittedAuc.Value >= fit.OriginalAuc.Value - 0.005, $"fitted {fit.FittedAuc.Value} against {fit.OriginalAuc.Value}");
        Assert.Equal((2100, 900), (fit.TrainingAccounts, fit.HeldOutAccounts));
        Assert.True(fit.Censored > 0);
        Assert.Equal(0, fit.Incomplete);
        Assert.Equal("30-20-20-15-15 (fitted)", fit.Fitted.Name);
        Assert.Same(Model.Bands, fit.Fitted.Bands);
    }

    /// <summary>The planted weights order churn better than the same weights shuffled onto other components.</summary>
    [Fact]
    public void OnAPlantedHistory_ThePlantedWeightsBeatAShuffledModel()
    {
        var (snapshots, outcomes) = PlantedHistory.Generate(3000, seed: 11);
        var planted = Weighted("planted", 0.7, 0.3, 0, 0, 0);
        var shuffled = Weighted("shuffled", 0, 0, 0.7, 0.3, 0);

        var fitOfPlanted = WeightFitter.Fit(planted, snapshots, outcomes);
        var fitOfShuffled = WeightFitter.Fit(shuffled, snapshots, outcomes);

        Assert.True(fitOfPlanted.OriginalAuc.Value > fitOfShuffled.OriginalAuc.Value + 0.1,
            $"planted {fitOfPlanted.OriginalAuc.Value}, shuffled {fitOfShuffled.OriginalAuc.Value}");
        Assert.InRange(fitOfShuffled.OriginalAuc.Value, 0.45, 0.55); // components unrelated to churn: chance
        Assert.True(fitOfShuffled.AucGain > 0.1, $"gain {fitOfShuffled.AucGain}"); // the fit repairs the shuffled model
    }

    [Fact]
    public void TheFit_DoesNotDependOnTheRowsOrder_AndTheSeedDecidesTheSplit()
    {
        var (snapshots, outcomes) = PlantedHistory.Generate(400, seed: 3);
        var reversed = Enumerable.Reverse(snapshots).ToList();
        var rotated = outcomes.Skip(100).Concat(outcomes.Take(100)).ToList();

        var fit = WeightFitter.Fit(Model, snapshots, outcomes);
        var again = WeightFitter.Fit(Model, reversed, rotated);
        var otherSeed = WeightFitter.Fit(Model, snapshots, outcomes, new WeightFitOptions { Seed = 2 });

        Assert.Equal(fit.Components.Select(c => Math.Round(c.FittedWeight, 6)), again.Components.Select(c => Math.Round(c.FittedWeight, 6)));
        Assert.Equal(fit.OriginalAuc, again.OriginalAuc);
        Assert.Equal((fit.TrainingSnapshots, fit.HeldOutSnapshots), (again.TrainingSnapshots, again.HeldOutSnapshots));
        Assert.NotEqual(fit.HeldOutSnapshots, otherSeed.HeldOutSnapshots);
        Assert.Equal(120, otherSeed.HeldOutAccounts);
    }

    [Fact]
    public void AHistoryOfOneClass_OrWithoutAProtectiveComponent_IsUndefined_AndSaysWhy()
    {
        var day = new LocalDate(2026, 1, 1);
        var snapshots = Enumerable.Range(0, 20).Select(i => new ComponentSnapshot($"A{i}", day, new double[] { 50 + i, 50, 50, 50, 50 })).ToList();
        var active = snapshots.Select(s => new AccountOutcome(s.Account, OutcomeKind.Active, day.PlusDays(365))).ToList();

        var none = WeightFitter.Fit(Model, snapshots, active);

        Assert.False(none.IsDefined);
        Assert.Null(none.Fitted);
        Assert.Contains("all of one class", none.UndefinedReason, StringComparison.Ordinal);
        Assert.False(none.FittedAuc.IsDefined);
        Assert.False(none.OriginalAuc.IsDefined);
        Assert.Null(none.AucGain);
        Assert.All(none.Components, c => Assert.Equal(0, c.FittedWeight));

        // The better every score, the more churn: no component lowers churn, so no weighted score can be fitted.
        var rising = Enumerable.Range(0, 40).Select(i => new ComponentSnapshot($"A{i}", day, Enumerable.Repeat(30.0 + i, 5).ToArray())).ToList();
        var perverse = rising.Select((s, i) => i % 4 != 0 && i >= 20 || i % 4 == 0 && i < 20
            ? new AccountOutcome(s.Account, OutcomeKind.Churned, day.PlusDays(30))
            : new AccountOutcome(s.Account, OutcomeKind.Active, day.PlusDays(365))).ToList();
        var backwards = WeightFitter.Fit(Model, rising, perverse);

        Assert.False(backwards.IsDefined);
        Assert.Contains("no component's coefficient is protective", backwards.UndefinedReason, StringComparison.Ordinal);
        Assert.True(backwards.Components[0].Coefficient > 0);
    }

    [Fact]
    public void IncompleteSnapshots_AreLeftOutAndCounted()
    {
        var (snapshots, outcomes) = PlantedHistory.Generate(300, seed: 5);
        var holes = snapshots.Select((s, i) => i % 10 == 0 ? s with { Scores = new double[] { double.NaN, 50, 50, 50, 50 } } : s).ToList();

        var full = WeightFitter.Fit(Model, snapshots, outcomes);
        var fit = WeightFitter.Fit(Model, holes, outcomes);

        Assert.True(fit.Incomplete > 0);
        Assert.Equal(full.TrainingSnapshots + full.HeldOutSnapshots, fit.TrainingSnapshots + fit.HeldOutSnapshots + fit.Incomplete);
    }

    [Fact]
    public void BadHistories_AndOptions_AreRefused_NamingEveryAccount()
    {
        var day = new LocalDate(2026, 1, 1);
        ComponentSnapshot[] snapshots =
        [
            new("A", day, new double[] { 50, 50, 50, 50, 50 }), new("B", day, new double[] { 50, 50 }),
            new("C", day, new double[] { 50, 50, 150, 50, 50 }), new("D", day, new double[] { 50, 50, 50, 50, 50 }),
            new("E", day, new double[] { 50, 50, 50, 50, 50 }),
        ];
        AccountOutcome[] outcomes =
        [
            new("A", OutcomeKind.Active, day.PlusDays(365)), new("A", OutcomeKind.Churned, day.PlusDays(10)), new("B", OutcomeKind.Active, day.PlusDays(365)),
            new("C", OutcomeKind.Active, day.PlusDays(365)), new("E", OutcomeKind.Churned, day),
        ];

        var error = Assert.Throws<ArgumentException>(() => WeightFitter.Fit(Model, snapshots, outcomes));

        Assert.Contains("account 'A' has two outcomes.", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 'B' has a snapshot of 2 scores; the model '30-20-20-15-15' has 5 components.", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 'C' has a score #2 of 150", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 'D' has a snapshot but no outcome.", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 'E' has a snapshot on 2026-01-01, on or after it churned (2026-01-01).", error.Message, StringComparison.Ordinal);
        Assert.Equal("snapshots", error.ParamName);

        Assert.Throws<ArgumentOutOfRangeException>(() => WeightFitter.Fit(Model, [], [], new WeightFitOptions { HorizonDays = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightFitter.Fit(Model, [], [], new WeightFitOptions { HeldOutShare = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightFitter.Fit(Model, [], [], new WeightFitOptions { Ridge = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightFitter.Fit(Model, [], [], new WeightFitOptions { Level = 0 }));
        Assert.Throws<ArgumentNullException>(() => WeightFitter.Fit(Model, [null!], []));
        Assert.Throws<ArgumentNullException>(() => WeightFitter.Fit(null!, [], []));
        Assert.Throws<ArgumentException>(() => new ComponentSnapshot(" ", day, new double[5]));
    }

    private static WeightedHealthScoreModel Weighted(string name, params double[] weights) =>
        new(name, Model.Components.Select((c, i) => new HealthComponent(c.Key, c.DisplayName, weights[i])), Model.Bands);
}
