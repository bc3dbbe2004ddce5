using System;
using NodaTime;

namespace CustomerSuccess.Internal;

/// <summary>
/// Whole days between dates, as <see cref="Period.DaysBetween"/> counts them, worked out from the year, month and day
/// for ISO dates (the calendar of nearly every date the library sees) instead of through the calendar system's general
/// machinery; other calendars go to NodaTime.
/// </summary>
internal static class IsoDays
{
    /// <summary>Days from <paramref name="start"/> to <paramref name="end"/>: negative when <paramref name="end"/> comes first.</summary>
    /// <exception cref="ArgumentException">The dates are in different calendars (as <see cref="Period.DaysBetween"/> throws).</exception>
    internal static int Between(LocalDate start, LocalDate end)
    {
        var iso = CalendarSystem.Iso;
        return start.Calendar == iso && end.Calendar == iso ? DayNumber(end) - DayNumber(start) : Period.DaysBetween(start, end);
    }

    /// <summary>The last date of a calendar: 9999-12-31 in ISO.</summary>
    internal static LocalDate LastDate(CalendarSystem calendar)
    {
        if (calendar == CalendarSystem.Iso)
        {
            return LocalDate.MaxIsoValue;
        }

        var year = calendar.MaxYear;
        var month = calendar.GetMonthsInYear(year);
        return new LocalDate(year, month, calendar.GetDaysInMonth(year, month), calendar);
    }

    /// <summary>
    /// <paramref name="date"/> plus <paramref name="days"/> days (0 or more), or null when that would fall after the
    /// last date of the calendar (9999-12-31 in ISO): a common "no end date" must not overflow a schedule.
    /// </summary>
    internal static LocalDate? PlusDaysOrNull(LocalDate date, long days)
    {
        var last = LastDate(date.Calendar);
        return Between(date, last) >= days ? date.PlusDays((int)days) : null;
    }

    /// <summary><paramref name="date"/> plus <paramref name="months"/> months (0 or more), or null past the calendar's last month.</summary>
    internal static LocalDate? PlusMonthsOrNull(LocalDate date, long months)
    {
        var last = LastDate(date.Calendar);
        var left = ((long)(last.Year - date.Year) * 12) + last.Month - date.Month;
        return left >= months ? date.PlusMonths((int)months) : null;
    }

    /// <summary>
    /// Days since 1970-01-01 of an ISO date: the proleptic Gregorian count in 400-year eras of 146 097 days, with each
    /// year taken from March so that the leap day is the last day of its year.
    /// </summary>
    /// <summary>The day number of an ISO date (days since 1970-01-01; proleptic Gregorian): a plain int for sorting and counting.</summary>
    internal static int DayNumber(LocalDate date)
    {
        var month = date.Month;
        var year = month <= 2 ? date.Year - 1 : date.Year;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + date.Day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    /// <summary>
    /// A date as yyyy-MM-dd, as the pattern "uuuu-MM-dd" writes it, without the pattern machinery for an ISO date of
    /// years 0 to 9999 (the text of an agenda item is built for every candidate).
    /// </summary>
    internal static string Format(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso || date.Year < 0)
        {
            return date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Create(10, (date.Year, date.Month, date.Day), static (span, d) =>
        {
            span[0] = (char)('0' + (d.Year / 1000));
            span[1] = (char)('0' + (d.Year / 100 % 10));
            span[2] = (char)('0' + (d.Year / 10 % 10));
            span[3] = (char)('0' + (d.Year % 10));
            span[4] = '-';
            span[5] = (char)('0' + (d.Month / 10));
            span[6] = (char)('0' + (d.Month % 10));
            span[7] = '-';
            span[8] = (char)('0' + (d.Day / 10));
            span[9] = (char)('0' + (d.Day % 10));
        });
    }
}
