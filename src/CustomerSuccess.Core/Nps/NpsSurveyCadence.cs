using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>
/// When to survey a customer: a first survey some days after the start, a second some days after the start, then
/// every few months after the second. The CS Agent playbook: at 30 days, at 90 days, then quarterly.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class NpsSurveyCadence
{
    /// <summary>Creates a cadence.</summary>
    /// <param name="firstAfterDays">Days from the start to the first survey, 0 or more.</param>
    /// <param name="secondAfterDays">Days from the start to the second survey, more than <paramref name="firstAfterDays"/>.</param>
    /// <param name="thenEveryMonths">Months between surveys after the second, 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names it.</exception>
    public NpsSurveyCadence(int firstAfterDays, int secondAfterDays, int thenEveryMonths)
    {
        if (firstAfterDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(firstAfterDays), firstAfterDays, $"the first survey must be 0 days or more after the start but was {firstAfterDays}.");
        }

        if (secondAfterDays <= firstAfterDays)
        {
            throw new ArgumentOutOfRangeException(nameof(secondAfterDays), secondAfterDays, $"the second survey ({secondAfterDays} days) must come after the first ({firstAfterDays} days).");
        }

        if (thenEveryMonths < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(thenEveryMonths), thenEveryMonths, $"surveys after the second must be 1 month or more apart but were {thenEveryMonths}.");
        }

        FirstAfterDays = firstAfterDays;
        SecondAfterDays = secondAfterDays;
        ThenEveryMonths = thenEveryMonths;
    }

    /// <summary>The CS Agent playbook: at 30 days, at 90 days, then every 3 months.</summary>
    public static NpsSurveyCadence Seed004 { get; } = new(30, 90, 3);

    /// <summary>Days from the start to the first survey.</summary>
    /// <value>30 in <see cref="Seed004"/>.</value>
    public int FirstAfterDays { get; }

    /// <summary>Days from the start to the second survey.</summary>
    /// <value>90 in <see cref="Seed004"/>.</value>
    public int SecondAfterDays { get; }

    /// <summary>Months between surveys after the second.</summary>
    /// <value>3 in <see cref="Seed004"/>.</value>
    public int ThenEveryMonths { get; }

    /// <summary>
    /// The scheduled survey dates, up to the last date of the calendar (9999-12-31). After the second survey the k-th
    /// date is the second date plus k × <see cref="ThenEveryMonths"/> months, each computed from the second date (so
    /// 31st-of-the-month dates do not drift: NodaTime moves a date past a shorter month's end to that month's last day).
    /// </summary>
    /// <param name="start">The customer's start date.</param>
    /// <returns>A lazily computed sequence of dates, endless in practice; it stops before a date past the calendar's last.</returns>
    [Pure]
    public IEnumerable<LocalDate> ScheduledDates(LocalDate start)
    {
        if (IsoDays.PlusDaysOrNull(start, FirstAfterDays) is not { } first)
        {
            yield break;
        }

        yield return first;
        if (IsoDays.PlusDaysOrNull(start, SecondAfterDays) is not { } second)
        {
            yield break;
        }

        for (var k = 0L; IsoDays.PlusMonthsOrNull(second, k * ThenEveryMonths) is { } date; k++)
        {
            yield return date;
        }
    }

    /// <summary>
    /// The next survey due as of a date. A survey sent on a date covers every scheduled date up to and including it;
    /// the next due date is the first scheduled date after the last survey (the first scheduled date when there has
    /// been none), and it is overdue when it is before the as-of date.
    /// </summary>
    /// <param name="start">The customer's start date.</param>
    /// <param name="asOf">The date to judge by; not before <paramref name="start"/>.</param>
    /// <param name="lastSurveyed">The date of the last survey sent, or null for none; between start and as-of.</param>
    /// <returns>The next due date and whether it is overdue.</returns>
    /// <exception cref="ArgumentException">A date is out of order; the message names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The next survey would fall after the last date of the calendar (naming <paramref name="start"/>).</exception>
    [Pure]
    public NpsSurveyStatus NextDue(LocalDate start, LocalDate asOf, LocalDate? lastSurveyed = null)
    {
        if (asOf < start)
        {
            throw new ArgumentException($"the as-of date {asOf:uuuu-MM-dd} is before the start {start:uuuu-MM-dd}.", nameof(asOf));
        }

        if (lastSurveyed is { } last && (last < start || last > asOf))
        {
            throw new ArgumentException(
                $"the last survey date {last:uuuu-MM-dd} must be between the start {start:uuuu-MM-dd} and the as-of date {asOf:uuuu-MM-dd}.",
                nameof(lastSurveyed));
        }

        foreach (var date in ScheduledDates(start))
        {
            if (lastSurveyed is { } covered && date <= covered)
            {
                continue;
            }

            var overdue = date < asOf ? Period.DaysBetween(date, asOf) : 0;
            return new NpsSurveyStatus(date, overdue > 0, overdue);
        }

        throw new ArgumentOutOfRangeException(nameof(start), start,
            $"the next survey of a customer who started on {start:uuuu-MM-dd} would fall after the last date of the calendar, 9999-12-31.");
    }
}
