using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;

namespace CustomerSuccess.Cli;

/// <summary>A scored row: what the library says about one customer.</summary>
internal readonly record struct ScoredRow(CustomerRow Row, ChurnRiskBrief Churn, ExpansionOpportunityBrief? BestExpansion)
{
    public HealthScore Health => Row.Health;
}

/// <summary>Assesses parsed rows with the library: churn risk and the best expansion opportunity. Thread-safe.</summary>
internal sealed class RowScorer
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

    /// <summary>Assesses a parsed row, whose signals and account already carry its health score.</summary>
    public ScoredRow Score(CustomerRow row) =>
        new(row, _churn.AssessBrief(row.Signals), row.Expansion is { } account ? _expansion.BestBrief(account, Catalog) : null);
}
