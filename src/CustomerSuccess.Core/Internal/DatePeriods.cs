using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Internal;

/// <summary>Checks and words for the date periods engagement cadences are given in (days, weeks, months, years).</summary>
internal static class DatePeriods
{
    /// <summary>Throws unless <paramref name="period"/> has date units only, none negative, and at least one above 0.</summary>
    internal static Period Positive(Period? period, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(period, paramName);
        if (period.HasTimeComponent || period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0
            || period.Equals(Period.Zero))
        {
            throw new ArgumentOutOfRangeException(paramName, period,
                $"{what} must be a positive number of days, weeks, months or years but was {period}.");
        }

        return period;
    }

    /// <summary>
    /// <paramref name="date"/> plus <paramref name="period"/>, or null past the last date of the calendar; a month added
    /// to the 31st lands on the next month's last day, as NodaTime adds months.
    /// </summary>
    internal static LocalDate? PlusOrNull(LocalDate date, Period period)
    {
        var months = (period.Years * 12L) + period.Months;
        if (IsoDays.PlusMonthsOrNull(date, months) is not { } moved)
        {
            return null;
        }

        return IsoDays.PlusDaysOrNull(moved, (period.Weeks * 7L) + period.Days);
    }

    /// <summary>"every 14 days", "every month", "every 3 months", "every 1 month and 2 days".</summary>
    internal static string Every(Period period)
    {
        var months = (period.Years * 12) + period.Months;
        var days = (period.Weeks * 7) + period.Days;
        var monthText = months switch
        {
            0 => null,
            1 => "month",
            12 => "year",
            _ => string.Create(CultureInfo.InvariantCulture, $"{months} months"),
        };
        var dayText = days switch
        {
            0 => null,
            1 => "day",
            7 => "week",
            _ => string.Create(CultureInfo.InvariantCulture, $"{days} days"),
        };
        return monthText is null ? $"every {dayText}"
            : dayText is null ? $"every {monthText}"
            : $"every {(months == 1 ? "1 month" : monthText)} and {(days == 1 ? "1 day" : dayText)}";
    }
}
