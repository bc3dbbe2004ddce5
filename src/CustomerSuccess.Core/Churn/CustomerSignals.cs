using System;
using System.Globalization;
using CustomerSuccess.Health;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Churn;

/// <summary>
/// What a CRM integration knows about a customer on a date: every field but <see cref="AsOf"/> is optional, and a
/// missing field simply triggers no rule. Values are checked when a customer is assessed.
/// </summary>
/// <remarks>An immutable record. Percentages are in percent (−34 means down 34 %); rates are shares in [0, 1].</remarks>
public sealed record CustomerSignals
{
    /// <summary>Creates the signals of a customer as of a date.</summary>
    /// <param name="asOf">The date the signals describe; dates in the signals must not be after it.</param>
    public CustomerSignals(LocalDate asOf) => AsOf = asOf;

    /// <summary>The date the signals describe.</summary>
    public LocalDate AsOf { get; init; }

    /// <summary>The customer's id, carried into the assessment for worklists.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The change in usage over the last 30 days, in percent: −34 means down 34 %. At least −100, finite.</summary>
    public double? UsageChangePercent { get; init; }

    /// <summary>The share of key features adopted, in [0, 1].</summary>
    public double? FeatureAdoptionRate { get; init; }

    /// <summary>High-priority tickets not yet resolved, 0 or more.</summary>
    public int? UnresolvedHighPriorityTickets { get; init; }

    /// <summary>High-priority tickets opened in the last 30 days, 0 or more.</summary>
    public int? HighPriorityTicketsLast30Days { get; init; }

    /// <summary>Support escalations currently open, 0 or more.</summary>
    public int? OpenEscalations { get; init; }

    /// <summary>The date of the last two-way contact with the customer; not after <see cref="AsOf"/>.</summary>
    public LocalDate? LastContactDate { get; init; }

    /// <summary>The date of the last user login; not after <see cref="AsOf"/>.</summary>
    public LocalDate? LastLoginDate { get; init; }

    /// <summary>The date of the last product activity; not after <see cref="AsOf"/>.</summary>
    public LocalDate? LastActivityDate { get; init; }

    /// <summary>Invoices paid late (or now overdue) in the current term, 0 or more.</summary>
    public int? LatePayments { get; init; }

    /// <summary>Whether the customer's champion is leaving the company.</summary>
    public bool? ChampionLeaving { get; init; }

    /// <summary>The customer's latest NPS response, 0 to 10.</summary>
    public int? LatestNpsResponse { get; init; }

    /// <summary>The date of the next renewal.</summary>
    public LocalDate? RenewalDate { get; init; }

    /// <summary>Annual recurring revenue, 0 or more.</summary>
    public decimal? AnnualRecurringRevenue { get; init; }

    /// <summary>The customer's health score, in [0, 100].</summary>
    public double? HealthScore { get; init; }

    /// <summary>These signals with the health score of a scored result; a result with no score leaves the health missing.</summary>
    /// <param name="score">A health score from an <see cref="IHealthScoreModel"/>.</param>
    /// <returns>A new record.</returns>
    public CustomerSignals WithHealth(HealthScore score) => this with { HealthScore = score.ValueOrNull };

    /// <summary>Days from <paramref name="date"/> to <see cref="AsOf"/>.</summary>
    internal int DaysSince(LocalDate date) => IsoDays.Between(date, AsOf);

    /// <summary>Throws on the first value out of its range, naming the field and the value.</summary>
    internal void Validate()
    {
        if (UsageChangePercent is { } usage && !(usage >= -100 && double.IsFinite(usage)))
        {
            throw new ArgumentOutOfRangeException(nameof(UsageChangePercent), usage,
                $"UsageChangePercent must be a finite number of at least -100 but was {Guard.Format(usage)}.");
        }

        if (FeatureAdoptionRate is { } adoption && !(adoption >= 0 && adoption <= 1))
        {
            throw Guard.OutOfRange(adoption, 0, 1, nameof(FeatureAdoptionRate), nameof(FeatureAdoptionRate));
        }

        NotNegative(UnresolvedHighPriorityTickets, nameof(UnresolvedHighPriorityTickets));
        NotNegative(HighPriorityTicketsLast30Days, nameof(HighPriorityTicketsLast30Days));
        NotNegative(OpenEscalations, nameof(OpenEscalations));
        NotNegative(LatePayments, nameof(LatePayments));
        NotAfterAsOf(LastContactDate, nameof(LastContactDate));
        NotAfterAsOf(LastLoginDate, nameof(LastLoginDate));
        NotAfterAsOf(LastActivityDate, nameof(LastActivityDate));
        if (LatestNpsResponse is { } nps && (uint)nps > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(LatestNpsResponse), nps,
                $"LatestNpsResponse must be a whole number in [0, 10] but was {nps}.");
        }

        if (AnnualRecurringRevenue is { } arr && arr < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AnnualRecurringRevenue), arr,
                string.Create(CultureInfo.InvariantCulture, $"AnnualRecurringRevenue must be 0 or more but was {arr}."));
        }

        if (HealthScore is { } health && !(health >= 0 && health <= 100))
        {
            throw Guard.OutOfRange(health, 0, 100, nameof(HealthScore), nameof(HealthScore));
        }
    }

    private static void NotNegative(int? value, string name)
    {
        if (value is < 0)
        {
            Guard.NotNegative(value.Value, name, name);
        }
    }

    private void NotAfterAsOf(LocalDate? date, string name)
    {
        if (date is { } d && d > AsOf)
        {
            throw new ArgumentOutOfRangeException(name, d,
                $"{name} {d:uuuu-MM-dd} is after the as-of date {AsOf:uuuu-MM-dd}.");
        }
    }
}
