using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Engagement;

/// <summary>
/// Turns stakeholder coverage into the 0–100 Relationship component (CS Agent playbook: champion strength,
/// stakeholder coverage) and champion strength into a 0–100 part of the CS Manager playbook's engagement. The weights
/// and points are ours.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RelationshipRubric
{
    /// <summary>Creates a rubric.</summary>
    /// <param name="coverageWeight">The weight of role coverage, in [0, 1].</param>
    /// <param name="freshnessWeight">The weight of freshness (roles touched as often as they need), in [0, 1]; the two sum to 1.</param>
    /// <param name="championFresh">Champion strength when a champion is touched as often as the role needs, in [0, 100].</param>
    /// <param name="championStale">Champion strength when there is a champion but the touch is overdue or never made, in [0, <paramref name="championFresh"/>].</param>
    /// <exception cref="ArgumentException">A value is out of range; the message lists every problem.</exception>
    public RelationshipRubric(double coverageWeight = 0.5, double freshnessWeight = 0.5, double championFresh = 100, double championStale = 50)
    {
        var p = new OptionProblems();
        p.Share(coverageWeight, nameof(coverageWeight));
        p.Share(freshnessWeight, nameof(freshnessWeight));
        if (Math.Abs(coverageWeight + freshnessWeight - 1) > 1e-9)
        {
            p.Add($"the weights sum to {Guard.FormatComputed(coverageWeight + freshnessWeight)}; they must sum to 1.");
        }

        p.InRange(championFresh, 0, 100, nameof(championFresh));
        p.InRange(championStale, 0, championFresh, nameof(championStale));
        Guard.NoProblems(p.List, "Relationship rubric", null);
        CoverageWeight = coverageWeight;
        FreshnessWeight = freshnessWeight;
        ChampionFresh = championFresh;
        ChampionStale = championStale;
    }

    /// <summary>The default rubric (ours): coverage and freshness half each; champion 100 when fresh, 50 when stale, 0 when none.</summary>
    public static RelationshipRubric Default { get; } = new();

    /// <summary>The weight of role coverage.</summary>
    /// <value>0.5 (ours).</value>
    public double CoverageWeight { get; }

    /// <summary>The weight of freshness.</summary>
    /// <value>0.5 (ours).</value>
    public double FreshnessWeight { get; }

    /// <summary>Champion strength when the champion is touched as often as the role needs.</summary>
    /// <value>100 (ours).</value>
    public double ChampionFresh { get; }

    /// <summary>Champion strength when the champion's touch is overdue or was never made.</summary>
    /// <value>50 (ours).</value>
    public double ChampionStale { get; }

    /// <summary>The Relationship component: 100 × (coverage weight × coverage + freshness weight × freshness).</summary>
    /// <param name="coverage">The share of roles filled, in [0, 1].</param>
    /// <param name="freshness">The share of roles touched as often as they need, in [0, 1].</param>
    /// <returns>A score in [0, 100], non-decreasing in each argument.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside [0, 1] or not a number.</exception>
    public double Score(double coverage, double freshness)
    {
        Guard.InRange(coverage, 0, 1, "coverage", nameof(coverage));
        Guard.InRange(freshness, 0, 1, "freshness", nameof(freshness));
        return Math.Clamp(100 * ((CoverageWeight * coverage) + (FreshnessWeight * freshness)), 0, 100);
    }

    /// <summary>The Relationship component of an account's stakeholder coverage.</summary>
    /// <param name="coverage">The coverage.</param>
    /// <returns>A score in [0, 100].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="coverage"/> is null.</exception>
    public double Score(StakeholderCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return Score(coverage.Coverage, coverage.Freshness);
    }

    /// <summary>
    /// Champion strength: <see cref="ChampionFresh"/> when someone in <paramref name="championRole"/> is touched as
    /// often as the role needs, <see cref="ChampionStale"/> when there is a champion but none is, 0 when there is none.
    /// </summary>
    /// <param name="coverage">The coverage.</param>
    /// <param name="championRole">The champion's role name; <see cref="StakeholderMatrix.ChampionRole"/> by default.</param>
    /// <returns>A score in [0, 100].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="coverage"/> is null.</exception>
    public double ChampionStrength(StakeholderCoverage coverage, string championRole = StakeholderMatrix.ChampionRole)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var fresh = false;
        var any = false;
        foreach (var t in coverage.Touches)
        {
            if (string.Equals(t.Role.Name, championRole, StringComparison.OrdinalIgnoreCase))
            {
                any = true;
                fresh |= t.IsFresh;
            }
        }

        return fresh ? ChampionFresh : any ? ChampionStale : 0;
    }
}
