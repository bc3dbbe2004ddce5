using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>Turns a green, yellow or red <see cref="HealthRating"/> into a component score.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RatingRubric
{
    /// <summary>Creates a rubric.</summary>
    /// <param name="green">Points for green, in [0, 100].</param>
    /// <param name="yellow">Points for yellow, in [0, 100], at most <paramref name="green"/>.</param>
    /// <param name="red">Points for red, in [0, 100], at most <paramref name="yellow"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [0, 100].</exception>
    /// <exception cref="ArgumentException">The points do not satisfy green ≥ yellow ≥ red.</exception>
    public RatingRubric(double green, double yellow, double red)
    {
        Guard.InRange(green, 0, 100, "the points for green", nameof(green));
        Guard.InRange(yellow, 0, 100, "the points for yellow", nameof(yellow));
        Guard.InRange(red, 0, 100, "the points for red", nameof(red));
        if (!(green >= yellow && yellow >= red))
        {
            throw new ArgumentException(
                $"a rating rubric needs green ≥ yellow ≥ red but has green {Guard.Format(green)}, yellow {Guard.Format(yellow)}, red {Guard.Format(red)}.",
                green < yellow ? nameof(yellow) : nameof(red));
        }

        Green = green;
        Yellow = yellow;
        Red = red;
    }

    /// <summary>
    /// The default: green 100, yellow 60, red 20. The seeds give no points for ratings; these put a yellow on the
    /// line between yellow and red bands (60) and a red deep in the critical band.
    /// </summary>
    public static RatingRubric Default { get; } = new(100, 60, 20);

    /// <summary>Points for green.</summary>
    /// <value>100 in <see cref="Default"/>.</value>
    public double Green { get; }

    /// <summary>Points for yellow.</summary>
    /// <value>60 in <see cref="Default"/>.</value>
    public double Yellow { get; }

    /// <summary>Points for red.</summary>
    /// <value>20 in <see cref="Default"/>.</value>
    public double Red { get; }

    /// <summary>The points for a rating.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>A component score in [0, 100].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is not a defined rating.</exception>
    [Pure]
    public double Score(HealthRating rating) => rating switch
    {
        HealthRating.Green => Green,
        HealthRating.Yellow => Yellow,
        HealthRating.Red => Red,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "a rating must be Green, Yellow or Red."),
    };

    /// <summary>
    /// The component scores of the CS Agent playbook signals model (<see cref="HealthScoreModels.Signals"/>) for a set of ratings,
    /// keyed by that model's component keys; a missing rating gives a missing score.
    /// </summary>
    /// <param name="ratings">The ratings.</param>
    /// <returns>A new dictionary to pass to <see cref="IHealthScoreModel.Evaluate(IReadOnlyDictionary{string, double?})"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is not a defined value.</exception>
    [Pure]
    public IReadOnlyDictionary<string, double?> ToComponentScores(SignalRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase)
        {
            ["loginFrequency"] = ScoreOrNull(ratings.LoginFrequency),
            ["featureAdoption"] = ScoreOrNull(ratings.FeatureAdoption),
            ["keyActionFrequency"] = ScoreOrNull(ratings.KeyActionFrequency),
            ["supportSentiment"] = ScoreOrNull(ratings.SupportSentiment),
            ["engagement"] = ScoreOrNull(ratings.Engagement),
        };
    }

    /// <summary>For example "green 100, yellow 60, red 20".</summary>
    public override string ToString() => $"green {Guard.Format(Green)}, yellow {Guard.Format(Yellow)}, red {Guard.Format(Red)}";

    private double? ScoreOrNull(HealthRating? rating) => rating is { } r ? Score(r) : null;
}
