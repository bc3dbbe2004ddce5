using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// Revenue and logo retention over a period, by the standard definitions: accounts are compared between
/// their MRR on the period's first day and on its end day.
/// </summary>
/// <remarks>
/// <para>
/// An account's MRR on a day is the sum of its subscriptions active that day (<see cref="SubscriptionRecord.IsActiveOn"/>).
/// Accounts active on <see cref="PeriodStart"/> form the starting cohort. For each of them, no active subscription on
/// the end day is churn; a lower MRR on the end day is downsell (an account still active at an MRR of 0, on a free plan
/// for example, is a full downsell, not churn); a higher one is expansion. Accounts not active at the start are new: their MRR counts in
/// <see cref="EndMrr"/> and <see cref="NewMrr"/> but never in the retention ratios.
/// </para>
/// <para>
/// NRR = <see cref="RetainedMrr"/> ÷ <see cref="StartMrr"/>; GRR = (<see cref="StartMrr"/> − <see cref="ChurnedMrr"/> −
/// <see cref="DownsellMrr"/>) ÷ <see cref="StartMrr"/>, which never exceeds 1; logo churn rate = accounts churned ÷ accounts
/// at the start. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class RetentionMetrics
{
    /// <summary>The number of days in a year when annualizing a rate: 365.</summary>
    public const double DaysPerYear = 365;

    private RetentionMetrics(LocalDate start, LocalDate end)
    {
        PeriodStart = start;
        PeriodEnd = end;
    }

    /// <summary>The first day of the period, when the starting MRR is measured.</summary>
    public LocalDate PeriodStart { get; }

    /// <summary>The day the period ends, when the ending MRR is measured.</summary>
    public LocalDate PeriodEnd { get; }

    /// <summary>The period's length in days.</summary>
    public int PeriodDays => Period.DaysBetween(PeriodStart, PeriodEnd);

    /// <summary>The MRR of the accounts active at the start.</summary>
    public decimal StartMrr { get; private set; }

    /// <summary>The MRR of every account active at the end, new ones included.</summary>
    public decimal EndMrr { get; private set; }

    /// <summary>The MRR at the end of the accounts that were active at the start.</summary>
    public decimal RetainedMrr { get; private set; }

    /// <summary>The MRR at the end of accounts not active at the start.</summary>
    public decimal NewMrr { get; private set; }

    /// <summary>The starting MRR of the accounts with none at the end.</summary>
    public decimal ChurnedMrr { get; private set; }

    /// <summary>The MRR lost by accounts still active at the end but paying less.</summary>
    public decimal DownsellMrr { get; private set; }

    /// <summary>The MRR gained by accounts active at the start and paying more at the end.</summary>
    public decimal ExpansionMrr { get; private set; }

    /// <summary>Accounts active at the start.</summary>
    public int AccountsAtStart { get; private set; }

    /// <summary>Accounts active at the end.</summary>
    public int AccountsAtEnd { get; private set; }

    /// <summary>Accounts active at the start and not at the end.</summary>
    public int AccountsChurned { get; private set; }

    /// <summary>Accounts active at the end and not at the start.</summary>
    public int NewAccounts { get; private set; }

    /// <summary>Net revenue retention, <see cref="RetainedMrr"/> ÷ <see cref="StartMrr"/> (1.10 is 110 %); <see langword="null"/> when the starting MRR is 0.</summary>
    public double? NetRevenueRetention => StartMrr == 0 ? null : (double)(RetainedMrr / StartMrr);

    /// <summary>Gross revenue retention, (start − churned − downsell) ÷ start, at most 1; <see langword="null"/> when the starting MRR is 0.</summary>
    public double? GrossRevenueRetention => StartMrr == 0 ? null : (double)((StartMrr - ChurnedMrr - DownsellMrr) / StartMrr);

    /// <summary>The share of the starting accounts lost; <see langword="null"/> when there were none.</summary>
    public double? LogoChurnRate => AccountsAtStart == 0 ? null : (double)AccountsChurned / AccountsAtStart;

    /// <summary><see cref="LogoChurnRate"/> converted to a year (<see cref="AnnualizeChurnRate"/>).</summary>
    public double? AnnualLogoChurnRate => LogoChurnRate is { } c ? AnnualizeChurnRate(c, PeriodDays) : null;

    /// <summary>Expansion MRR as a share of the starting MRR (Petra playbook's "expansion revenue, % of MRR"); <see langword="null"/> when the starting MRR is 0.</summary>
    public double? ExpansionShareOfMrr => StartMrr == 0 ? null : (double)(ExpansionMrr / StartMrr);

    /// <summary>Computes the metrics of a period.</summary>
    /// <param name="subscriptions">The subscription records; each is checked, none is skipped.</param>
    /// <param name="periodStart">The period's first day.</param>
    /// <param name="periodEnd">The period's end day, after <paramref name="periodStart"/>.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subscriptions"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="periodEnd"/> is not after <paramref name="periodStart"/>, or a record is null or the revenue adds
    /// up to more than a decimal holds (naming <paramref name="subscriptions"/>).
    /// </exception>
    public static RetentionMetrics Compute(IEnumerable<SubscriptionRecord> subscriptions, LocalDate periodStart, LocalDate periodEnd)
    {
        try
        {
            return Sum(subscriptions, periodStart, periodEnd);
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("the monthly recurring revenue of the subscriptions adds up to more than a decimal holds (about 7.9e28).", nameof(subscriptions), e);
        }
    }

    private static RetentionMetrics Sum(IEnumerable<SubscriptionRecord> subscriptions, LocalDate periodStart, LocalDate periodEnd)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (periodEnd <= periodStart)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"the period must end after it starts, but it starts on {periodStart:uuuu-MM-dd} and ends on {periodEnd:uuuu-MM-dd}."),
                nameof(periodEnd));
        }

        var accounts = new Dictionary<string, (decimal Start, decimal End, bool AtStart, bool AtEnd)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var s in subscriptions)
        {
            if (s is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"subscription #{index} is null."), nameof(subscriptions));
            }

            var atStart = s.IsActiveOn(periodStart);
            var atEnd = s.IsActiveOn(periodEnd);
            if (atStart || atEnd)
            {
                accounts.TryGetValue(s.AccountId, out var a);
                accounts[s.AccountId] = (
                    a.Start + (atStart ? s.MonthlyRecurringRevenue : 0),
                    a.End + (atEnd ? s.MonthlyRecurringRevenue : 0),
                    a.AtStart || atStart,
                    a.AtEnd || atEnd);
            }

            index++;
        }

        var m = new RetentionMetrics(periodStart, periodEnd);
        foreach (var (_, a) in accounts)
        {
            m.EndMrr += a.End;
            m.AccountsAtEnd += a.AtEnd ? 1 : 0;
            if (!a.AtStart)
            {
                m.NewMrr += a.End;
                m.NewAccounts++;
                continue;
            }

            m.AccountsAtStart++;
            m.StartMrr += a.Start;
            m.RetainedMrr += a.End;
            if (!a.AtEnd)
            {
                m.AccountsChurned++;
                m.ChurnedMrr += a.Start;
            }
            else if (a.End < a.Start)
            {
                m.DownsellMrr += a.Start - a.End;
            }
            else
            {
                m.ExpansionMrr += a.End - a.Start;
            }
        }

        return m;
    }

    /// <summary>Converts a churn rate measured over one period length to another: 1 − (1 − rate)^(toDays ÷ fromDays).</summary>
    /// <param name="rate">The churn rate over <paramref name="fromDays"/>, in [0, 1].</param>
    /// <param name="fromDays">The length it was measured over, in days, more than 0.</param>
    /// <param name="toDays">The length to convert to, in days, more than 0.</param>
    /// <returns>The equivalent churn rate over <paramref name="toDays"/>, assuming a constant hazard.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside [0, 1] or a length is not positive and finite.</exception>
    public static double ConvertChurnRate(double rate, double fromDays, double toDays)
    {
        Internal.Guard.InRange(rate, 0, 1, "the churn rate", nameof(rate));
        Positive(fromDays, nameof(fromDays));
        Positive(toDays, nameof(toDays));
        return 1 - Math.Pow(1 - rate, toDays / fromDays);
    }

    /// <summary>Converts a churn rate over a period of <paramref name="periodDays"/> to a year: 1 − (1 − rate)^(365 ÷ days).</summary>
    /// <param name="rate">The churn rate over the period, in [0, 1].</param>
    /// <param name="periodDays">The period's length in days, more than 0.</param>
    /// <returns>The annual churn rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside [0, 1] or the length is not positive and finite.</exception>
    public static double AnnualizeChurnRate(double rate, double periodDays) => ConvertChurnRate(rate, periodDays, DaysPerYear);

    /// <summary>For example "2026-01-01 to 2026-04-01: NRR 104.2%, GRR 93.1%, logo churn 4.0%"; a ratio without a cohort reads "n/a".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{PeriodStart:uuuu-MM-dd} to {PeriodEnd:uuuu-MM-dd}: NRR {Percent(NetRevenueRetention)}, GRR {Percent(GrossRevenueRetention)}, logo churn {Percent(LogoChurnRate)}");

    private static string Percent(double? share) =>
        share is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a (no accounts at the start)";

    private static void Positive(double days, string paramName)
    {
        if (!(days > 0 && double.IsFinite(days)))
        {
            throw new ArgumentOutOfRangeException(paramName, days,
                string.Create(CultureInfo.InvariantCulture, $"a period length must be a positive number of days but was {days}."));
        }
    }
}
