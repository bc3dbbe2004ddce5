using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// Who gets a quarterly business review, how often, and the steps around each: schedule so many days ahead, send a
/// pre-read so many days before, send the summary within so many days after; and how long the meeting runs.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class QbrPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="name">A name. Not empty.</param>
    /// <param name="everyMonths">Months between reviews, 1 or more.</param>
    /// <param name="scheduleDaysAhead">How many days before the meeting it must be scheduled, 0 or more.</param>
    /// <param name="preReadDaysBefore">How many days before the meeting the pre-read goes out, 0 or more.</param>
    /// <param name="summaryWithinDays">Within how many days after the meeting the summary goes out, 0 or more.</param>
    /// <param name="minMinutes">The meeting's shortest length in minutes, 1 or more.</param>
    /// <param name="maxMinutes">The meeting's longest length in minutes, at least <paramref name="minMinutes"/>.</param>
    /// <param name="segments">Segments whose accounts all get a review besides those flagged strategic (names ignore case); none by default.</param>
    /// <param name="source">The playbook the policy comes from, or "ours". Not empty.</param>
    /// <exception cref="ArgumentException">A value is out of range or a text is empty; the message lists every problem.</exception>
    public QbrPolicy(
        string name,
        int everyMonths,
        int scheduleDaysAhead,
        int preReadDaysBefore,
        int summaryWithinDays,
        int minMinutes,
        int maxMinutes,
        IEnumerable<string>? segments = null,
        string source = "ours")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var p = new OptionProblems();
        p.AtLeast(everyMonths, 1, nameof(everyMonths));
        p.AtLeast(scheduleDaysAhead, 0, nameof(scheduleDaysAhead));
        p.AtLeast(preReadDaysBefore, 0, nameof(preReadDaysBefore));
        p.AtLeast(summaryWithinDays, 0, nameof(summaryWithinDays));
        p.AtLeast(minMinutes, 1, nameof(minMinutes));
        p.AtLeast(maxMinutes, Math.Max(1, minMinutes), nameof(maxMinutes));
        var set = (segments ?? []).ToArray();
        if (set.Any(string.IsNullOrWhiteSpace))
        {
            p.Add("a segment is empty.");
        }

        Guard.NoProblems(p.List, $"QBR policy '{name}'", null);
        Name = name;
        EveryMonths = everyMonths;
        ScheduleDaysAhead = scheduleDaysAhead;
        PreReadDaysBefore = preReadDaysBefore;
        SummaryWithinDays = summaryWithinDays;
        MinMinutes = minMinutes;
        MaxMinutes = maxMinutes;
        Segments = Array.AsReadOnly(set.Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
        Source = source;
        var rule = $"QBR every {everyMonths} months";
        static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
        AgendaRules = ($"{rule}: summary within {Days(summaryWithinDays)}", $"{rule}: scheduled {Days(scheduleDaysAhead)} ahead",
            $"{rule}: pre-read {Days(preReadDaysBefore)} before", $"{rule}: due");
    }

    /// <summary>The rules its agenda items name, for each step, made once.</summary>
    internal (string Summary, string Schedule, string PreRead, string Meeting) AgendaRules { get; }

    /// <summary>
    /// The CS Manager playbook: quarterly for all strategic accounts, scheduled 2 weeks in advance, pre-read 3 days
    /// before, 45–60 minutes, summary within 24 hours (1 day). Name "cs-manager".
    /// </summary>
    public static QbrPolicy Seed001 { get; } = new("cs-manager", 3, 14, 3, 1, 45, 60, source: "CS Manager playbook");

    /// <summary>
    /// The CS Agent playbook's 30–45 minute agenda (recap 5, value 10, challenges 10, roadmap 5, next-quarter goals 10),
    /// quarterly; it gives no lead times, so the CS Manager playbook's (14, 3 and 1 days) apply. Name "cs-agent".
    /// </summary>
    public static QbrPolicy Seed004 { get; } = new("cs-agent", 3, 14, 3, 1, 30, 45, source: "CS Agent playbook");

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>Months between reviews.</summary>
    /// <value>3 in both presets.</value>
    public int EveryMonths { get; }

    /// <summary>Days before the meeting it must be scheduled.</summary>
    /// <value>14 in both presets (CS Manager playbook).</value>
    public int ScheduleDaysAhead { get; }

    /// <summary>Days before the meeting the pre-read goes out.</summary>
    /// <value>3 in both presets (CS Manager playbook).</value>
    public int PreReadDaysBefore { get; }

    /// <summary>Days after the meeting within which the summary goes out.</summary>
    /// <value>1 in both presets (CS Manager playbook: 24 hours).</value>
    public int SummaryWithinDays { get; }

    /// <summary>The meeting's shortest length in minutes.</summary>
    /// <value>45 in <see cref="Seed001"/>, 30 in <see cref="Seed004"/>.</value>
    public int MinMinutes { get; }

    /// <summary>The meeting's longest length in minutes.</summary>
    /// <value>60 in <see cref="Seed001"/>, 45 in <see cref="Seed004"/>.</value>
    public int MaxMinutes { get; }

    /// <summary>Segments whose accounts all get a review besides those flagged strategic.</summary>
    /// <value>None in both presets: strategic accounts only.</value>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The playbook the policy comes from, or "ours".</summary>
    public string Source { get; }

    /// <summary>Whether an account gets reviews: it is flagged strategic, or its segment is one of <see cref="Segments"/>.</summary>
    /// <param name="strategic">Whether the account is flagged strategic.</param>
    /// <param name="segment">The account's segment, or null.</param>
    /// <returns>Whether it is eligible.</returns>
    public bool IsEligible(bool strategic, string? segment = null) =>
        strategic || (segment is not null && Segments.Contains(segment.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Where an account's reviews stand on a date. The next review is due <see cref="EveryMonths"/> months after the
    /// last one held, or after <paramref name="start"/> when none was; a planned meeting (a record after the as-of date)
    /// is the next one. The steps of every meeting held are checked for lateness, and the steps of the next one are
    /// given with their deadlines.
    /// </summary>
    /// <param name="start">The date reviews start counting from (the kickoff, or the date the account became strategic).</param>
    /// <param name="reviews">The reviews held, and at most one planned; in any order, each meeting date once.</param>
    /// <param name="asOf">The date to judge by.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviews"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// A review's summary is before its meeting, its pre-read or scheduling after it, a step is dated after the as-of
    /// date, a meeting is given twice, or two are planned; the message names the meeting.
    /// </exception>
    public QbrStatus Status(LocalDate start, IEnumerable<QbrRecord> reviews, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var held = new List<QbrRecord>(reviews is ICollection<QbrRecord> c ? c.Count : 4);
        QbrRecord? planned = null;
        HashSet<LocalDate>? seen = null;
        foreach (var r in reviews)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(reviews));
            Check(r, asOf, nameof(reviews));

            // A meeting date given twice: scanned while the reviews are few, a set once they are many.
            if (seen is null && held.Count == 16)
            {
                seen = [.. held.Select(h => h.Meeting)];
                if (planned is not null)
                {
                    seen.Add(planned.Meeting);
                }
            }

            if (seen is null ? Holds(held, planned, r.Meeting) : !seen.Add(r.Meeting))
            {
                throw new ArgumentException($"the QBR of {r.Meeting:uuuu-MM-dd} is given twice.", nameof(reviews));
            }

            if (r.Meeting <= asOf)
            {
                held.Add(r);
            }
            else if (planned is null)
            {
                planned = r;
            }
            else
            {
                throw new ArgumentException($"two QBRs are planned after {asOf:uuuu-MM-dd}: {planned.Meeting:uuuu-MM-dd} and {r.Meeting:uuuu-MM-dd}; give the next one only.", nameof(reviews));
            }
        }

        held.Sort(static (a, b) => a.Meeting.CompareTo(b.Meeting));
        var steps = new QbrStepStatus[held.Count * 3];
        for (var i = 0; i < held.Count; i++)
        {
            var r = held[i];
            steps[3 * i] = new QbrStepStatus(r.Meeting, QbrStep.Schedule, r.Meeting.PlusDays(-ScheduleDaysAhead), r.ScheduledOn, asOf);
            steps[(3 * i) + 1] = new QbrStepStatus(r.Meeting, QbrStep.PreRead, r.Meeting.PlusDays(-PreReadDaysBefore), r.PreReadSentOn, asOf);
            steps[(3 * i) + 2] = new QbrStepStatus(r.Meeting, QbrStep.Summary, IsoDays.PlusDaysOrNull(r.Meeting, SummaryWithinDays) ?? r.Meeting, r.SummarySentOn, asOf);
        }

        LocalDate? last = held.Count == 0 ? null : held[^1].Meeting;
        var due = IsoDays.PlusMonthsOrNull(last ?? start, EveryMonths)
            ?? throw new ArgumentOutOfRangeException(nameof(start), start, "the next QBR would fall after the last date of the calendar.");
        var meeting = planned?.Meeting ?? due;
        var preRead = new QbrStepStatus(meeting, QbrStep.PreRead, meeting.PlusDays(-PreReadDaysBefore), planned?.PreReadSentOn, asOf);
        var review = new QbrStepStatus(meeting, QbrStep.Meeting, due, null, asOf);
        QbrStepStatus[] next = planned is null || planned.ScheduledOn is not null
            ? [new(meeting, QbrStep.Schedule, meeting.PlusDays(-ScheduleDaysAhead), planned?.ScheduledOn, asOf), preRead, review]
            : [preRead, review];
        return new QbrStatus(this, asOf, last, due, planned?.Meeting, Array.AsReadOnly(steps), Array.AsReadOnly(next));
    }

    /// <summary>Whether a meeting date is among the reviews held so far or the one planned.</summary>
    private static bool Holds(List<QbrRecord> held, QbrRecord? planned, LocalDate meeting)
    {
        foreach (var h in held)
        {
            if (h.Meeting == meeting)
            {
                return true;
            }
        }

        return planned?.Meeting == meeting;
    }

    /// <summary>For example "cs-manager: every 3 months, scheduled 14 days ahead, pre-read 3 days before, summary within 1 day, 45–60 minutes".</summary>
    public override string ToString() =>
        $"{Name}: every {EveryMonths} months, scheduled {ScheduleDaysAhead} days ahead, pre-read {PreReadDaysBefore} days before, summary within {SummaryWithinDays} day{(SummaryWithinDays == 1 ? "" : "s")}, {MinMinutes}–{MaxMinutes} minutes";

    private static void Check(QbrRecord r, LocalDate asOf, string paramName)
    {
        if (r.SummarySentOn is { } summary && summary < r.Meeting)
        {
            throw new ArgumentException($"the QBR of {r.Meeting:uuuu-MM-dd} has its summary sent on {summary:uuuu-MM-dd}, before the meeting.", paramName);
        }

        if (r.PreReadSentOn is { } preRead && preRead > r.Meeting)
        {
            throw new ArgumentException($"the QBR of {r.Meeting:uuuu-MM-dd} has its pre-read sent on {preRead:uuuu-MM-dd}, after the meeting.", paramName);
        }

        if (r.ScheduledOn is { } scheduled && scheduled > r.Meeting)
        {
            throw new ArgumentException($"the QBR of {r.Meeting:uuuu-MM-dd} was scheduled on {scheduled:uuuu-MM-dd}, after the meeting.", paramName);
        }

        AfterAsOf(r, r.ScheduledOn, "scheduled", asOf, paramName);
        AfterAsOf(r, r.PreReadSentOn, "pre-read sent", asOf, paramName);
        AfterAsOf(r, r.SummarySentOn, "summary sent", asOf, paramName);
    }

    private static void AfterAsOf(QbrRecord r, LocalDate? date, string what, LocalDate asOf, string paramName)
    {
        if (date is { } d && d > asOf)
        {
            throw new ArgumentException($"the QBR of {r.Meeting:uuuu-MM-dd} is recorded as {what} on {d:uuuu-MM-dd}, after the as-of date {asOf:uuuu-MM-dd}.", paramName);
        }
    }
}
