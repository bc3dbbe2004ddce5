namespace CustomerSuccess.Tests.TestSupport;

/// <summary>
/// The configuration every property class runs with (<c>[Properties(MaxTest = PropertySeed.MaxTest, Replay =
/// PropertySeed.Replay)]</c>): a fixed seed, so every run checks the same cases and a failure replays exactly, and at
/// least 1 000 cases. A failure prints the seed, the counter-example and, where its arbitrary shrinks, the shrunk one;
/// pass the printed "Replay directly at failing step" value as <c>[Property(Replay = "...")]</c> to rerun that case alone.
/// </summary>
internal static class PropertySeed
{
    /// <summary>Cases per property.</summary>
    public const int MaxTest = 1000;

    /// <summary>The seed and gamma of the random generator.</summary>
    public const string Replay = "(14029587019558, 11400714819323198485)";
}
