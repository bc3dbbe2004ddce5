using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Globalization;

namespace CustomerSuccess.Nps;

/// <summary>
/// The counts of promoters, passives and detractors of a set of NPS responses, and the score
/// NPS = % promoters − % detractors, from −100 to +100.
/// </summary>
/// <remarks>
/// <para>
/// An immutable value that merges exactly: the summaries of any partition of a set of responses, merged together in
/// any order, equal the summary of the whole. <c>default(NpsSummary)</c> is <see cref="Empty"/>: no responses, and so
/// no score (<see cref="HasScore"/> is false and <see cref="Score"/> throws) rather than a silent 0.
/// </para>
/// <para>The score is computed as 100 × (promoters − detractors) ÷ total with a single rounding, the closest double
/// to the exact fraction; round it for display with <see cref="RoundedScore"/>.</para>
/// </remarks>
public readonly struct NpsSummary : IEquatable<NpsSummary>
{
    /// <summary>Creates a summary from counts.</summary>
    /// <param name="promoters">Responses of 9 or 10; 0 or more.</param>
    /// <param name="passives">Responses of 7 or 8; 0 or more.</param>
    /// <param name="detractors">Responses of 0 to 6; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the three add up to more than <see cref="long.MaxValue"/>.</exception>
    public NpsSummary(long promoters, long passives, long detractors)
    {
        CheckCount(promoters, nameof(promoters));
        CheckCount(passives, nameof(passives));
        CheckCount(detractors, nameof(detractors));
        if (!TotalFits(promoters, passives, detractors))
        {
            throw new ArgumentOutOfRangeException(nameof(detractors), detractors,
                "the promoters, passives and detractors must add up to at most 9 223 372 036 854 775 807 (long.MaxValue).");
        }

        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    /// <summary>The summary of no responses; the identity of <see cref="Merge"/>.</summary>
    public static NpsSummary Empty => default;

    /// <summary>Responses of 9 or 10.</summary>
    public long Promoters { get; }

    /// <summary>Responses of 7 or 8.</summary>
    public long Passives { get; }

    /// <summary>Responses of 0 to 6.</summary>
    public long Detractors { get; }

    /// <summary>All responses.</summary>
    public long Total => Promoters + Passives + Detractors;

    /// <summary>Whether there is at least one response, and so a score.</summary>
    public bool HasScore => Total > 0;

    /// <summary>The Net Promoter Score: % promoters − % detractors, in [−100, 100].</summary>
    /// <exception cref="InvalidOperationException">There are no responses; check <see cref="HasScore"/> first.</exception>
    public double Score => HasScore ? 100.0 * (Promoters - Detractors) / Total : throw NoResponses();

    /// <summary>The score, or null when there are no responses.</summary>
    public double? ScoreOrNull => HasScore ? Score : null;

    /// <summary>The percentage of promoters, in [0, 100].</summary>
    /// <exception cref="InvalidOperationException">There are no responses.</exception>
    public double PromoterPercentage => Percentage(Promoters);

    /// <summary>The percentage of passives, in [0, 100].</summary>
    /// <exception cref="InvalidOperationException">There are no responses.</exception>
    public double PassivePercentage => Percentage(Passives);

    /// <summary>The percentage of detractors, in [0, 100].</summary>
    /// <exception cref="InvalidOperationException">There are no responses.</exception>
    public double DetractorPercentage => Percentage(Detractors);

    /// <summary>
    /// The score rounded to a whole number the way survey tools report it: half away from zero (+49.5 → +50,
    /// −49.5 → −50).
    /// </summary>
    /// <returns>A whole number in [−100, 100].</returns>
    /// <exception cref="InvalidOperationException">There are no responses.</exception>
    [Pure]
    public int RoundedScore() => (int)Math.Round(Score, MidpointRounding.AwayFromZero);

    /// <summary>The summary of a set of responses.</summary>
    /// <param name="responses">Integers from 0 to 10.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A response is below 0 or above 10.</exception>
    [Pure]
    public static NpsSummary From(IEnumerable<int> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        if (responses is int[] array)
        {
            return From(array.AsSpan());
        }

        if (responses is List<int> list)
        {
            return From(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        }

        long promoters = 0, passives = 0, detractors = 0;
        foreach (var response in responses)
        {
            switch (NpsScale.Categorize(response))
            {
                case NpsCategory.Promoter: promoters++; break;
                case NpsCategory.Passive: passives++; break;
                default: detractors++; break;
            }
        }

        return new NpsSummary(promoters, passives, detractors);
    }

    /// <summary>The summary of a span of responses: a vectorized counting pass.</summary>
    /// <param name="responses">Integers from 0 to 10.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A response is below 0 or above 10; the message gives its index.</exception>
    [Pure]
    public static NpsSummary From(ReadOnlySpan<int> responses)
    {
        var (promoters, detractors) = NpsCounter.Count(responses);
        return new NpsSummary(promoters, responses.Length - promoters - detractors, detractors);
    }

    /// <summary>The summary of responses stored one byte each: a vectorized counting pass.</summary>
    /// <param name="responses">Bytes from 0 to 10.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A response is above 10; the message gives its index.</exception>
    [Pure]
    public static NpsSummary From(ReadOnlySpan<byte> responses)
    {
        var (promoters, detractors) = NpsCounter.Count(responses);
        return new NpsSummary(promoters, responses.Length - promoters - detractors, detractors);
    }

    /// <summary>The summary of dated responses (weights and segments are ignored; see <see cref="WeightedNpsSummary"/>).</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    [Pure]
    public static NpsSummary From(IEnumerable<NpsResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var summary = Empty;
        foreach (var response in responses)
        {
            summary = summary.Add(response.Category);
        }

        return summary;
    }

    /// <summary>This summary with one more response of the given category.</summary>
    /// <param name="category">The response's category.</param>
    /// <returns>A new summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined category.</exception>
    [Pure]
    public NpsSummary Add(NpsCategory category) => Total == long.MaxValue
        ? throw new OverflowException("the NPS summary already holds 9 223 372 036 854 775 807 (long.MaxValue) responses.")
        : category switch
    {
        NpsCategory.Promoter => new NpsSummary(Promoters + 1, Passives, Detractors),
        NpsCategory.Passive => new NpsSummary(Promoters, Passives + 1, Detractors),
        NpsCategory.Detractor => new NpsSummary(Promoters, Passives, Detractors + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "the category must be Promoter, Passive or Detractor."),
    };

    /// <summary>This summary with one more response.</summary>
    /// <param name="response">An integer from 0 to 10.</param>
    /// <returns>A new summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="response"/> is below 0 or above 10.</exception>
    [Pure]
    public NpsSummary Add(int response) => Add(NpsScale.Categorize(response));

    /// <summary>The summary of the responses of both summaries. Associative and commutative, with <see cref="Empty"/> as identity.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>A new summary.</returns>
    /// <exception cref="OverflowException">Together they hold more than <see cref="long.MaxValue"/> responses.</exception>
    [Pure]
    public NpsSummary Merge(NpsSummary other)
    {
        if (Total > long.MaxValue - other.Total)
        {
            throw new OverflowException("the merged NPS summary would hold more than 9 223 372 036 854 775 807 (long.MaxValue) responses.");
        }

        return new(Promoters + other.Promoters, Passives + other.Passives, Detractors + other.Detractors);
    }

    /// <summary>Merges two summaries.</summary>
    /// <param name="left">One summary.</param>
    /// <param name="right">The other.</param>
    /// <returns><c>left.Merge(right)</c>.</returns>
    /// <exception cref="OverflowException">Together they hold more than <see cref="long.MaxValue"/> responses.</exception>
    public static NpsSummary operator +(NpsSummary left, NpsSummary right) => left.Merge(right);

    /// <inheritdoc />
    public bool Equals(NpsSummary other) =>
        Promoters == other.Promoters && Passives == other.Passives && Detractors == other.Detractors;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NpsSummary other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Promoters, Passives, Detractors);

    /// <summary>Whether two summaries have the same counts.</summary>
    /// <param name="left">One summary.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when all counts are equal.</returns>
    public static bool operator ==(NpsSummary left, NpsSummary right) => left.Equals(right);

    /// <summary>Whether two summaries differ.</summary>
    /// <param name="left">One summary.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when a count differs.</returns>
    public static bool operator !=(NpsSummary left, NpsSummary right) => !left.Equals(right);

    /// <summary>For example "NPS +50 (30 promoters, 15 passives, 5 detractors)" or "NPS undefined (no responses)".</summary>
    public override string ToString() =>
        HasScore
            ? string.Create(CultureInfo.InvariantCulture, $"NPS {Score:+0.##;-0.##;0} ({Promoters} promoters, {Passives} passives, {Detractors} detractors)")
            : "NPS undefined (no responses)";

    private double Percentage(long count) => HasScore ? 100.0 * count / Total : throw NoResponses();

    private static InvalidOperationException NoResponses() =>
        new("an NPS summary of no responses has no score; check HasScore first.");

    private static void CheckCount(long count, string paramName)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, count,
                string.Create(CultureInfo.InvariantCulture, $"the count of {paramName} must be 0 or more but was {count}."));
        }
    }

    private static bool TotalFits(long promoters, long passives, long detractors) =>
        promoters <= long.MaxValue - passives && promoters + passives <= long.MaxValue - detractors;
}
