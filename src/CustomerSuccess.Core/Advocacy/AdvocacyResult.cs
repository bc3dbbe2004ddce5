using CustomerSuccess.Internal;

namespace CustomerSuccess.Advocacy;

/// <summary>An advocacy score with its tier and the points of each input.</summary>
/// <param name="Score">The score, in [0, 100].</param>
/// <param name="Tier">The tier of the score.</param>
/// <param name="NpsPoints">NPS × its weight.</param>
/// <param name="SuccessMetricsPoints">Success metrics × their weight.</param>
/// <param name="EngagementPoints">Engagement × its weight.</param>
/// <param name="ReferenceWillingnessPoints">Reference willingness × its weight.</param>
/// <param name="CommunityActivityPoints">Community activity × its weight.</param>
public sealed record AdvocacyResult(
    double Score,
    AdvocacyTier Tier,
    double NpsPoints,
    double SuccessMetricsPoints,
    double EngagementPoints,
    double ReferenceWillingnessPoints,
    double CommunityActivityPoints)
{
    /// <summary>The tier of the score.</summary>
    public AdvocacyTier Tier { get; init; } = Guard.Defined(Tier, nameof(Tier));
}
