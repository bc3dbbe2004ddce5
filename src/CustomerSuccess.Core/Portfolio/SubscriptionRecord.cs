using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// One subscription of an account: active from <see cref="Start"/> (inclusive) until <see cref="End"/> (exclusive), or
/// open-ended, at a monthly recurring revenue. An account may hold several, over time or side by side; its MRR on a day
/// is the sum of its subscriptions active that day.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SubscriptionRecord
{
    /// <summary>Creates a subscription record.</summary>
    /// <param name="accountId">The account it belongs to.</param>
    /// <param name="start">The first day it is active.</param>
    /// <param name="end">The first day it is no longer active, or <see langword="null"/> while it runs.</param>
    /// <param name="monthlyRecurringRevenue">Its MRR, 0 or more.</param>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is null or blank, or <paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="monthlyRecurringRevenue"/> is negative.</exception>
    public SubscriptionRecord(string accountId, LocalDate start, LocalDate? end, decimal monthlyRecurringRevenue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (end is { } e && e < start)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"the subscription of account '{accountId}' ends on {e:uuuu-MM-dd}, before it starts on {start:uuuu-MM-dd}."),
                nameof(end));
        }

        if (monthlyRecurringRevenue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyRecurringRevenue), monthlyRecurringRevenue,
                string.Create(CultureInfo.InvariantCulture, $"the MRR of a subscription of account '{accountId}' must be 0 or more but was {monthlyRecurringRevenue}."));
        }

        AccountId = accountId;
        Start = start;
        End = end;
        MonthlyRecurringRevenue = monthlyRecurringRevenue;
    }

    /// <summary>The account it belongs to (compared ordinally).</summary>
    public string AccountId { get; }

    /// <summary>The first day it is active.</summary>
    public LocalDate Start { get; }

    /// <summary>The first day it is no longer active, or <see langword="null"/> while it runs.</summary>
    public LocalDate? End { get; }

    /// <summary>Its monthly recurring revenue.</summary>
    public decimal MonthlyRecurringRevenue { get; }

    /// <summary>Whether it is active on a day: <c>Start &lt;= date &lt; End</c>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when it is active.</returns>
    public bool IsActiveOn(LocalDate date) => Start <= date && (End is not { } e || date < e);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{AccountId}: {MonthlyRecurringRevenue} a month from {Start:uuuu-MM-dd}{(End is { } e ? $" to {e:uuuu-MM-dd}" : string.Empty)}");
}
