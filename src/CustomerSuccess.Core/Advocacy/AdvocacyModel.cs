using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Advocacy;

/// <summary>
/// The CS Expert playbook's advocacy score: NPS 0.3, success metrics 0.2, engagement 0.2, reference willingness 0.2, community
/// activity 0.1, over inputs from 0 to 100; and the tiers Supporter, Advocate, Champion, Ambassador by score.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AdvocacyModel
{
    /// <summary>Creates a model, checking everything at once.</summary>
    /// <param name="npsWeight">Weight of NPS.</param>
    /// <param name="successMetricsWeight">Weight of success metrics.</param>
    /// <param name="engagementWeight">Weight of engagement.</param>
    /// <param name="referenceWillingnessWeight">Weight of reference willingness.</param>
    /// <param name="communityActivityWeight">Weight of community activity.</param>
    /// <param name="advocateAt">The score from which the tier is Advocate.</param>
    /// <param name="championAt">The score from which the tier is Champion.</param>
    /// <param name="ambassadorAt">The score from which the tier is Ambassador.</param>
    /// <exception cref="ArgumentException">Weights are negative or do not sum to 1, or thresholds are not 0 &lt; advocate &lt; champion &lt; ambassador ≤ 100.</exception>
    public AdvocacyModel(
        double npsWeight,
        double successMetricsWeight,
        double engagementWeight,
        double referenceWillingnessWeight,
        double communityActivityWeight,
        double advocateAt,
        double championAt,
        double ambassadorAt)
    {
        var p = new OptionProblems();
        p.Weights("the weights", npsWeight, successMetricsWeight, engagementWeight, referenceWillingnessWeight, communityActivityWeight);
        var weightsBad = p.List.Count > 0;
        if (!(advocateAt > 0 && advocateAt < championAt && championAt < ambassadorAt && ambassadorAt <= 100))
        {
            p.Add($"the tier thresholds must satisfy 0 < advocate < champion < ambassador ≤ 100 but are {Guard.Format(advocateAt)}, {Guard.Format(championAt)}, {Guard.Format(ambassadorAt)}.");
        }

        // The parameter named is the first of the group that is wrong: the weights', else the thresholds'.
        Guard.NoProblems(p.List, "Advocacy model", weightsBad ? nameof(npsWeight) : nameof(advocateAt));
        NpsWeight = npsWeight;
        SuccessMetricsWeight = successMetricsWeight;
        EngagementWeight = engagementWeight;
        ReferenceWillingnessWeight = referenceWillingnessWeight;
        CommunityActivityWeight = communityActivityWeight;
        AdvocateAt = advocateAt;
        ChampionAt = championAt;
        AmbassadorAt = ambassadorAt;
    }

    /// <summary>The CS Expert playbook's weights with our tier thresholds: Advocate from 50, Champion from 70, Ambassador from 85.</summary>
    public static AdvocacyModel Seed003 { get; } = new(0.3, 0.2, 0.2, 0.2, 0.1, 50, 70, 85);

    /// <summary>Weight of NPS.</summary><value>0.3 in <see cref="Seed003"/>.</value>
    public double NpsWeight { get; }

    /// <summary>Weight of success metrics.</summary><value>0.2 in <see cref="Seed003"/>.</value>
    public double SuccessMetricsWeight { get; }

    /// <summary>Weight of engagement.</summary><value>0.2 in <see cref="Seed003"/>.</value>
    public double EngagementWeight { get; }

    /// <summary>Weight of reference willingness.</summary><value>0.2 in <see cref="Seed003"/>.</value>
    public double ReferenceWillingnessWeight { get; }

    /// <summary>Weight of community activity.</summary><value>0.1 in <see cref="Seed003"/>.</value>
    public double CommunityActivityWeight { get; }

    /// <summary>The score from which the tier is Advocate.</summary><value>50 in <see cref="Seed003"/>.</value>
    public double AdvocateAt { get; }

    /// <summary>The score from which the tier is Champion.</summary><value>70 in <see cref="Seed003"/>.</value>
    public double ChampionAt { get; }

    /// <summary>The score from which the tier is Ambassador.</summary><value>85 in <see cref="Seed003"/>.</value>
    public double AmbassadorAt { get; }

    /// <summary>Scores a customer's advocacy.</summary>
    /// <param name="inputs">The five inputs, each in [0, 100].</param>
    /// <returns>The score, tier and points.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is outside [0, 100] or NaN; the message names it.</exception>
    public AdvocacyResult Score(AdvocacyInputs inputs)
    {
        Check(inputs.Nps, nameof(inputs.Nps));
        Check(inputs.SuccessMetrics, nameof(inputs.SuccessMetrics));
        Check(inputs.Engagement, nameof(inputs.Engagement));
        Check(inputs.ReferenceWillingness, nameof(inputs.ReferenceWillingness));
        Check(inputs.CommunityActivity, nameof(inputs.CommunityActivity));
        var nps = inputs.Nps * NpsWeight;
        var success = inputs.SuccessMetrics * SuccessMetricsWeight;
        var engagement = inputs.Engagement * EngagementWeight;
        var reference = inputs.ReferenceWillingness * ReferenceWillingnessWeight;
        var community = inputs.CommunityActivity * CommunityActivityWeight;
        var score = Math.Clamp(nps + success + engagement + reference + community, 0, 100);
        return new AdvocacyResult(score, TierOf(score), nps, success, engagement, reference, community);
    }

    /// <summary>The tier of a score (compared with a tolerance of 1e-9 points, as health bands are).</summary>
    /// <param name="score">A score in [0, 100].</param>
    /// <returns>The tier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [0, 100].</exception>
    public AdvocacyTier TierOf(double score)
    {
        Guard.InRange(score, 0, 100, "the advocacy score", nameof(score));
        const double Tolerance = 1e-9;
        return score >= AmbassadorAt - Tolerance ? AdvocacyTier.Ambassador
            : score >= ChampionAt - Tolerance ? AdvocacyTier.Champion
            : score >= AdvocateAt - Tolerance ? AdvocacyTier.Advocate
            : AdvocacyTier.Supporter;
    }

    private static void Check(double value, string name) => Guard.InRange(value, 0, 100, $"the advocacy input {name}", name);
}
