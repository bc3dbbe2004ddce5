using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Expansion;

/// <summary>
/// Finds every expansion opportunity of seed 003 and the triggers of seed 004, scores each exactly as seed 003 does,
/// ranks them, and applies seed 004's value-first gate.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: the options are copied and checked when it is built.</para>
/// <para>
/// Score = min(revenue ÷ 100 000, 1) × 0.4 + probability × 0.3 + (180 − timeline days) ÷ 180 × 0.2 + fit × 0.1, with
/// fit 0.7 when unknown; the cap and the weights are options. With valid options every score is in [0, 1], and it
/// never falls with more revenue, a higher probability, a shorter timeline or a better fit.
/// </para>
/// </remarks>
public sealed class ExpansionOpportunityScorer : IExpansionOpportunityScorer
{
    /// <summary>Seed 003's next steps for seat and storage opportunities.</summary>
    private static readonly IReadOnlyList<string> UsageSteps = Array.AsReadOnly(["Review usage trends in next QBR", "Prepare cost-benefit analysis", "Identify power users for testimonial"]);

    /// <summary>Seed 003's next steps for plan upgrades.</summary>
    private static readonly IReadOnlyList<string> UpgradeSteps = Array.AsReadOnly(["Demo advanced features", "Connect with decision maker", "Provide trial of higher tier"]);

    /// <summary>Seed 003's next steps for cross-sells.</summary>
    private static readonly IReadOnlyList<string> CrossSellSteps = Array.AsReadOnly(["Understand current workflow", "Arrange product demo", "Introduce to product specialist"]);

    /// <summary>Seed 004's referral steps (and seed 000's promoter follow-up).</summary>
    private static readonly IReadOnlyList<string> ReferralSteps = Array.AsReadOnly(["Thank the customer", "Ask for a referral", "Invite to a testimonial or review"]);

    private readonly ExpansionOptions _o;

    /// <summary>Creates a scorer.</summary>
    /// <param name="options">Thresholds, probabilities, timelines, weights and the gate; the defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ExpansionOpportunityScorer(ExpansionOptions? options = null)
    {
        var o = options ?? new ExpansionOptions();
        Guard.NoProblems([.. o.Validate()], "Expansion options", nameof(options));
        _o = o.Snapshot();
    }

    /// <summary>Seed 003's score of an opportunity's figures.</summary>
    /// <param name="annualRevenue">Estimated revenue a year, 0 or more.</param>
    /// <param name="probability">Probability of closing, in [0, 1].</param>
    /// <param name="timelineDays">Days to close, in [0, the horizon].</param>
    /// <param name="fit">Fit in [0, 1], or null for unknown (0.7 by default).</param>
    /// <returns>The score, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names it.</exception>
    public double Score(decimal annualRevenue, double probability, int timelineDays, double? fit)
    {
        Money.NotNegative(annualRevenue, "the estimated revenue", nameof(annualRevenue));
        Guard.InRange(probability, 0, 1, "the probability", nameof(probability));
        if (timelineDays < 0 || timelineDays > _o.TimelineHorizonDays)
        {
            throw new ArgumentOutOfRangeException(nameof(timelineDays), timelineDays, $"the timeline must be in [0, {_o.TimelineHorizonDays}] days but was {timelineDays}.");
        }

        if (fit is { } f)
        {
            Guard.InRange(f, 0, 1, "the fit", nameof(fit));
        }

        var revenue = (double)Math.Min(annualRevenue / _o.RevenueCap, 1m);
        var timeline = (double)(_o.TimelineHorizonDays - timelineDays) / _o.TimelineHorizonDays;
        return (revenue * _o.RevenueWeight) + (probability * _o.ProbabilityWeight) + (timeline * _o.TimelineWeight) + ((fit ?? _o.UnknownFit) * _o.FitWeight);
    }

    /// <inheritdoc />
    public ExpansionAssessment Assess(ExpansionAccount account, ExpansionCatalog catalog)
    {
        var found = Candidates(account, catalog);
        var ranked = new List<ExpansionOpportunity>(found.Count);
        foreach (var candidate in found)
        {
            ranked.Add(candidate.Build());
        }

        ranked = [.. ranked.OrderByDescending(o => o.Score).ThenBy(o => o.Type)];
        if (Gated(account) is { } reason)
        {
            return new ExpansionAssessment(
                account.AccountId,
                ranked.Where(o => !o.IsUpsell).ToList().AsReadOnly(),
                ranked.Where(o => o.IsUpsell).ToList().AsReadOnly(),
                reason);
        }

        return new ExpansionAssessment(account.AccountId, ranked.AsReadOnly(), Array.Empty<ExpansionOpportunity>(), null);
    }

    /// <summary>
    /// The first opportunity <see cref="Assess"/> would rank (the best one the value-first gate lets through), without
    /// building the texts of the others: for scoring many accounts when only the best opportunity is wanted.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The plans and products.</param>
    /// <returns>The opportunity equal to the first of <see cref="ExpansionAssessment.Opportunities"/>, or null when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An account value is out of range; the message names it.</exception>
    /// <exception cref="ArgumentException">The account's plan is not in the catalogue.</exception>
    public ExpansionOpportunity? Best(ExpansionAccount account, ExpansionCatalog catalog)
    {
        var found = Candidates(account, catalog);
        var gated = Gated(account) is not null;
        Candidate? best = null;
        foreach (var candidate in found)
        {
            // Assess ranks by score, then type, keeping the order found among equals: the first strictly better wins.
            if ((gated && candidate.IsUpsell)
                || (best is { } b && (candidate.Score < b.Score || (candidate.Score == b.Score && candidate.Type >= b.Type))))
            {
                continue;
            }

            best = candidate;
        }

        return best?.Build();
    }

    /// <summary>Every opportunity of the account, scored, with its trigger text not yet written.</summary>
    private List<Candidate> Candidates(ExpansionAccount account, ExpansionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(catalog);
        account.Validate();
        var plan = catalog.Plan(account.PlanName);
        var found = new List<Candidate>();
        Seats(account, plan, found);
        Storage(account, found);
        Upgrades(account, plan, catalog, found);
        CrossSells(account, catalog, found);
        Referral(account, found);
        return found;
    }

    /// <summary>Seed 004's value-first gate: the reason no upsell is offered, or null when upsells are.</summary>
    private string? Gated(ExpansionAccount account) =>
        _o.MinimumHealthColorForUpsell is { } minimum && account.HealthBand is { } band && band.Color < minimum
            ? $"value first: health band '{band.Label}' ({band.Color}) is below {minimum}, so no upsell is offered until the account gets value"
            : null;

    private void Seats(ExpansionAccount a, ExpansionPlan plan, List<Candidate> found)
    {
        var utilization = (double)a.SeatsUsed / a.SeatsLicensed;
        var nearLimit = utilization > _o.SeatUtilizationThreshold;
        if (!nearLimit && a.NewTeamMembers == 0)
        {
            return;
        }

        var increase = Math.Max(nearLimit ? (int)Math.Ceiling(a.SeatsLicensed * _o.SeatIncreaseShare) : 0, a.NewTeamMembers);
        string Trigger()
        {
            var triggers = new List<string>(2);
            if (nearLimit)
            {
                triggers.Add(Text($"approaching the user limit: {a.SeatsUsed} of {a.SeatsLicensed} seats in use ({utilization:0.#%})"));
            }

            if (a.NewTeamMembers > 0)
            {
                triggers.Add(Text($"{a.NewTeamMembers} new team member{(a.NewTeamMembers == 1 ? string.Empty : "s")}"));
            }

            return string.Join("; ", triggers);
        }

        var revenue = increase * plan.MonthlyPricePerSeat * 12;
        found.Add(Opportunity(ExpansionOpportunityType.Seats, "Additional user licences", Trigger, revenue, _o.SeatProbability, _o.SeatTimelineDays, null, UsageSteps, increase));
    }

    private void Storage(ExpansionAccount a, List<Candidate> found)
    {
        if (a.StorageIncludedGb is not { } included || a.StorageUsedGb / included <= _o.StorageUtilizationThreshold)
        {
            return;
        }

        string Trigger() => Text($"high storage utilization: {a.StorageUsedGb:0.#} of {included:0.#} GB ({a.StorageUsedGb / included:0.#%})");
        found.Add(Opportunity(ExpansionOpportunityType.Storage, "Additional storage", Trigger, _o.StorageMonthlyPrice * 12, _o.StorageProbability, _o.StorageTimelineDays, null, UsageSteps, _o.StorageIncreaseGb));
    }

    private void Upgrades(ExpansionAccount a, ExpansionPlan current, ExpansionCatalog catalog, List<Candidate> found)
    {
        foreach (var higher in catalog.Plans)
        {
            if (higher.Tier <= current.Tier || a.FeaturesUsed.Count == 0)
            {
                continue;
            }

            var needed = higher.Features.Where(f => a.FeaturesUsed.Contains(f) && !current.Features.Contains(f)).Order(StringComparer.OrdinalIgnoreCase).ToList();
            if (needed.Count == 0)
            {
                continue;
            }

            var probability = Math.Min(_o.UpgradeProbabilityCap, _o.UpgradeBaseProbability + (_o.UpgradeProbabilityPerExtraFeature * (needed.Count - 1)));
            var revenue = Math.Max(0, higher.MonthlyPrice - current.MonthlyPrice) * 12;
            var name = higher.Name;
            found.Add(Opportunity(ExpansionOpportunityType.PlanUpgrade, name, () => $"uses features of {name}: {string.Join(", ", needed)}", revenue, probability, _o.UpgradeTimelineDays, null, UpgradeSteps, null));
        }
    }

    private void CrossSells(ExpansionAccount a, ExpansionCatalog catalog, List<Candidate> found)
    {
        foreach (var product in catalog.Products)
        {
            if (a.OwnedProducts.Contains(product.Id))
            {
                continue;
            }

            double fit;
            Func<string> trigger;
            if (a.ProductFit.TryGetValue(product.Id, out var known))
            {
                fit = known;
                trigger = () => Text($"product fit {known:0.##}");
            }
            else if (a.NewUseCase)
            {
                // Seed 004: a new use case leads to a cross-sell; with no fit measured, seed 003's default fit applies.
                fit = _o.UnknownFit;
                trigger = static () => "new use case";
            }
            else
            {
                continue;
            }

            if (fit <= _o.CrossSellFitThreshold)
            {
                continue;
            }

            found.Add(Opportunity(ExpansionOpportunityType.CrossSell, product.Name, trigger, product.MonthlyBasePrice * 12, fit * _o.CrossSellProbabilityFactor, _o.CrossSellTimelineDays, fit, CrossSellSteps, null));
        }
    }

    private void Referral(ExpansionAccount a, List<Candidate> found)
    {
        var promoter = a.LatestNpsResponse is { } nps && nps >= _o.ReferralNpsMinimum;
        if (!promoter && !a.PositiveReview)
        {
            return;
        }

        Func<string> trigger = promoter ? () => Text($"positive NPS response ({a.LatestNpsResponse})") : static () => "positive review";
        found.Add(Opportunity(ExpansionOpportunityType.Referral, "Referral", trigger, 0m, _o.ReferralProbability, _o.ReferralTimelineDays, null, ReferralSteps, null));
    }

    private Candidate Opportunity(ExpansionOpportunityType type, string product, Func<string> trigger, decimal revenue, double probability, int days, double? fit, IReadOnlyList<string> steps, double? increase) =>
        new(type, product, trigger, revenue, probability, days, fit, Score(revenue, probability, days, fit), steps, increase);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A scored opportunity whose trigger text is written only when it is built.</summary>
    private readonly record struct Candidate(
        ExpansionOpportunityType Type,
        string Product,
        Func<string> Trigger,
        decimal Revenue,
        double Probability,
        int Days,
        double? Fit,
        double Score,
        IReadOnlyList<string> Steps,
        double? Increase)
    {
        public bool IsUpsell => ExpansionOpportunity.Upsell(Type);

        public ExpansionOpportunity Build() => new(Type, Product, Trigger(), Revenue, Probability, Days, Fit, Score, Steps, Increase);
    }
}
