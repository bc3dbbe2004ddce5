using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>
/// The rubrics that turn <see cref="ProductMetrics"/> into the component scores of the CS Expert playbook metrics model
/// (<see cref="HealthScoreModels.UsageAdoptionSupportEngagement"/>): usage, adoption, support and engagement.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ProductMetricsRubric
{
    /// <summary>Creates a rubric set.</summary>
    /// <param name="usage">Days active in the last 30 → usage score.</param>
    /// <param name="adoption">Features used → adoption score.</param>
    /// <param name="support">Average CSAT and tickets → support score.</param>
    /// <param name="engagement">Meetings in the last 90 days → engagement score.</param>
    /// <param name="absent">How a metric the input does not have is scored; <see cref="AbsentMetrics.Missing"/> by default.</param>
    /// <exception cref="ArgumentNullException">A rubric is null.</exception>
    /// <exception cref="System.ComponentModel.InvalidEnumArgumentException"><paramref name="absent"/> is not a defined value.</exception>
    public ProductMetricsRubric(ThresholdRubric usage, LinearRubric adoption, SupportRubric support, ThresholdRubric engagement, AbsentMetrics absent = AbsentMetrics.Missing)
    {
        if (!Enum.IsDefined(absent))
        {
            throw new System.ComponentModel.InvalidEnumArgumentException(nameof(absent), (int)absent, typeof(AbsentMetrics));
        }

        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(adoption);
        ArgumentNullException.ThrowIfNull(support);
        ArgumentNullException.ThrowIfNull(engagement);
        Usage = usage;
        Adoption = adoption;
        Support = support;
        Engagement = engagement;
        Absent = absent;
    }

    /// <summary>
    /// The CS Expert playbook, exactly as its SQL: usage from days active (≥ 20 → 100, ≥ 15 → 80, ≥ 10 → 60, ≥ 5 → 40, else 20);
    /// adoption min(100, features used ÷ 10 × 100); support (CSAT ≥ 4.5 and tickets &lt; 5 → 100, CSAT ≥ 4.0 and
    /// tickets &lt; 10 → 80, CSAT ≥ 3.5 → 60, else 40); engagement from meetings in 90 days (≥ 3 → 100, ≥ 1 → 70, else 30).
    /// </summary>
    public static ProductMetricsRubric Seed003 { get; } = new(
        new ThresholdRubric([new(20, 100), new(15, 80), new(10, 60), new(5, 40)], 20),
        new LinearRubric(10),
        new SupportRubric([new(4.5, 5, 100), new(4.0, 10, 80), new(3.5, null, 60)], 40),
        new ThresholdRubric([new(3, 100), new(1, 70)], 30));

    /// <summary>
    /// The CS Expert playbook's rubrics with absent data scored as its query scores it (<see cref="AbsentMetrics.QueryFloor"/>):
    /// no activity 20, no support rows 40, no meetings 30.
    /// </summary>
    public static ProductMetricsRubric Seed003QueryFloors { get; } = Seed003.WithAbsent(AbsentMetrics.QueryFloor);

    /// <summary>Days active in the last 30 → usage score.</summary>
    public ThresholdRubric Usage { get; }

    /// <summary>Features used → adoption score.</summary>
    public LinearRubric Adoption { get; }

    /// <summary>Average CSAT and ticket count → support score.</summary>
    public SupportRubric Support { get; }

    /// <summary>Meetings in the last 90 days → engagement score.</summary>
    public ThresholdRubric Engagement { get; }

    /// <summary>How a metric the input does not have is scored.</summary>
    public AbsentMetrics Absent { get; }

    /// <summary>These rubrics with another way of scoring absent metrics.</summary>
    /// <param name="absent">How a metric the input does not have is scored.</param>
    /// <returns>A new rubric set.</returns>
    /// <exception cref="System.ComponentModel.InvalidEnumArgumentException"><paramref name="absent"/> is not a defined value.</exception>
    [Pure]
    public ProductMetricsRubric WithAbsent(AbsentMetrics absent) => new(Usage, Adoption, Support, Engagement, absent);

    /// <summary>
    /// The component scores for a customer's metrics, keyed "usage", "adoption", "support" and "engagement".
    /// A metric that is null gives a missing score, or with <see cref="AbsentMetrics.QueryFloor"/> its rubric's lowest
    /// value (adoption stays missing); support needs both the CSAT and the ticket count.
    /// </summary>
    /// <param name="metrics">The metrics.</param>
    /// <returns>A new dictionary to pass to <see cref="IHealthScoreModel.Evaluate(IReadOnlyDictionary{string, double?})"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Days active outside [0, 30], a negative count, or a CSAT outside [1, 5]; the message names the metric.
    /// </exception>
    [Pure]
    public IReadOnlyDictionary<string, double?> ToComponentScores(ProductMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.DaysActiveLast30 is { } days && days is < 0 or > 30)
        {
            throw Guard.OutOfRange(days, 0, 30, "DaysActiveLast30", nameof(metrics));
        }

        CheckCount(metrics.FeaturesUsed, nameof(ProductMetrics.FeaturesUsed));
        CheckCount(metrics.SupportTicketsLast30, nameof(ProductMetrics.SupportTicketsLast30));
        CheckCount(metrics.MeetingsLast90, nameof(ProductMetrics.MeetingsLast90));
        if (metrics.AverageCsat is { } csat)
        {
            Guard.InRange(csat, 1, 5, "AverageCsat", nameof(metrics));
        }

        var floor = Absent == AbsentMetrics.QueryFloor;
        return new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase)
        {
            ["usage"] = metrics.DaysActiveLast30 is { } d ? Usage.Score(d) : floor ? Usage.Otherwise : null,
            ["adoption"] = metrics.FeaturesUsed is { } f ? Adoption.Score(f) : null,
            ["support"] = metrics is { AverageCsat: { } c, SupportTicketsLast30: { } t } ? Support.Score(c, t) : floor ? Support.Otherwise : null,
            ["engagement"] = metrics.MeetingsLast90 is { } m ? Engagement.Score(m) : floor ? Engagement.Otherwise : null,
        };
    }

    private static void CheckCount(int? value, string name)
    {
        if (value is { } v)
        {
            Guard.NotNegative(v, name, "metrics");
        }
    }
}
