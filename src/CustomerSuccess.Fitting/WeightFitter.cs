using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Health;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerSuccess.Fitting;

/// <summary>
/// Fits a weighted model's weights to a history: a logistic regression of churn within the horizon on the component
/// scores (over 100), with a small ridge penalty, minimized by Math.NET Numerics' BFGS; each component's weight is then
/// its share of the protective (negative) coefficients, so the weights are non-negative and sum to 1 as a weighted
/// model needs. The accounts are split in two by a seeded shuffle, the fit made on one part, and the fitted and the
/// original weights measured by their AUC on the other. Stateless and thread-safe.
/// </summary>
public static class WeightFitter
{
    /// <summary>Fits <paramref name="model"/>'s weights to a history.</summary>
    /// <param name="model">The model whose weights to fit; its component order is the snapshots' score order.</param>
    /// <param name="snapshots">Each account's component scores on the days of its history.</param>
    /// <param name="outcomes">How each account's history ends, one per account with a snapshot.</param>
    /// <param name="options">The horizon, the split and the penalty; <see cref="WeightFitOptions.Default"/> when null.</param>
    /// <returns>The fit, undefined (and saying why) when the history cannot support one.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/>, a snapshot or an outcome is null.</exception>
    /// <exception cref="ArgumentException">
    /// The history is invalid: an account has two outcomes or none, or two snapshots on one day; a snapshot is on or after
    /// its account churned or after its history ends; a snapshot has another number of scores than the model has
    /// components, or a score outside [0, 100]. The message names every such account.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (naming it).</exception>
    public static WeightFit Fit(WeightedHealthScoreModel model, IEnumerable<ComponentSnapshot> snapshots, IEnumerable<AccountOutcome> outcomes, WeightFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(outcomes);
        options ??= WeightFitOptions.Default;
        Check(options);
        var k = model.Components.Count;
        var (byAccount, rows) = Read(model, snapshots, outcomes);

        // The split: the accounts in ordinal order, shuffled by the seed, the first share held out.
        var accounts = rows.Select(r => r.Account).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(options.Seed).Shuffle(accounts);
        var heldOutCount = (int)Math.Round(accounts.Length * options.HeldOutShare, MidpointRounding.AwayFromZero);
        var heldOut = accounts.Take(heldOutCount).ToHashSet(StringComparer.Ordinal);

        var train = new List<(ReadOnlyMemory<double> Scores, bool Churned)>();
        var test = new List<(ReadOnlyMemory<double> Scores, bool Churned)>();
        long censored = 0, incomplete = 0;
        foreach (var row in rows)
        {
            var label = byAccount[row.Account].LabelAt(row.AsOf, options.HorizonDays);
            if (label == HorizonLabel.Censored)
            {
                censored++;
                continue;
            }

            if (HasMissing(row.Scores.Span))
            {
                incomplete++;
                continue;
            }

            (heldOut.Contains(row.Account) ? test : train).Add((row.Scores, label == HorizonLabel.Churned));
        }

        var counts = new FitCounts(accounts.Length - heldOut.Count, heldOut.Count, train.Count, test.Count, censored, incomplete);
        var originalAuc = Auc(model, test, options.Level);
        var reason = train.Count == 0 ? "no training snapshot is labelled with every component."
            : train.All(t => t.Churned) || !train.Exists(t => t.Churned) ? "the training snapshots are all of one class (all churned, or none did): a regression needs both."
            : test.Count == 0 ? "no account is held out to measure the fit: give more accounts or a larger held-out share."
            : null;
        if (reason is not null)
        {
            return Undefined(model, reason, originalAuc, counts, options.Level);
        }

        var (intercept, coefficients) = Regress(train, k, options.Ridge);
        var protective = coefficients.Select(c => Math.Max(0, -c)).ToArray();
        var total = protective.Sum();
        if (!(total > 0))
        {
            return Undefined(model, "no component's coefficient is protective (lower churn with a higher score): the history does not support a weighted health score.", originalAuc, counts, options.Level, intercept, coefficients);
        }

        var weights = protective.Select(p => p / total).ToArray();
        weights[Array.IndexOf(weights, weights.Max())] += 1 - weights.Sum(); // the sum exactly 1 within rounding
        var fitted = new WeightedHealthScoreModel(model.Name + " (fitted)",
            model.Components.Select((c, i) => new HealthComponent(c.Key, c.DisplayName, weights[i])), model.Bands, model.MissingData);
        var components = model.Components.Select((c, i) => new FittedComponent(c.Key, c.Weight, weights[i], coefficients[i])).ToList().AsReadOnly();
        return new WeightFit(model, fitted, null, components, intercept, originalAuc, Auc(fitted, test, options.Level), counts);
    }

    private static bool HasMissing(ReadOnlySpan<double> scores)
    {
        foreach (var s in scores)
        {
            if (double.IsNaN(s))
            {
                return true;
            }
        }

        return false;
    }

    private static WeightFit Undefined(WeightedHealthScoreModel model, string reason, AucEstimate originalAuc, FitCounts counts, double level, double intercept = 0, double[]? coefficients = null) =>
        new(model, null, reason,
            model.Components.Select((c, i) => new FittedComponent(c.Key, c.Weight, 0, coefficients?[i] ?? 0)).ToList().AsReadOnly(),
            intercept, originalAuc, RocAuc.Compute([], [], higherMeansOutcome: false, level), counts);

    private static void Check(WeightFitOptions options)
    {
        if (options.HorizonDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HorizonDays, "WeightFitOptions.HorizonDays must be 1 day or more.");
        }

        if (!(options.HeldOutShare > 0 && options.HeldOutShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HeldOutShare, "WeightFitOptions.HeldOutShare must be in (0, 1).");
        }

        if (!(options.Ridge >= 0 && double.IsFinite(options.Ridge)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Ridge, "WeightFitOptions.Ridge must be a finite number, 0 or more.");
        }

        if (!(options.Level > 0 && options.Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Level, "WeightFitOptions.Level must be in (0, 1).");
        }
    }

    /// <summary>Reads and checks the history: every problem named at once.</summary>
    private static (Dictionary<string, AccountOutcome> Outcomes, List<ComponentSnapshot> Rows) Read(WeightedHealthScoreModel model, IEnumerable<ComponentSnapshot> snapshots, IEnumerable<AccountOutcome> outcomes)
    {
        var problems = new List<string>();
        var byAccount = new Dictionary<string, AccountOutcome>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            ArgumentNullException.ThrowIfNull(outcome, nameof(outcomes));
            if (!byAccount.TryAdd(outcome.Account, outcome))
            {
                problems.Add($"account '{outcome.Account}' has two outcomes.");
            }
        }

        var rows = new List<ComponentSnapshot>();
        var days = new HashSet<(string, NodaTime.LocalDate)>();
        var k = model.Components.Count;
        foreach (var snapshot in snapshots)
        {
            ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
            var problem = !byAccount.TryGetValue(snapshot.Account, out var outcome) ? $"account '{snapshot.Account}' has a snapshot but no outcome."
                : snapshot.Scores.Length != k ? string.Create(CultureInfo.InvariantCulture, $"account '{snapshot.Account}' has a snapshot of {snapshot.Scores.Length} scores; the model '{model.Name}' has {k} components.")
                : OutOfRange(snapshot) is { } bad ? bad
                : !days.Add((snapshot.Account, snapshot.AsOf)) ? $"account '{snapshot.Account}' has two snapshots on {snapshot.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}."
                : outcome.ProblemWith(snapshot.AsOf);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            rows.Add(snapshot);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(problems.Count == 1
                ? $"The history is invalid: {problems[0]}"
                : string.Create(CultureInfo.InvariantCulture, $"The history is invalid ({problems.Count} problems):{Environment.NewLine}- ") + string.Join(Environment.NewLine + "- ", problems), nameof(snapshots));
        }

        return (byAccount, rows);
    }

    private static string? OutOfRange(ComponentSnapshot snapshot)
    {
        var scores = snapshot.Scores.Span;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsNaN(scores[i]) && !(scores[i] >= 0 && scores[i] <= 100))
            {
                return string.Create(CultureInfo.InvariantCulture, $"account '{snapshot.Account}' has a score #{i} of {scores[i]}; a component score is in [0, 100], or NaN where missing.");
            }
        }

        return null;
    }

    /// <summary>The AUC of a model's score on labelled complete snapshots, a lower score meaning churn.</summary>
    private static AucEstimate Auc(WeightedHealthScoreModel model, List<(ReadOnlyMemory<double> Scores, bool Churned)> rows, double level)
    {
        var scores = new double[rows.Count];
        var churned = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            scores[i] = model.Score(rows[i].Scores.Span).Value;
            churned[i] = rows[i].Churned;
        }

        return RocAuc.Compute(scores, churned, higherMeansOutcome: false, level);
    }

    /// <summary>
    /// The intercept and coefficients minimizing the mean log-loss of churn on the scores over 100, plus half the ridge
    /// times the coefficients' squared sum (the intercept is not penalized), from zeros, by BFGS.
    /// </summary>
    private static (double Intercept, double[] Coefficients) Regress(List<(ReadOnlyMemory<double> Scores, bool Churned)> rows, int k, double ridge)
    {
        var n = rows.Count;
        var x = new double[n * k];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var scores = rows[i].Scores.Span;
            for (var j = 0; j < k; j++)
            {
                x[(i * k) + j] = scores[j] / 100;
            }

            y[i] = rows[i].Churned ? 1 : 0;
        }

        (double, Vector<double>) LossAndGradient(Vector<double> beta)
        {
            var gradient = new double[k + 1];
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                var z = beta[0];
                for (var j = 0; j < k; j++)
                {
                    z += beta[j + 1] * x[(i * k) + j];
                }

                // log(1 + e^z) - y z, computed without overflow from e^-|z|; its derivative in z is sigmoid(z) - y.
                var e = Math.Exp(-Math.Abs(z));
                loss += Math.Max(z, 0) + Math.Log(1 + e) - (y[i] * z);
                var residual = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y[i];
                gradient[0] += residual;
                for (var j = 0; j < k; j++)
                {
                    gradient[j + 1] += residual * x[(i * k) + j];
                }
            }

            loss /= n;
            for (var j = 0; j <= k; j++)
            {
                gradient[j] /= n;
            }

            for (var j = 1; j <= k; j++)
            {
                loss += ridge / 2 * beta[j] * beta[j];
                gradient[j] += ridge * beta[j];
            }

            return (loss, Vector<double>.Build.DenseOfArray(gradient));
        }

        var minimizer = new BfgsMinimizer(gradientTolerance: 1e-7, parameterTolerance: 1e-9, functionProgressTolerance: 1e-12, maximumIterations: 1000);
        var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(LossAndGradient), Vector<double>.Build.Dense(k + 1));
        var point = result.MinimizingPoint;
        return (point[0], [.. point.Skip(1)]);
    }
}
