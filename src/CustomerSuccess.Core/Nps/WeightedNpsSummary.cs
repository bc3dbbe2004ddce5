using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Globalization;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Nps;

/// <summary>
/// A weighted NPS: each response counts with its weight (for example the account's annual revenue), and
/// weighted NPS = 100 × (Σ promoter weights − Σ detractor weights) ÷ Σ all weights.
/// </summary>
/// <remarks>
/// An immutable value that merges by adding the weight sums. Weights are doubles, so merging in another order can
/// differ in the last bits (floating-point addition is not associative); the counts merge exactly.
/// <c>default</c> is <see cref="Empty"/>, which has no score.
/// </remarks>
public readonly struct WeightedNpsSummary : IEquatable<WeightedNpsSummary>
{
    /// <summary>Creates a summary from weight sums and a response count.</summary>
    /// <param name="promoterWeight">The summed weight of promoters; finite, 0 or more.</param>
    /// <param name="passiveWeight">The summed weight of passives; finite, 0 or more.</param>
    /// <param name="detractorWeight">The summed weight of detractors; finite, 0 or more.</param>
    /// <param name="responses">The number of responses; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite, or the count is negative.</exception>
    public WeightedNpsSummary(double promoterWeight, double passiveWeight, double detractorWeight, long responses)
    {
        CheckWeight(promoterWeight, nameof(promoterWeight));
        CheckWeight(passiveWeight, nameof(passiveWeight));
        CheckWeight(detractorWeight, nameof(detractorWeight));
        if (responses < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(responses), responses, "the response count must be 0 or more.");
        }

        if (responses == 0 && promoterWeight + passiveWeight + detractorWeight > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(responses), responses, "a summary with weights has responses: the response count must be 1 or more when a weight is above 0.");
        }

        PromoterWeight = promoterWeight;
        PassiveWeight = passiveWeight;
        DetractorWeight = detractorWeight;
        Responses = responses;
    }

    /// <summary>No responses; the identity of <see cref="Merge"/>.</summary>
    public static WeightedNpsSummary Empty => default;

    /// <summary>The summed weight of promoters.</summary>
    public double PromoterWeight { get; }

    /// <summary>The summed weight of passives.</summary>
    public double PassiveWeight { get; }

    /// <summary>The summed weight of detractors.</summary>
    public double DetractorWeight { get; }

    /// <summary>The number of responses, whatever their weight.</summary>
    public long Responses { get; }

    /// <summary>The summed weight of all responses.</summary>
    public double TotalWeight => PromoterWeight + PassiveWeight + DetractorWeight;

    /// <summary>Whether the total weight is above 0, and so there is a score.</summary>
    public bool HasScore => TotalWeight > 0;

    /// <summary>The weighted NPS, in [−100, 100].</summary>
    /// <exception cref="InvalidOperationException">The total weight is 0; check <see cref="HasScore"/> first.</exception>
    public double Score => HasScore
        ? Math.Clamp(100 * (PromoterWeight - DetractorWeight) / TotalWeight, -100, 100)
        : throw new InvalidOperationException("a weighted NPS with no weight has no score; check HasScore first.");

    /// <summary>The weighted NPS, or null when there is no weight.</summary>
    public double? ScoreOrNull => HasScore ? Score : null;

    /// <summary>The weighted summary of dated responses.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    [Pure]
    public static WeightedNpsSummary From(IEnumerable<NpsResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var summary = Empty;
        foreach (var response in responses)
        {
            summary = summary.Add(response);
        }

        return summary;
    }

    /// <summary>This summary with one more response, counted with its weight.</summary>
    /// <param name="response">The response.</param>
    /// <returns>A new summary.</returns>
    [Pure]
    public WeightedNpsSummary Add(NpsResponse response) => response.Category switch
    {
        NpsCategory.Promoter => new(PromoterWeight + response.Weight, PassiveWeight, DetractorWeight, Responses + 1),
        NpsCategory.Passive => new(PromoterWeight, PassiveWeight + response.Weight, DetractorWeight, Responses + 1),
        _ => new(PromoterWeight, PassiveWeight, DetractorWeight + response.Weight, Responses + 1),
    };

    /// <summary>The summary of the responses of both summaries.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>A new summary.</returns>
    [Pure]
    public WeightedNpsSummary Merge(WeightedNpsSummary other) => new(
        PromoterWeight + other.PromoterWeight,
        PassiveWeight + other.PassiveWeight,
        DetractorWeight + other.DetractorWeight,
        Responses + other.Responses);

    /// <inheritdoc />
    public bool Equals(WeightedNpsSummary other) =>
        PromoterWeight.Equals(other.PromoterWeight) && PassiveWeight.Equals(other.PassiveWeight)
        && DetractorWeight.Equals(other.DetractorWeight) && Responses == other.Responses;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WeightedNpsSummary other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PromoterWeight, PassiveWeight, DetractorWeight, Responses);

    /// <summary>Whether two summaries are equal.</summary>
    /// <param name="left">One summary.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when the weights and counts are equal.</returns>
    public static bool operator ==(WeightedNpsSummary left, WeightedNpsSummary right) => left.Equals(right);

    /// <summary>Whether two summaries differ.</summary>
    /// <param name="left">One summary.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when a weight or the count differs.</returns>
    public static bool operator !=(WeightedNpsSummary left, WeightedNpsSummary right) => !left.Equals(right);

    /// <summary>For example "weighted NPS +42.5 (120 responses)".</summary>
    public override string ToString() =>
        HasScore
            ? string.Create(CultureInfo.InvariantCulture, $"weighted NPS {Score:+0.##;-0.##;0} ({Responses} responses)")
            : "weighted NPS undefined (no weight)";

    private static void CheckWeight(double weight, string paramName)
    {
        if (!(weight >= 0 && double.IsFinite(weight)))
        {
            throw new ArgumentOutOfRangeException(paramName, weight,
                $"{paramName} must be a finite number, 0 or more, but was {Guard.Format(weight)}.");
        }
    }
}
