using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using NodaTime;

namespace CustomerSuccess.Portfolio;

/// <summary>How a parent's health is rolled up from the accounts under it.</summary>
public enum HealthRollUp
{
    /// <summary>The mean of the scores weighted by ARR (the default).</summary>
    ArrWeighted = 0,

    /// <summary>The lowest score.</summary>
    Worst = 1,

    /// <summary>The mean of the scores weighted by seats.</summary>
    SeatWeighted = 2,
}

/// <summary>What one account of a hierarchy brings to its parents' roll-ups; every figure but the account is optional.</summary>
/// <param name="Account">The account's id. Not empty.</param>
/// <remarks>Immutable and thread-safe; the figures' ranges are checked by <see cref="HierarchyRollUp.RollUp"/>, which names every account at fault.</remarks>
public sealed record AccountFigures(string Account)
{
    /// <summary>The account's id.</summary>
    public string Account { get; init; } = string.IsNullOrWhiteSpace(Account) ? throw new ArgumentException("the account's id is empty.", nameof(Account)) : Account;

    /// <summary>Its ARR, 0 or more; required of every account with a parent (the roll-ups weigh by it).</summary>
    public decimal? AnnualRecurringRevenue { get; init; }

    /// <summary>Its seats, 0 or more; required by <see cref="HealthRollUp.SeatWeighted"/>.</summary>
    public int? Seats { get; init; }

    /// <summary>Its health score; <c>default</c>: none.</summary>
    public HealthScore Health { get; init; }

    /// <summary>Its churn-risk level, or null.</summary>
    public ChurnRiskLevel? ChurnLevel { get; init; }

    /// <summary>Its churn risk score in [0, 100], or null.</summary>
    public double? RiskScore { get; init; }

    /// <summary>Its next renewal, or null.</summary>
    public LocalDate? RenewalDate { get; init; }

    /// <summary>Its NPS responses, counted; empty by default.</summary>
    public NpsSummary Nps { get; init; }
}

/// <summary>A parent's figures, rolled up from itself and every account under it.</summary>
/// <param name="Account">The parent.</param>
/// <param name="Members">The accounts rolled up: every account under it, and itself when it has an ARR of its own.</param>
/// <param name="AnnualRecurringRevenue">The members' ARR, summed.</param>
/// <param name="Health">The rolled-up health (by the roll-up chosen), with the share of the weight that had a score as its coverage; no score when no member has one.</param>
/// <param name="LowestHealthAccount">The member with the lowest health score, or null.</param>
/// <param name="ChurnLevel">The highest level whose members (at it or above) hold the share of ARR the options name; null when no member has a level.</param>
/// <param name="ChurnLevelFrom">The member with the most ARR at <paramref name="ChurnLevel"/> or above, or null.</param>
/// <param name="RiskScore">The members' risk scores, weighted by ARR, or null.</param>
/// <param name="EarliestRenewal">The members' earliest renewal, or null.</param>
/// <param name="EarliestRenewalAccount">The member that renews first, or null.</param>
/// <param name="Nps">The members' NPS responses, pooled.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AccountRollUp(
    string Account,
    IReadOnlyList<string> Members,
    decimal AnnualRecurringRevenue,
    HealthScore Health,
    string? LowestHealthAccount,
    ChurnRiskLevel? ChurnLevel,
    string? ChurnLevelFrom,
    double? RiskScore,
    LocalDate? EarliestRenewal,
    string? EarliestRenewalAccount,
    NpsSummary Nps)
{
    /// <summary>The parent.</summary>
    public string Account { get; init; } = string.IsNullOrWhiteSpace(Account) ? throw new ArgumentException("the parent's id is empty.", nameof(Account)) : Account;

    /// <summary>The accounts rolled up.</summary>
    public IReadOnlyList<string> Members { get; init; } = Members ?? throw new ArgumentNullException(nameof(Members));

    /// <summary>The rolled-up churn level, or null.</summary>
    public ChurnRiskLevel? ChurnLevel { get; init; } = ChurnLevel is { } level ? Internal.Guard.Defined(level, nameof(ChurnLevel)) : null;
}

/// <summary>
/// Rolls the figures of child accounts up to their parents: health (ARR-weighted by default; the worst, or weighted by
/// seats), churn risk (a parent is at least as at risk as the accounts under it holding a tenth of its ARR), the
/// earliest renewal, NPS (the responses pooled, not the scores averaged) and revenue retention (the parent's own NRR
/// from its children's MRR).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class HierarchyRollUp
{
    /// <summary>The default share of a parent's ARR that accounts at a churn level must hold to give the parent that level: 0.10 (ours).</summary>
    public const double DefaultLevelArrShare = 0.10;

    /// <summary>Rolls up every parent of a hierarchy.</summary>
    /// <param name="hierarchy">The hierarchy.</param>
    /// <param name="figures">The figures of every account of the hierarchy, once each.</param>
    /// <param name="bands">The band scheme that labels a rolled-up health score.</param>
    /// <param name="health">How health is rolled up; <see cref="HealthRollUp.ArrWeighted"/> by default.</param>
    /// <param name="levelArrShare">
    /// The share of ARR, in (0, 1], that accounts at a churn level (or above) must hold to give their parent that level;
    /// <see cref="DefaultLevelArrShare"/> by default. So a child holding a tenth of the parent's ARR at Critical makes
    /// the parent Critical, and so do several smaller ones together.
    /// </param>
    /// <returns>Each parent's roll-up, by account, in the hierarchy's order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// Figures name an account not in the hierarchy or one account twice; an account has no figures; an account with
    /// a parent has no ARR; an ARR or seat count is negative; a risk score is outside [0, 100]; seat weighting is asked for and a member has no seats.
    /// The message names every such account.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="health"/> is not defined, or <paramref name="levelArrShare"/> is not in (0, 1].</exception>
    public static IReadOnlyDictionary<string, AccountRollUp> RollUp(
        AccountHierarchy hierarchy,
        IEnumerable<AccountFigures> figures,
        HealthBandScheme bands,
        HealthRollUp health = HealthRollUp.ArrWeighted,
        double levelArrShare = DefaultLevelArrShare)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(bands);
        Internal.Guard.Defined(health, nameof(health));
        if (!(levelArrShare > 0 && levelArrShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(levelArrShare), levelArrShare, "the ARR share must be in (0, 1].");
        }

        var byAccount = Check(hierarchy, figures, health);
        var result = new Dictionary<string, AccountRollUp>(StringComparer.Ordinal);
        foreach (var parent in hierarchy.Parents)
        {
            var members = hierarchy.SubtreeOf(parent).Where(a => a != parent || byAccount[a].AnnualRecurringRevenue is not null).Select(a => byAccount[a]).ToList();
            result[parent] = Roll(parent, members, bands, health, levelArrShare);
        }

        return result;
    }

    /// <summary>
    /// Each parent's revenue retention, from the subscriptions of every account under it (and its own) taken as the
    /// parent's: a child that churns while its parent stays is a downsell of the parent, a child added is an expansion.
    /// </summary>
    /// <param name="hierarchy">The hierarchy.</param>
    /// <param name="subscriptions">The subscriptions of the hierarchy's accounts.</param>
    /// <param name="periodStart">The first day of the period.</param>
    /// <param name="periodEnd">The end day of the period.</param>
    /// <returns>Each parent's retention, by account, in the hierarchy's order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A subscription is null or names an account not in the hierarchy, or the period is empty.</exception>
    public static IReadOnlyDictionary<string, RetentionMetrics> Retention(
        AccountHierarchy hierarchy,
        IEnumerable<SubscriptionRecord> subscriptions,
        LocalDate periodStart,
        LocalDate periodEnd)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var byAccount = new Dictionary<string, List<SubscriptionRecord>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var s in subscriptions)
        {
            if (s is null || !hierarchy.Contains(s.AccountId))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"subscription #{index} {(s is null ? "is null" : $"names the account '{s.AccountId}', which is not in the hierarchy")}."), nameof(subscriptions));
            }

            if (!byAccount.TryGetValue(s.AccountId, out var list))
            {
                byAccount[s.AccountId] = list = [];
            }

            list.Add(s);
            index++;
        }

        var result = new Dictionary<string, RetentionMetrics>(StringComparer.Ordinal);
        foreach (var parent in hierarchy.Parents)
        {
            var asParent = hierarchy.SubtreeOf(parent)
                .SelectMany(a => byAccount.GetValueOrDefault(a) ?? [])
                .Select(s => new SubscriptionRecord(parent, s.Start, s.End, s.MonthlyRecurringRevenue));
            result[parent] = RetentionMetrics.Compute(asParent, periodStart, periodEnd);
        }

        return result;
    }

    private static Dictionary<string, AccountFigures> Check(AccountHierarchy hierarchy, IEnumerable<AccountFigures> figures, HealthRollUp health)
    {
        var byAccount = new Dictionary<string, AccountFigures>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var f in figures)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(figures));
            if (!hierarchy.Contains(f.Account))
            {
                problems.Add($"figures name the account '{f.Account}', which is not in the hierarchy.");
            }
            else if (!byAccount.TryAdd(f.Account, f))
            {
                problems.Add($"the account '{f.Account}' has figures twice.");
            }
        }

        foreach (var account in hierarchy.Accounts)
        {
            if (!byAccount.TryGetValue(account, out var f))
            {
                problems.Add($"the account '{account}' has no figures.");
                continue;
            }

            var hasParent = hierarchy.ParentOf(account) is not null;
            if (f.AnnualRecurringRevenue is null && hasParent)
            {
                problems.Add($"the account '{account}' has a parent but no ARR: a parent's figures are weighted by its children's ARR.");
            }

            if (f.AnnualRecurringRevenue < 0 || f.Seats < 0)
            {
                problems.Add($"the account '{account}' has a negative {(f.Seats < 0 ? "seat count" : "ARR")}.");
            }

            if (f.RiskScore is { } risk && !(risk >= 0 && risk <= 100))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the account '{account}' has a risk score of {risk}; it must be in [0, 100]."));
            }

            if (health == HealthRollUp.SeatWeighted && f.Seats is null && (hasParent || f.AnnualRecurringRevenue is not null))
            {
                problems.Add($"the account '{account}' has no seats, and health is weighted by seats.");
            }
        }

        Internal.Guard.NoProblems(problems, "The figures of the hierarchy", nameof(figures));
        return byAccount;
    }

    private static AccountRollUp Roll(string parent, List<AccountFigures> members, HealthBandScheme bands, HealthRollUp health, double levelArrShare)
    {
        var arr = members.Sum(m => m.AnnualRecurringRevenue ?? 0);
        var (level, levelFrom) = Level(members, levelArrShare);
        var risk = WeightedMean(members.Where(m => m.RiskScore is not null).Select(m => (m.RiskScore!.Value, (double)(m.AnnualRecurringRevenue ?? 0))).ToList());
        var renewal = members.Where(m => m.RenewalDate is not null).OrderBy(m => m.RenewalDate).ThenBy(m => m.Account, StringComparer.Ordinal).FirstOrDefault();
        var nps = members.Aggregate(NpsSummary.Empty, (sum, m) => sum.Merge(m.Nps));
        var lowest = members.Where(m => m.Health.HasScore).OrderBy(m => m.Health.Value).ThenBy(m => m.Account, StringComparer.Ordinal).FirstOrDefault();
        return new AccountRollUp(parent, members.Select(m => m.Account).ToList().AsReadOnly(), arr, Health(members, bands, health, lowest), lowest?.Account,
            level, levelFrom, risk, renewal?.RenewalDate, renewal?.Account, nps);
    }

    private static HealthScore Health(List<AccountFigures> members, HealthBandScheme bands, HealthRollUp health, AccountFigures? lowest)
    {
        if (lowest is null)
        {
            return default;
        }

        double Weight(AccountFigures m) => health == HealthRollUp.SeatWeighted ? m.Seats ?? 0 : (double)(m.AnnualRecurringRevenue ?? 0);
        var total = members.Sum(Weight);
        var scored = members.Where(m => m.Health.HasScore).ToList();
        var coverage = total > 0 ? scored.Sum(Weight) / total : (double)scored.Count / members.Count;
        var value = health == HealthRollUp.Worst ? lowest.Health.Value : WeightedMean(scored.Select(m => (m.Health.Value, Weight(m))).ToList())!.Value;
        value = Math.Clamp(value, 0, 100);
        return HealthScore.Trusted(value, bands.BandAt(bands.RankOf(value)), Math.Min(coverage, 1));
    }

    /// <summary>The highest level whose members (at it or above) hold the share of ARR; with no ARR at all, the highest level.</summary>
    private static (ChurnRiskLevel? Level, string? From) Level(List<AccountFigures> members, double share)
    {
        var leveled = members.Where(m => m.ChurnLevel is not null).ToList();
        if (leveled.Count == 0)
        {
            return (null, null);
        }

        var total = leveled.Sum(m => (double)(m.AnnualRecurringRevenue ?? 0));
        for (var level = ChurnRiskLevel.Critical; level > ChurnRiskLevel.Low; level--)
        {
            var atOrAbove = leveled.Where(m => m.ChurnLevel >= level).ToList();
            var held = atOrAbove.Sum(m => (double)(m.AnnualRecurringRevenue ?? 0));
            if (atOrAbove.Count > 0 && (total <= 0 || held >= (share * total) - 1e-9))
            {
                return (level, Largest(atOrAbove));
            }
        }

        return (ChurnRiskLevel.Low, Largest(leveled));
    }

    private static string Largest(List<AccountFigures> members) =>
        members.OrderByDescending(m => m.AnnualRecurringRevenue ?? 0).ThenBy(m => m.Account, StringComparer.Ordinal).First().Account;

    /// <summary>The weighted mean; with no weight at all, the plain mean; null for no values.</summary>
    private static double? WeightedMean(List<(double Value, double Weight)> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var weight = values.Sum(v => v.Weight);
        return weight > 0 ? values.Sum(v => v.Value * v.Weight) / weight : values.Average(v => v.Value);
    }
}
