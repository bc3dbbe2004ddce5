using NodaTime;

namespace CustomerSuccess.Internal;

/// <summary>Calendar months and quarters as runs of whole months: 1 month a period, or 3 for quarters.</summary>
internal static class CalendarPeriods
{
    /// <summary>The first day of the period that contains <paramref name="date"/>.</summary>
    internal static LocalDate Start(LocalDate date, int monthsPerPeriod) =>
        new(date.Year, (((date.Month - 1) / monthsPerPeriod) * monthsPerPeriod) + 1, 1);

    /// <summary>How many periods after the period starting <paramref name="first"/> the period of <paramref name="date"/> is.</summary>
    internal static int Index(LocalDate first, LocalDate date, int monthsPerPeriod)
    {
        var start = Start(date, monthsPerPeriod);
        return (((start.Year - first.Year) * 12) + start.Month - first.Month) / monthsPerPeriod;
    }

    /// <summary>The dates of the period <paramref name="index"/> periods after the one starting <paramref name="first"/>.</summary>
    internal static DateInterval Interval(LocalDate first, int index, int monthsPerPeriod)
    {
        var start = first.PlusMonths(index * monthsPerPeriod);

        // Periods are whole months inside one year (12 is a multiple of 1 and 3), so the end is the last day of the
        // period's last month: no date after the period is computed, and the last period of the calendar has an end.
        var lastMonth = start.Month + monthsPerPeriod - 1;
        return new DateInterval(start, new LocalDate(start.Year, lastMonth, start.Calendar.GetDaysInMonth(start.Year, lastMonth), start.Calendar));
    }
}
