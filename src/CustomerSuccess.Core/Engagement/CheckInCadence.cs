using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// How often to check in with an account, by the day of the relationship: a list of steps, each an interval from a
/// day on. The CS Manager playbook: weekly in days 1–30, every two weeks in days 31–60, monthly after.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The next check-in is due at the latest, over every touchpoint, of its date plus the
/// interval in force on that date; so a touchpoint never makes a check-in due sooner, and with intervals that only grow
/// (as in every preset) the latest touchpoint decides. The kickoff counts as the first touch: with no touchpoint the
/// first check-in is due at the kickoff plus the first step's interval, and no touchpoint makes it due sooner.
/// </remarks>
public sealed class CheckInCadence
{
    /// <summary>Creates a cadence.</summary>
    /// <param name="name">A name for messages and agenda items. Not empty.</param>
    /// <param name="steps">The steps; the first from day 1, each later one from a later day.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, there is no step, or the steps do not start on day 1 and rise; the message lists every problem.</exception>
    public CheckInCadence(string name, IEnumerable<CadenceStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToArray();
        var problems = new List<string>();
        if (list.Length == 0)
        {
            problems.Add("it has no step.");
        }
        else if (list[0] is null || list[0].FromDay != 1)
        {
            problems.Add($"the first step must start on day 1 but started on day {list[0]?.FromDay}.");
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                problems.Add($"step {i + 1} is null.");
            }
            else if (i > 0 && list[i - 1] is { } before && list[i].FromDay <= before.FromDay)
            {
                problems.Add($"step {i + 1} starts on day {list[i].FromDay}, not after step {i}'s day {before.FromDay}.");
            }
        }

        Guard.NoProblems(problems, $"Check-in cadence '{name}'", nameof(steps));
        Name = name;
        Steps = Array.AsReadOnly(list);
    }

    /// <summary>
    /// The CS Manager playbook's onboarding rhythm: weekly in days 1–30, every two weeks in days 31–60, then monthly
    /// (its "transition to monthly check-ins" in days 61–90, and "monthly check-ins minimum" after). Name "30-60-90".
    /// </summary>
    public static CheckInCadence Seed001 { get; } = new("30-60-90",
    [
        new CadenceStep(1, Period.FromWeeks(1)),
        new CadenceStep(31, Period.FromDays(14)),
        new CadenceStep(61, Period.FromMonths(1)),
    ]);

    /// <summary>The CS Manager playbook's non-negotiable "monthly check-ins minimum". Name "monthly".</summary>
    public static CheckInCadence Monthly { get; } = new("monthly", [new CadenceStep(1, Period.FromMonths(1))]);

    /// <summary>Weekly: the CS Manager playbook during a churn risk, the CS Agent playbook for 30 days at Medium risk. Name "weekly".</summary>
    public static CheckInCadence Weekly { get; } = new("weekly", [new CadenceStep(1, Period.FromWeeks(1))]);

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The steps, by day.</summary>
    public IReadOnlyList<CadenceStep> Steps { get; }

    /// <summary>The interval in force on a day of the relationship (days before day 1 take the first step's).</summary>
    /// <param name="day">The day; the kickoff date is day 1.</param>
    /// <returns>The interval.</returns>
    [Pure]
    public Period IntervalOn(int day) => Steps[StepOn(day)].Every;

    /// <summary>Where an account stands against the cadence on a date.</summary>
    /// <param name="kickoff">The kickoff date, day 1 of the relationship.</param>
    /// <param name="touchpoints">The dated touchpoints (calls, meetings, check-in emails), in any order; none after <paramref name="asOf"/>. May be empty: "never contacted".</param>
    /// <param name="asOf">The date to judge by.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="touchpoints"/> is null.</exception>
    /// <exception cref="ArgumentException">A touchpoint is after the as-of date; the message names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The next check-in would fall after the last date of the calendar.</exception>
    [Pure]
    public CheckInStatus Status(LocalDate kickoff, IEnumerable<LocalDate> touchpoints, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);

        // Within a step the interval is the same, and a date plus an interval never falls as the date rises: the next
        // check-in is the latest over the steps of (the step's last touchpoint + its interval), so one pass keeps the
        // last touchpoint of each step and the dates are added once per step, not once per touchpoint.
        Span<LocalDate> latest = Steps.Count <= 8 ? stackalloc LocalDate[Steps.Count] : new LocalDate[Steps.Count];
        Span<bool> touched = Steps.Count <= 8 ? stackalloc bool[Steps.Count] : new bool[Steps.Count];
        LocalDate? last = null;
        var iso = kickoff.Calendar == CalendarSystem.Iso && asOf.Calendar == CalendarSystem.Iso;
        var (kickoffDay, asOfDay, lastDay) = iso ? (IsoDays.DayNumber(kickoff), IsoDays.DayNumber(asOf), int.MinValue) : (0, 0, 0);
        Span<int> latestDay = Steps.Count <= 8 ? stackalloc int[Steps.Count] : new int[Steps.Count];
        foreach (var touch in touchpoints)
        {
            if (iso && touch.Calendar == CalendarSystem.Iso)
            {
                // ISO dates as day numbers: plain integers to compare, the common case.
                var day = IsoDays.DayNumber(touch);
                if (day > asOfDay)
                {
                    throw TouchAfter(touch, asOf, nameof(touchpoints));
                }

                var at = StepOn(day - kickoffDay + 1);
                if (!touched[at] || day > latestDay[at])
                {
                    (latest[at], latestDay[at], touched[at]) = (touch, day, true);
                }

                if (day > lastDay)
                {
                    (last, lastDay) = (touch, day);
                }

                continue;
            }

            if (touch > asOf)
            {
                throw TouchAfter(touch, asOf, nameof(touchpoints));
            }

            var step = StepOn(IsoDays.Between(kickoff, touch) + 1);
            if (!touched[step] || touch > latest[step])
            {
                (latest[step], touched[step]) = (touch, true);
            }

            if (last is null || touch > last)
            {
                last = touch;
            }
        }

        var interval = Steps[0].Every;
        var due = DatePeriods.PlusOrNull(kickoff, interval) ?? throw PastCalendar(kickoff, nameof(kickoff));
        for (var step = 0; step < Steps.Count; step++)
        {
            if (!touched[step])
            {
                continue;
            }

            var every = Steps[step].Every;
            var next = DatePeriods.PlusOrNull(latest[step], every) ?? throw PastCalendar(latest[step], nameof(touchpoints));
            if (next > due)
            {
                due = next;
                interval = every;
            }
        }

        return new CheckInStatus(asOf, last, due, interval);
    }

    private static ArgumentException TouchAfter(LocalDate touch, LocalDate asOf, string paramName) =>
        new($"a touchpoint on {touch:uuuu-MM-dd} is after the as-of date {asOf:uuuu-MM-dd}.", paramName);

    /// <summary>The index of the step in force on a day of the relationship (days before day 1 take the first).</summary>
    private int StepOn(int day)
    {
        var at = 0;
        for (var i = 1; i < Steps.Count && Steps[i].FromDay <= day; i++)
        {
            at = i;
        }

        return at;
    }

    /// <summary>"30-60-90: from day 1: every week; from day 31: every 14 days; from day 61: every month".</summary>
    public override string ToString() => $"{Name}: {string.Join("; ", Steps)}";

    private static ArgumentOutOfRangeException PastCalendar(LocalDate from, string paramName) =>
        new(paramName, from, $"the check-in after {from:uuuu-MM-dd} would fall after the last date of the calendar.");
}
