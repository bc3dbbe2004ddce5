using System;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>One dated NPS response, with an optional segment and a weight.</summary>
/// <remarks>An immutable value, checked on construction. <c>default(NpsResponse)</c> is a detractor response of 0
/// on 0001-01-01 with weight 0, so it counts in <see cref="NpsSummary"/> but adds no weight to a
/// <see cref="WeightedNpsSummary"/>; build responses with the constructor.</remarks>
public readonly record struct NpsResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="score">The answer, an integer from 0 to 10.</param>
    /// <param name="date">The date the customer answered.</param>
    /// <param name="segment">A segment such as "enterprise", or null for none.</param>
    /// <param name="weight">The response's weight, for example the account's revenue; finite and 0 or more. Default 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [0, 10] or <paramref name="weight"/> is negative or not finite.</exception>
    public NpsResponse(int score, LocalDate date, string? segment = null, double weight = 1)
    {
        if ((uint)score > NpsScale.MaxResponse)
        {
            throw NpsScale.OutOfRange(score, nameof(score));
        }

        if (!(weight >= 0 && double.IsFinite(weight)))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight,
                $"the weight of an NPS response must be a finite number, 0 or more, but was {Guard.Format(weight)}.");
        }

        Score = score;
        Date = date;
        Segment = segment;
        Weight = weight;
    }

    /// <summary>The answer, from 0 to 10.</summary>
    public int Score { get; }

    /// <summary>The date the customer answered.</summary>
    public LocalDate Date { get; }

    /// <summary>The segment, or null for none.</summary>
    public string? Segment { get; }

    /// <summary>The weight, 0 or more.</summary>
    public double Weight { get; }

    /// <summary>The category of the answer.</summary>
    public NpsCategory Category => NpsScale.Categorize(Score);
}
