using System.Collections.Generic;
using CustomerSuccess.Backtesting;
using CustomerSuccess.Health;

namespace CustomerSuccess.Fitting;

/// <summary>
/// Weights fitted to a history, beside the model's own, and how well each orders the held-out accounts' churn: adopt
/// the fitted model when its held-out AUC is clearly above the original's.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class WeightFit
{
    internal WeightFit(WeightedHealthScoreModel original, WeightedHealthScoreModel? fitted, string? undefinedReason, IReadOnlyList<FittedComponent> components, double intercept, AucEstimate originalAuc, AucEstimate fittedAuc, FitCounts counts)
    {
        Original = original;
        Fitted = fitted;
        UndefinedReason = undefinedReason;
        Components = components;
        Intercept = intercept;
        OriginalAuc = originalAuc;
        FittedAuc = fittedAuc;
        TrainingAccounts = counts.TrainingAccounts;
        HeldOutAccounts = counts.HeldOutAccounts;
        TrainingSnapshots = counts.TrainingSnapshots;
        HeldOutSnapshots = counts.HeldOutSnapshots;
        Censored = counts.Censored;
        Incomplete = counts.Incomplete;
    }

    /// <summary>The model whose weights were fitted.</summary>
    public WeightedHealthScoreModel Original { get; }

    /// <summary>The model with the fitted weights (its name followed by " (fitted)", the same bands and missing-data policy), or null when the fit is undefined.</summary>
    public WeightedHealthScoreModel? Fitted { get; }

    /// <summary>Whether weights could be fitted.</summary>
    public bool IsDefined => Fitted is not null;

    /// <summary>Why no weights could be fitted (one class only among the training snapshots, no protective component, no account to hold out), or null.</summary>
    public string? UndefinedReason { get; }

    /// <summary>Each component, in the model's order: its weight before and after, and its coefficient.</summary>
    public IReadOnlyList<FittedComponent> Components { get; }

    /// <summary>The regression's intercept (the log-odds of churn at scores of 0); 0 when undefined.</summary>
    public double Intercept { get; }

    /// <summary>The AUC of the original model's score on the held-out snapshots.</summary>
    public AucEstimate OriginalAuc { get; }

    /// <summary>The AUC of the fitted model's score on the same snapshots; undefined when the fit is.</summary>
    public AucEstimate FittedAuc { get; }

    /// <summary>The fitted AUC less the original's, or null when either is undefined.</summary>
    public double? AucGain => FittedAuc.ValueOrNull - OriginalAuc.ValueOrNull;

    /// <summary>The accounts the weights were fitted on.</summary>
    public int TrainingAccounts { get; }

    /// <summary>The accounts held out to measure them.</summary>
    public int HeldOutAccounts { get; }

    /// <summary>The training accounts' labelled snapshots with every component, the fit's rows.</summary>
    public long TrainingSnapshots { get; }

    /// <summary>The held-out accounts' labelled snapshots with every component, the AUCs' rows.</summary>
    public long HeldOutSnapshots { get; }

    /// <summary>The snapshots observed for less than the horizon, left out.</summary>
    public long Censored { get; }

    /// <summary>The labelled snapshots missing a component, left out (a regression needs every score).</summary>
    public long Incomplete { get; }
}

/// <summary>The counts of a fit.</summary>
internal readonly record struct FitCounts(int TrainingAccounts, int HeldOutAccounts, long TrainingSnapshots, long HeldOutSnapshots, long Censored, long Incomplete);
