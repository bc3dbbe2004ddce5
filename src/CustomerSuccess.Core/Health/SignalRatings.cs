namespace CustomerSuccess.Health;

/// <summary>
/// The five signals of the CS Agent playbook signals model, each rated green, yellow or red; null means not rated (missing).
/// The CS Agent playbook's rating guide: login frequency green daily, yellow weekly, red monthly or less; support sentiment
/// positive, neutral, negative; engagement responsive, delayed, unresponsive; feature adoption and key action
/// frequency against thresholds each team sets.
/// </summary>
/// <remarks>An immutable record; turn it into component scores with <see cref="RatingRubric.ToComponentScores"/>.</remarks>
public sealed record SignalRatings
{
    /// <summary>How often users log in.</summary>
    public HealthRating? LoginFrequency { get; init; }

    /// <summary>How many features are adopted.</summary>
    public HealthRating? FeatureAdoption { get; init; }

    /// <summary>How often the key action is done each week.</summary>
    public HealthRating? KeyActionFrequency { get; init; }

    /// <summary>The sentiment of support interactions.</summary>
    public HealthRating? SupportSentiment { get; init; }

    /// <summary>How responsive the customer is.</summary>
    public HealthRating? Engagement { get; init; }
}
