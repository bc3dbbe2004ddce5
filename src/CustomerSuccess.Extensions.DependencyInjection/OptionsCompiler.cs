using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Renewals;

namespace CustomerSuccess.DependencyInjection;

/// <summary>Turns options into core objects, and lists every problem with its configuration path.</summary>
internal static class OptionsCompiler
{
    /// <summary>The valid renewal playbook names.</summary>
    internal static readonly string[] PlaybookNames = ["seed-003", "seed-004"];

    /// <summary>The names a model entry's <c>Preset</c> takes: the model presets, and "onboarding", the onboarding profile's model.</summary>
    internal static IEnumerable<string> PresetNames => HealthScoreModels.All.Select(m => m.Name).Append(OnboardingHealth.Model.Name);

    /// <summary>The preset of that name, ignoring case: a model preset, or the onboarding profile's model.</summary>
    internal static bool TryPreset(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WeightedHealthScoreModel? model)
    {
        if (HealthScoreModels.TryGet(name, out model))
        {
            return true;
        }

        model = string.Equals(name, OnboardingHealth.Model.Name, StringComparison.OrdinalIgnoreCase) ? OnboardingHealth.Model : null;
        return model is not null;
    }

    internal static IHealthScoreModel BuildModel(string name, HealthModelOptions m)
    {
        if (m.Instance is { } instance)
        {
            return instance;
        }

        WeightedHealthScoreModel model;
        if (m.Preset is { } preset)
        {
            TryPreset(preset, out var found);
            model = found!.WithName(name);
        }
        else
        {
            var weights = m.Weights ?? [];
            // Configuration does not keep key order, so the components of a configured model are in key order (ordinal,
            // ignoring case); keyed inputs do not depend on it.
            var components = weights.OrderBy(w => w.Key, StringComparer.OrdinalIgnoreCase).Select(w => new HealthComponent(w.Key, w.Key, w.Value));
            model = new WeightedHealthScoreModel(name, components, HealthBandSchemes.HealthyNeutralAtRiskCritical);
        }

        if (m.Bands is { Count: > 0 } bands)
        {
            var ordered = bands.OrderBy(b => b.LowerBound).ToList();
            model = model.WithBands(new HealthBandScheme($"{name}-bands", ordered.Select((b, i) => new HealthBand(b.Label, b.LowerBound, b.Color, i))));
        }
        else if (m.BandScheme is { } scheme)
        {
            model = model.WithBands(HealthBandSchemes.Get(scheme));
        }

        if (m.MissingData is not null || m.MinimumCoverage is not null)
        {
            model = model.WithMissingData(new MissingDataPolicy(
                m.MissingData ?? MissingDataHandling.Renormalize,
                m.MinimumCoverage ?? MissingDataPolicy.DefaultMinimumCoverage));
        }

        return model;
    }

    /// <summary>The default follow-up plan's actions and owners, with the delays of the options.</summary>
    internal static NpsFollowUpPlan FollowUps(NpsOptions o)
    {
        var d = NpsFollowUpPlan.Default;
        NpsFollowUpStep Step(NpsFollowUpStep step, int hours) => new(step.Action, step.Owner, NodaTime.Duration.FromHours(hours));
        return new NpsFollowUpPlan(
            [Step(d.Detractor[0], o.DetractorOutreachHours), Step(d.Detractor[1], o.DetractorRecoveryPlanHours), Step(d.Detractor[2], o.DetractorEscalationHours)],
            [Step(d.Passive[0], o.PassiveQuestionHours), Step(d.Passive[1], o.PassiveValueReinforcementHours)],
            [Step(d.Promoter[0], o.PromoterShareInternallyHours), Step(d.Promoter[1], o.PromoterThanksHours), Step(d.Promoter[2], o.PromoterAdvocacyHours)]);
    }

    internal static NpsSurveyCadence Cadence(NpsOptions o) => new(o.FirstSurveyAfterDays, o.SecondSurveyAfterDays, o.ThenEveryMonths);

    internal static RenewalPlaybook Playbook(RenewalOptions o) =>
        string.Equals(o.Playbook, "seed-003", StringComparison.OrdinalIgnoreCase) ? RenewalPlaybook.Seed003
        : string.Equals(o.Playbook, "seed-004", StringComparison.OrdinalIgnoreCase) ? RenewalPlaybook.Seed004
        : throw new ArgumentException($"'{o.Playbook}' is not a renewal playbook; valid names: {string.Join(", ", PlaybookNames)}.", nameof(o));

    internal static RenewalProbabilityTable Probabilities(RenewalOptions o) => new(o.Probabilities, o.DefaultProbability);

    /// <summary>Every problem, each starting with its configuration path.</summary>
    internal static List<string> Problems(CustomerSuccessOptions o, string path)
    {
        var problems = new List<string>();
        foreach (var (name, model) in o.HealthModels)
        {
            ModelProblems($"{path}:HealthModels:{name}", name, model, problems);
        }

        var known = HealthScoreModels.All.Select(m => m.Name).Concat(o.HealthModels.Keys).ToList();
        if (!known.Contains(o.DefaultHealthModel ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{path}:DefaultHealthModel '{o.DefaultHealthModel}' names no model; valid names: {string.Join(", ", known)}.");
        }

        problems.AddRange(o.Churn.Validate().Select(p => $"{path}:Churn: {p}"));
        problems.AddRange(o.Expansion.Validate().Select(p => $"{path}:Expansion: {p}"));
        Catch(problems, $"{path}:Onboarding", () => new OnboardingTracker(o.Onboarding));
        if (o.Nps.MinimumResponses < 1)
        {
            problems.Add(Invariant($"{path}:Nps:MinimumResponses is {o.Nps.MinimumResponses}; it must be 1 or more."));
        }

        if (!(o.Nps.ConfidenceLevel > 0 && o.Nps.ConfidenceLevel < 1))
        {
            problems.Add(Invariant($"{path}:Nps:ConfidenceLevel is {o.Nps.ConfidenceLevel}; it must be in (0, 1)."));
        }

        Catch(problems, $"{path}:Nps", () => Cadence(o.Nps));
        Catch(problems, $"{path}:Nps", () => FollowUps(o.Nps));
        Catch(problems, $"{path}:Renewals:Playbook", () => Playbook(o.Renewals));
        Catch(problems, $"{path}:Renewals:Probabilities", () => Probabilities(o.Renewals));
        if (o.Renewals.WindowDays < 0)
        {
            problems.Add(Invariant($"{path}:Renewals:WindowDays is {o.Renewals.WindowDays}; it must be 0 or more."));
        }

        return problems;
    }

    /// <summary>The problems of one health model's entry, <paramref name="at"/> its configuration path ("" for a whole file).</summary>
    internal static void ModelProblems(string at, string name, HealthModelOptions? model, List<string> problems)
    {
        var before = problems.Count;
        var here = at.Length == 0 ? "the model" : at;
        string Key(string key) => at.Length == 0 ? key : $"{at}:{key}";
        if (model is null)
        {
            problems.Add($"{here} is empty; set Preset or Weights.");
            return;
        }

        if (model.Instance is not null)
        {
            return;
        }

        if ((model.Preset is null) == (model.Weights is null))
        {
            problems.Add($"{here} must set exactly one of Preset and Weights.");
            return;
        }

        if (model.Preset is { } preset && !TryPreset(preset, out _))
        {
            problems.Add($"{Key("Preset")} '{preset}' is not a preset; valid names: {string.Join(", ", PresetNames)}.");
            return;
        }

        if (model.Weights is { } weights)
        {
            var sum = weights.Values.Sum();
            if (weights.Count == 0)
            {
                problems.Add($"{Key("Weights")} is empty; at least one component is needed.");
                return;
            }

            foreach (var (key, weight) in weights.Where(w => !(w.Value >= 0 && double.IsFinite(w.Value))))
            {
                problems.Add(Invariant($"{Key("Weights:" + key)} is {weight}; a weight must be a finite number, 0 or more."));
            }

            if (double.IsFinite(sum) && Math.Abs(sum - 1) > WeightedHealthScoreModel.WeightSumTolerance)
            {
                problems.Add(Invariant($"{Key("Weights")} sum to {sum.ToString("G12", CultureInfo.InvariantCulture)}, must sum to 1."));
            }
        }

        if (model.BandScheme is { } scheme && model.Bands is null && !HealthBandSchemes.TryGet(scheme, out _))
        {
            problems.Add($"{Key("BandScheme")} '{scheme}' is not a preset band scheme; valid names: {string.Join(", ", HealthBandSchemes.All.Select(s => s.Name))}.");
        }

        if (problems.Count == before)
        {
            Catch(problems, here, () => BuildModel(name, model));
        }
    }

    private static void Catch(List<string> problems, string at, Action build)
    {
        try
        {
            build();
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{at}: {MessageOf(ex)}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>An argument exception's message without the framework's "(Parameter 'name')": the path says where.</summary>
    internal static string MessageOf(ArgumentException ex) =>
        ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
}
