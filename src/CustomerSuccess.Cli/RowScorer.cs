using System;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;

namespace CustomerSuccess.Cli;

/// <summary>A scored row: what the library says about one customer.</summary>
internal sealed record ScoredRow(CustomerRow Row, HealthScore Health, ChurnAssessment Churn, ExpansionOpportunity? BestExpansion);

/// <summary>Scores parsed rows with the library: health, churn risk, expansion.</summary>
internal sealed class RowScorer(IHealthScoreModel model)
{
    private readonly RuleBasedChurnRiskAssessor _churn = new();
    private readonly ExpansionOpportunityScorer _expansion = new();

    /// <summary>
    /// The plans the tool prices expansion with: seat and upgrade estimates need a price list, and a CRM export rarely
    /// carries one. Documented in docs/cli.md.
    /// </summary>
    public static ExpansionCatalog Catalog { get; } = new(
    [
        new ExpansionPlan("Starter", 1, 300m, 30m, ["dashboards", "exports"]),
        new ExpansionPlan("Business", 2, 900m, 40m, ["dashboards", "exports", "sso", "api"]),
        new ExpansionPlan("Enterprise", 3, 2_000m, 50m, ["dashboards", "exports", "sso", "api", "audit-log", "sandbox"]),
    ]);

    public IHealthScoreModel Model => model;

    /// <summary>Scores a row whose component scores, in model order, are <paramref name="components"/>. Thread-safe.</summary>
    public ScoredRow Score(CustomerRow row, ReadOnlySpan<double> components)
    {
        var health = model.Score(components);
        var churn = _churn.Assess(health.HasScore ? row.Signals with { HealthScore = health.Value } : row.Signals);
        ExpansionOpportunity? best = null;
        if (row.Expansion is { } account)
        {
            best = _expansion.Best(account with { HealthBand = health.HasScore ? health.Band : null }, Catalog);
        }

        return new ScoredRow(row, health, churn, best);
    }
}
