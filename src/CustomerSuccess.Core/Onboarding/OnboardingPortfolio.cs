using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Onboarding;

/// <summary>Onboarding figures over many customers, against the seed targets.</summary>
/// <param name="Customers">How many onboardings were summarized.</param>
/// <param name="Completed">How many are complete.</param>
/// <param name="CompletionRate">Completed ÷ customers, or null with no customers.</param>
/// <param name="AverageTimeToFirstValueDays">The mean time to first value over the customers who reached it, or null when none did.</param>
/// <param name="CustomersWithFirstValue">How many reached first value.</param>
public sealed record OnboardingPortfolio(int Customers, int Completed, double? CompletionRate, double? AverageTimeToFirstValueDays, int CustomersWithFirstValue)
{
    /// <summary>The Petra playbook's onboarding completion target: 80 %.</summary>
    public const double CompletionTarget = 0.80;

    /// <summary>The Petra playbook's time-to-first-value target: under 24 hours, that is under 1 day.</summary>
    public const double FastTimeToFirstValueDays = 1;

    /// <summary>The CS Manager playbook's time-to-value target: within 30 days.</summary>
    public const double TimeToValueDays = 30;

    /// <summary>Whether the completion rate reaches the Petra playbook's 80 %; null with no customers.</summary>
    public bool? MeetsCompletionTarget => CompletionRate >= CompletionTarget;

    /// <summary>Whether the average time to first value is under 24 hours (Petra playbook); null when unknown.</summary>
    public bool? MeetsFastTimeToFirstValue => AverageTimeToFirstValueDays < FastTimeToFirstValueDays;

    /// <summary>Whether the average time to first value is within 30 days (CS Manager playbook); null when unknown.</summary>
    public bool? MeetsTimeToValue => AverageTimeToFirstValueDays <= TimeToValueDays;

    /// <summary>Summarizes many customers' progress.</summary>
    /// <param name="progress">The customers' progress.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="progress"/> is null.</exception>
    /// <exception cref="ArgumentException">An element is null; the message gives its position.</exception>
    public static OnboardingPortfolio Summarize(IEnumerable<OnboardingProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var list = progress.ToList();
        var nullAt = list.IndexOf(null!);
        if (nullAt >= 0)
        {
            throw new ArgumentException($"customer #{nullAt} is null.", nameof(progress));
        }

        var completed = list.Count(p => p.IsComplete);
        var ttfv = list.Where(p => p.TimeToFirstValueDays is not null).Select(p => (double)p.TimeToFirstValueDays!.Value).ToList();
        return new OnboardingPortfolio(
            list.Count,
            completed,
            list.Count > 0 ? (double)completed / list.Count : null,
            ttfv.Count > 0 ? ttfv.Average() : null,
            ttfv.Count);
    }
}
