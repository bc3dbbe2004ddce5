using System;
using System.Collections.Generic;

namespace CustomerSuccess.Churn;

/// <summary>
/// The named numeric features of <see cref="CustomerSignals"/> that <see cref="LogisticRegressionChurnModel"/> reads.
/// Dates become day counts from the as-of date; the champion flag is 1 or 0.
/// </summary>
public static class ChurnFeatures
{
    /// <summary>Usage change over 30 days, in percent.</summary>
    public const string UsageChangePercent = "usageChangePercent";

    /// <summary>Feature adoption rate, 0 to 1.</summary>
    public const string FeatureAdoptionRate = "featureAdoptionRate";

    /// <summary>Unresolved high-priority tickets.</summary>
    public const string UnresolvedHighPriorityTickets = "unresolvedHighPriorityTickets";

    /// <summary>High-priority tickets in the last 30 days.</summary>
    public const string HighPriorityTicketsLast30Days = "highPriorityTicketsLast30Days";

    /// <summary>Open support escalations.</summary>
    public const string OpenEscalations = "openEscalations";

    /// <summary>Days since the last contact.</summary>
    public const string DaysSinceLastContact = "daysSinceLastContact";

    /// <summary>Days since the last login.</summary>
    public const string DaysSinceLastLogin = "daysSinceLastLogin";

    /// <summary>Days since the last activity.</summary>
    public const string DaysSinceLastActivity = "daysSinceLastActivity";

    /// <summary>Late payments.</summary>
    public const string LatePayments = "latePayments";

    /// <summary>1 when the champion is leaving, 0 when not.</summary>
    public const string ChampionLeaving = "championLeaving";

    /// <summary>The latest NPS response, 0 to 10.</summary>
    public const string LatestNpsResponse = "latestNpsResponse";

    /// <summary>Days from the as-of date to the renewal.</summary>
    public const string DaysToRenewal = "daysToRenewal";

    /// <summary>The health score, 0 to 100.</summary>
    public const string HealthScore = "healthScore";

    /// <summary>Every feature name.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(
    [
        UsageChangePercent, FeatureAdoptionRate, UnresolvedHighPriorityTickets, HighPriorityTicketsLast30Days,
        OpenEscalations, DaysSinceLastContact, DaysSinceLastLogin, DaysSinceLastActivity, LatePayments,
        ChampionLeaving, LatestNpsResponse, DaysToRenewal, HealthScore,
    ]);

    /// <summary>The value of a named feature, or null when the signal is missing.</summary>
    /// <param name="signals">The signals.</param>
    /// <param name="name">A name from <see cref="All"/>, matched ignoring case.</param>
    /// <returns>The value, or null.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a feature; the message lists the valid names.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A signal is out of its range (a login after the as-of date, a NaN usage change, ...); the message names it.</exception>
    public static double? Value(CustomerSignals signals, string name)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(name);
        signals.Validate();
        return Value(signals, index);
    }

    /// <summary>The value of the feature at an index of <see cref="All"/>, or null when the signal is missing.</summary>
    internal static double? Value(CustomerSignals signals, int index) =>
        index switch
        {
            0 => signals.UsageChangePercent,
            1 => signals.FeatureAdoptionRate,
            2 => signals.UnresolvedHighPriorityTickets,
            3 => signals.HighPriorityTicketsLast30Days,
            4 => signals.OpenEscalations,
            5 => signals.LastContactDate is { } c ? signals.DaysSince(c) : null,
            6 => signals.LastLoginDate is { } l ? signals.DaysSince(l) : null,
            7 => signals.LastActivityDate is { } a ? signals.DaysSince(a) : null,
            8 => signals.LatePayments,
            9 => signals.ChampionLeaving is { } leaving ? (leaving ? 1 : 0) : null,
            10 => signals.LatestNpsResponse,
            11 => ChurnRiskCalculator.DaysToRenewal(signals),
            _ => signals.HealthScore,
        };

    internal static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a churn feature; valid names: {string.Join(", ", All)}.", nameof(name));
    }
}
