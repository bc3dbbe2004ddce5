using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Expansion;

/// <summary>
/// Finds every expansion opportunity of the CS Expert playbook and the triggers of the CS Agent playbook, scores each exactly as the CS Expert playbook does,
/// ranks them, and applies the CS Agent playbook's value-first gate.
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
    /// <summary>The CS Expert playbook's next steps for seat and storage opportunities.</summary>
    private static readonly IReadOnlyList<string> UsageSteps = Array.AsReadOnly(["Review usage trends in next QBR", "Prepare cost-benefit analysis", "Identify power users for testimonial"]);

    /// <summary>The CS Expert playbook's next steps for plan upgrades.</summary>
    private static readonly IReadOnlyList<string> UpgradeSteps = Array.AsReadOnly(["Demo advanced features", "Connect with decision maker", "Provide trial of higher tier"]);

    /// <summary>The CS Expert playbook's next steps for cross-sells.</summary>
    private static readonly IReadOnlyList<string> CrossSellSteps = Array.AsReadOnly(["Understand current workflow", "Arrange product demo", "Introduce to product specialist"]);

    /// <summary>The CS Agent playbook's referral steps (and the Petra playbook's promoter follow-up).</summary>
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

    /// <summary>The CS Expert playbook's score of an opportunity's figures.</summary>
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
        var found = new AllCandidates();
        var plan = Candidates(account, catalog, ref found);
        var ranked = new List<ExpansionOpportunity>(found.List.Count);
        foreach (var candidate in found.List)
        {
            ranked.Add(Build(candidate, account, plan, catalog));
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
        var best = new BestCandidate();
        var plan = Candidates(account, catalog, ref best);
        return best.Found ? Build(best.Best, account, plan, catalog) : null;
    }

    /// <summary>
    /// The opportunity <see cref="Best"/> returns, without its trigger text: the same type, product, figures and next
    /// steps, and no allocation. For scoring many accounts when only what to sell is shown.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The plans and products.</param>
    /// <returns>The brief of the best opportunity, or null when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An account value is out of range; the message names it.</exception>
    /// <exception cref="ArgumentException">The account's plan is not in the catalogue.</exception>
    public ExpansionOpportunityBrief? BestBrief(ExpansionAccount account, ExpansionCatalog catalog)
    {
        var best = new BestCandidate();
        Candidates(account, catalog, ref best);
        if (!best.Found)
        {
            return null;
        }

        var c = best.Best;
        return new ExpansionOpportunityBrief(c.Type, c.Product, c.Revenue, c.Probability, c.Days, c.Fit, c.Score, c.Steps, c.Increase);
    }

    /// <summary>Finds every opportunity of the account, scored, with its trigger text not yet written; returns the account's plan.</summary>
    private ExpansionPlan Candidates<TFound>(ExpansionAccount account, ExpansionCatalog catalog, ref TFound found)
        where TFound : struct, IFound
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(catalog);
        account.Validate();
        var plan = catalog.Plan(account.PlanName);
        found.Gated = IsGated(account);
        Seats(account, plan, ref found);
        Storage(account, ref found);
        Upgrades(account, plan, catalog, ref found);
        CrossSells(account, catalog, ref found);
        Referral(account, ref found);
        return plan;
    }

    /// <summary>Whether the CS Agent playbook's value-first gate holds back upsells.</summary>
    private bool IsGated(ExpansionAccount account) =>
        _o.MinimumHealthColorForUpsell is { } minimum && account.HealthBand is { } band && band.Color < minimum;

    /// <summary>The CS Agent playbook's value-first gate: the reason no upsell is offered, or null when upsells are.</summary>
    private string? Gated(ExpansionAccount account) =>
        IsGated(account) && account.HealthBand is { } band
            ? $"value first: health band '{band.Label}' ({band.Color}) is below {_o.MinimumHealthColorForUpsell}, so no upsell is offered until the account gets value"
            : null;

    private bool NearSeatLimit(ExpansionAccount a, out double utilization)
    {
        utilization = (double)a.SeatsUsed / a.SeatsLicensed;
        return utilization > _o.SeatUtilizationThreshold;
    }

    private void Seats<TFound>(ExpansionAccount a, ExpansionPlan plan, ref TFound found)
        where TFound : struct, IFound
    {
        var nearLimit = NearSeatLimit(a, out _);
        if (!nearLimit && a.NewTeamMembers == 0)
        {
            return;
        }

        var increase = Math.Max(nearLimit ? (int)Math.Ceiling(a.SeatsLicensed * _o.SeatIncreaseShare) : 0, a.NewTeamMembers);
        var revenue = increase * plan.MonthlyPricePerSeat * 12;
        found.Add(Opportunity(ExpansionOpportunityType.Seats, "Additional user licences", null, revenue, _o.SeatProbability, _o.SeatTimelineDays, null, UsageSteps, increase));
    }

    private void Storage<TFound>(ExpansionAccount a, ref TFound found)
        where TFound : struct, IFound
    {
        if (a.StorageIncludedGb is not { } included || a.StorageUsedGb / included <= _o.StorageUtilizationThreshold)
        {
            return;
        }

        found.Add(Opportunity(ExpansionOpportunityType.Storage, "Additional storage", null, _o.StorageMonthlyPrice * 12, _o.StorageProbability, _o.StorageTimelineDays, null, UsageSteps, _o.StorageIncreaseGb));
    }

    private void Upgrades<TFound>(ExpansionAccount a, ExpansionPlan current, ExpansionCatalog catalog, ref TFound found)
        where TFound : struct, IFound
    {
        if (a.FeaturesUsed.Count == 0)
        {
            return;
        }

        for (var i = 0; i < catalog.Plans.Count; i++)
        {
            var higher = catalog.Plans[i];
            if (higher.Tier <= current.Tier)
            {
                continue;
            }

            var needed = 0;
            foreach (var feature in higher.FeatureArray)
            {
                if (IsNeeded(a, current, feature))
                {
                    needed++;
                }
            }

            if (needed == 0)
            {
                continue;
            }

            var probability = Math.Min(_o.UpgradeProbabilityCap, _o.UpgradeBaseProbability + (_o.UpgradeProbabilityPerExtraFeature * (needed - 1)));
            var revenue = Math.Max(0, higher.MonthlyPrice - current.MonthlyPrice) * 12;
            found.Add(Opportunity(ExpansionOpportunityType.PlanUpgrade, higher.Name, higher.Name, revenue, probability, _o.UpgradeTimelineDays, null, UpgradeSteps, null));
        }
    }

    /// <summary>The features the account uses that the higher plan has and its own plan lacks, in name order (<see cref="Upgrades"/> counts the same ones).</summary>
    private static List<string> NeededFeatures(ExpansionAccount a, ExpansionPlan current, ExpansionPlan higher) =>
        higher.Features.Where(f => IsNeeded(a, current, f)).Order(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Whether the account uses a feature its own plan lacks.</summary>
    private static bool IsNeeded(ExpansionAccount a, ExpansionPlan current, string feature) =>
        a.FeaturesUsed.Contains(feature) && !current.Features.Contains(feature);

    private void CrossSells<TFound>(ExpansionAccount a, ExpansionCatalog catalog, ref TFound found)
        where TFound : struct, IFound
    {
        for (var i = 0; i < catalog.Products.Count; i++)
        {
            var product = catalog.Products[i];
            if (a.OwnedProducts.Contains(product.Id))
            {
                continue;
            }

            double fit;
            if (a.ProductFit.TryGetValue(product.Id, out var known))
            {
                fit = known;
            }
            else if (a.NewUseCase)
            {
                // The CS Agent playbook: a new use case leads to a cross-sell; with no fit measured, the CS Expert playbook's default fit applies.
                fit = _o.UnknownFit;
            }
            else
            {
                continue;
            }

            if (fit <= _o.CrossSellFitThreshold)
            {
                continue;
            }

            found.Add(Opportunity(ExpansionOpportunityType.CrossSell, product.Name, product.Id, product.MonthlyBasePrice * 12, fit * _o.CrossSellProbabilityFactor, _o.CrossSellTimelineDays, fit, CrossSellSteps, null));
        }
    }

    private bool Promoter(ExpansionAccount a) => a.LatestNpsResponse is { } nps && nps >= _o.ReferralNpsMinimum;

    private void Referral<TFound>(ExpansionAccount a, ref TFound found)
        where TFound : struct, IFound
    {
        if (!Promoter(a) && !a.PositiveReview)
        {
            return;
        }

        found.Add(Opportunity(ExpansionOpportunityType.Referral, "Referral", null, 0m, _o.ReferralProbability, _o.ReferralTimelineDays, null, ReferralSteps, null));
    }

    private Candidate Opportunity(ExpansionOpportunityType type, string product, string? key, decimal revenue, double probability, int days, double? fit, IReadOnlyList<string> steps, double? increase) =>
        new(type, product, key, revenue, probability, days, fit, Score(revenue, probability, days, fit), steps, increase);

    /// <summary>The opportunity of a candidate, its trigger text written from the account it was found for.</summary>
    private ExpansionOpportunity Build(in Candidate c, ExpansionAccount a, ExpansionPlan plan, ExpansionCatalog catalog) =>
        new(c.Type, c.Product, Trigger(c, a, plan, catalog), c.Revenue, c.Probability, c.Days, c.Fit, c.Score, c.Steps, c.Increase);

    /// <summary>Why the opportunity was found: written only for the opportunities a caller gets.</summary>
    private string Trigger(in Candidate c, ExpansionAccount a, ExpansionPlan plan, ExpansionCatalog catalog)
    {
        switch (c.Type)
        {
            case ExpansionOpportunityType.Seats:
                var nearLimit = NearSeatLimit(a, out var utilization);
                var seats = nearLimit ? string.Create(CultureInfo.InvariantCulture, $"approaching the user limit: {a.SeatsUsed} of {a.SeatsLicensed} seats in use ({utilization:0.#%})") : null;
                var members = a.NewTeamMembers > 0 ? string.Create(CultureInfo.InvariantCulture, $"{a.NewTeamMembers} new team member{(a.NewTeamMembers == 1 ? string.Empty : "s")}") : null;
                return seats is not null && members is not null ? $"{seats}; {members}" : seats ?? members ?? string.Empty;
            case ExpansionOpportunityType.Storage:
                var included = a.StorageIncludedGb.GetValueOrDefault();
                return string.Create(CultureInfo.InvariantCulture, $"high storage utilization: {a.StorageUsedGb:0.#} of {included:0.#} GB ({a.StorageUsedGb / included:0.#%})");
            case ExpansionOpportunityType.PlanUpgrade:
                return $"uses features of {c.Key}: {string.Join(", ", NeededFeatures(a, plan, catalog.Plan(c.Key!)))}";
            case ExpansionOpportunityType.CrossSell:
                return a.ProductFit.TryGetValue(c.Key!, out var known) ? string.Create(CultureInfo.InvariantCulture, $"product fit {known:0.##}") : "new use case";
            default:
                return Promoter(a) ? string.Create(CultureInfo.InvariantCulture, $"positive NPS response ({a.LatestNpsResponse})") : "positive review";
        }
    }

    /// <summary>Where found candidates go: all of them (for <see cref="Assess"/>) or only the best (for <see cref="Best"/>).</summary>
    private interface IFound
    {
        /// <summary>Whether upsells are held back by the value-first gate.</summary>
        bool Gated { get; set; }

        void Add(in Candidate candidate);
    }

    /// <summary>Every candidate, in the order found.</summary>
    private struct AllCandidates() : IFound
    {
        public List<Candidate> List { get; } = [];

        public bool Gated { get; set; }

        public readonly void Add(in Candidate candidate) => List.Add(candidate);
    }

    /// <summary>
    /// The candidate <see cref="Assess"/> would rank first: by score, then type, keeping the order found among equals
    /// (the first strictly better wins), and no upsell when the gate holds them back.
    /// </summary>
    private struct BestCandidate : IFound
    {
        public bool Found { get; private set; }

        public Candidate Best { get; private set; }

        public bool Gated { get; set; }

        public void Add(in Candidate candidate)
        {
            if ((Gated && candidate.IsUpsell)
                || (Found && (candidate.Score < Best.Score || (candidate.Score == Best.Score && candidate.Type >= Best.Type))))
            {
                return;
            }

            Best = candidate;
            Found = true;
        }
    }

    /// <summary>A scored opportunity whose trigger text is written only when it is built; <c>Key</c> is the plan name or product id it is about.</summary>
    private readonly record struct Candidate(
        ExpansionOpportunityType Type,
        string Product,
        string? Key,
        decimal Revenue,
        double Probability,
        int Days,
        double? Fit,
        double Score,
        IReadOnlyList<string> Steps,
        double? Increase)
    {
        public bool IsUpsell => ExpansionOpportunity.Upsell(Type);
    }
}
