using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// Turns support metrics (average CSAT on a 1 to 5 scale and the ticket count of the period) into a component score:
/// the first tier, in the order given, that the metrics meet gives the score; otherwise <see cref="Otherwise"/>.
/// The CS Expert playbook's rule is one: CSAT ≥ 4.5 and fewer than 5 tickets → 100; CSAT ≥ 4.0 and fewer than 10 → 80;
/// CSAT ≥ 3.5 → 60; else 40.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SupportRubric
{
    private readonly SupportTier[] _tiers;

    /// <summary>Creates a rubric, checking every tier at once.</summary>
    /// <param name="tiers">The tiers, tried in the order given.</param>
    /// <param name="otherwise">The score when no tier is met, in [0, 100].</param>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The message lists every problem: no tiers, a CSAT minimum outside [1, 5], a ticket limit below 1, a score
    /// or <paramref name="otherwise"/> outside [0, 100].
    /// </exception>
    public SupportRubric(IEnumerable<SupportTier> tiers, double otherwise)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var list = tiers.ToList();
        var problems = new List<string>();
        if (list.Count == 0)
        {
            problems.Add("it has no tiers.");
        }

        foreach (var tier in list)
        {
            if (!(tier.MinimumCsat >= 1 && tier.MinimumCsat <= 5))
            {
                problems.Add($"a tier's CSAT minimum is {Guard.Format(tier.MinimumCsat)}; it must be in [1, 5].");
            }

            if (tier.TicketsBelow is < 1)
            {
                problems.Add($"a tier's ticket limit is {tier.TicketsBelow}; it must be 1 or more, or none.");
            }

            if (!(tier.Score >= 0 && tier.Score <= 100))
            {
                problems.Add($"a tier scores {Guard.Format(tier.Score)}; scores must be in [0, 100].");
            }
        }

        if (!(otherwise >= 0 && otherwise <= 100))
        {
            problems.Add($"the score when no tier is met is {Guard.Format(otherwise)}; it must be in [0, 100].");
        }

        Guard.NoProblems(problems, "Support rubric", nameof(tiers));
        _tiers = [.. list];
        Tiers = Array.AsReadOnly(_tiers);
        Otherwise = otherwise;
    }

    /// <summary>The tiers, in the order they are tried.</summary>
    public IReadOnlyList<SupportTier> Tiers { get; }

    /// <summary>The score when no tier is met.</summary>
    public double Otherwise { get; }

    /// <summary>The component score for a period's support metrics.</summary>
    /// <param name="averageCsat">The average CSAT, in [1, 5].</param>
    /// <param name="tickets">The number of tickets, 0 or more.</param>
    /// <returns>The score of the first tier met, or <see cref="Otherwise"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="averageCsat"/> is outside [1, 5] or <paramref name="tickets"/> is negative.</exception>
    [Pure]
    public double Score(double averageCsat, int tickets)
    {
        Guard.InRange(averageCsat, 1, 5, "the average CSAT", nameof(averageCsat));
        Guard.NotNegative(tickets, "the ticket count", nameof(tickets));
        foreach (var tier in _tiers)
        {
            if (averageCsat >= tier.MinimumCsat && (tier.TicketsBelow is not { } limit || tickets < limit))
            {
                return tier.Score;
            }
        }

        return Otherwise;
    }
}
