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

    /// <summary>
    /// One parent's roll-up, in one pass over its members (a hierarchy of a million accounts rolls up in well under a
    /// second): sums by churn level, so each level's share and its largest account are known without a pass per level.
    /// </summary>
    private static AccountRollUp Roll(string parent, List<AccountFigures> members, HealthBandScheme bands, HealthRollUp health, double levelArrShare)
    {
        const int Levels = (int)ChurnRiskLevel.Critical + 1;
        Span<double> levelArr = stackalloc double[Levels];
        Span<int> levelCount = stackalloc int[Levels];
        var levelLargest = new AccountFigures?[Levels];
        decimal arr = 0;
        double riskWeight = 0, riskSum = 0, riskPlain = 0;
        var riskCount = 0;
        double weightTotal = 0, scoredWeight = 0, healthSum = 0, healthPlain = 0;
        var scoredCount = 0;
        AccountFigures? renewal = null, lowest = null;
        var nps = NpsSummary.Empty;
        var ids = new string[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            ids[i] = m.Account;
            var memberArr = m.AnnualRecurringRevenue ?? 0;
            var arrWeight = (double)memberArr;
            arr += memberArr;
            if (m.ChurnLevel is { } level)
            {
                var l = (int)level;
                levelArr[l] += arrWeight;
                levelCount[l]++;
                if (levelLargest[l] is not { } largest || Larger(m, largest))
                {
                    levelLargest[l] = m;
                }
            }

            if (m.RiskScore is { } risk)
            {
                riskCount++;
                riskWeight += arrWeight;
                riskSum += risk * arrWeight;
                riskPlain += risk;
            }

            if (m.RenewalDate is { } date && (renewal is null || date < renewal.RenewalDate!.Value || (date == renewal.RenewalDate && Before(m, renewal))))
            {
                renewal = m;
            }

            nps = nps.Merge(m.Nps);
            var weight = health == HealthRollUp.SeatWeighted ? m.Seats ?? 0 : arrWeight;
            weightTotal += weight;
            if (m.Health.HasScore)
            {
                scoredCount++;
                scoredWeight += weight;
                healthSum += m.Health.Value * weight;
                healthPlain += m.Health.Value;
                if (lowest is null || m.Health.Value < lowest.Health.Value || (m.Health.Value == lowest.Health.Value && Before(m, lowest)))
                {
                    lowest = m;
                }
            }
        }

        var (rolledLevel, levelFrom) = Level(levelArr, levelCount, levelLargest, levelArrShare);
        double? riskScore = riskCount == 0 ? null : riskWeight > 0 ? riskSum / riskWeight : riskPlain / riskCount;
        HealthScore rolled = default;
        if (lowest is not null)
        {
            var coverage = weightTotal > 0 ? scoredWeight / weightTotal : (double)scoredCount / members.Count;
            var value = health == HealthRollUp.Worst ? lowest.Health.Value : scoredWeight > 0 ? healthSum / scoredWeight : healthPlain / scoredCount;
            value = Math.Clamp(value, 0, 100);
            rolled = HealthScore.Trusted(value, bands.BandAt(bands.RankOf(value)), Math.Min(coverage, 1));
        }

        return new AccountRollUp(parent, Array.AsReadOnly(ids), arr, rolled, lowest?.Account,
            rolledLevel, levelFrom, riskScore, renewal?.RenewalDate, renewal?.Account, nps);
    }

    /// <summary>Whether <paramref name="x"/> comes before <paramref name="y"/> on a tie: by account id, ordinally.</summary>
    private static bool Before(AccountFigures x, AccountFigures y) => string.CompareOrdinal(x.Account, y.Account) < 0;

    /// <summary>Whether <paramref name="x"/> holds more ARR than <paramref name="y"/>, or as much with the earlier id.</summary>
    private static bool Larger(AccountFigures x, AccountFigures y)
    {
        var a = x.AnnualRecurringRevenue ?? 0;
        var b = y.AnnualRecurringRevenue ?? 0;
        return a > b || (a == b && Before(x, y));
    }

    /// <summary>
    /// The highest level whose members (at it or above) hold the share of the ARR of the members with a level; with no
    /// ARR at all, the highest level; and the member with the most ARR at that level or above.
    /// </summary>
    private static (ChurnRiskLevel? Level, string? From) Level(ReadOnlySpan<double> levelArr, ReadOnlySpan<int> levelCount, AccountFigures?[] levelLargest, double share)
    {
        var total = 0.0;
        var leveled = 0;
        for (var l = 0; l < levelArr.Length; l++)
        {
            total += levelArr[l];
            leveled += levelCount[l];
        }

        if (leveled == 0)
        {
            return (null, null);
        }

        var held = 0.0;
        var count = 0;
        AccountFigures? largest = null;
        for (var l = levelArr.Length - 1; l >= 0; l--)
        {
            held += levelArr[l];
            count += levelCount[l];
            if (levelLargest[l] is { } candidate && (largest is null || Larger(candidate, largest)))
            {
                largest = candidate;
            }

            if (l == (int)ChurnRiskLevel.Low || (count > 0 && (total <= 0 || held >= (share * total) - 1e-9)))
            {
                return ((ChurnRiskLevel)l, largest!.Account);
            }
        }

        return (null, null);
    }
}
