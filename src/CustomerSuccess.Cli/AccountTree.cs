using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Cli;

/// <summary>
/// The accounts of an input with a <c>parent_id</c> column, as they are scored (in input order, on one thread), and
/// their parents' roll-ups once the input ends: health weighted by ARR, churn level, ARR, earliest renewal and NPS
/// pooled, by the library's hierarchy roll-up.
/// </summary>
internal sealed class AccountTree
{
    private readonly List<(string Account, string? Parent)> _links = [];
    private readonly List<AccountFigures> _figures = [];

    /// <summary>How many accounts have been added.</summary>
    public int Count => _links.Count;

    /// <summary>Adds a scored account.</summary>
    public void Add(in ScoredRow row)
    {
        var r = row.Row;
        _links.Add((r.Id, r.ParentId));
        _figures.Add(new AccountFigures(r.Id)
        {
            AnnualRecurringRevenue = r.Signals.AnnualRecurringRevenue,
            Seats = r.Seats,
            Health = r.Health,
            ChurnLevel = row.Churn.Level,
            RiskScore = row.Churn.RiskScore,
            RenewalDate = r.Signals.RenewalDate,
            Nps = r.Signals.LatestNpsResponse is { } response ? NpsSummary.Empty.Add(response) : NpsSummary.Empty,
        });
    }

    /// <summary>
    /// Every parent's roll-up, in input order; or, when the accounts do not make a hierarchy (a parent that is no row
    /// of the input, accounts that are each other's ancestors), null and the problem, naming the accounts.
    /// </summary>
    public IReadOnlyDictionary<string, AccountRollUp>? RollUp(HealthBandScheme bands, out string? problem)
    {
        problem = null;
        try
        {
            var hierarchy = AccountHierarchy.Build(_links);
            return HierarchyRollUp.RollUp(hierarchy, _figures, bands);
        }
        catch (ArgumentException e)
        {
            problem = Echo.MessageOf(e);
            return null;
        }
    }

    /// <summary>The roll-ups most at risk first: by churn level, then by health (lowest first), then by id.</summary>
    public static IEnumerable<AccountRollUp> ByRisk(IReadOnlyDictionary<string, AccountRollUp> rollUps) =>
        rollUps.Values
            .OrderByDescending(r => r.ChurnLevel ?? (Churn.ChurnRiskLevel)(-1))
            .ThenBy(r => r.Health.HasScore ? r.Health.Value : double.MaxValue)
            .ThenBy(r => r.Account, StringComparer.Ordinal);
}
