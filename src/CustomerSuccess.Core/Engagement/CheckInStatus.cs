using System;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>Where an account stands against its check-in cadence on a date.</summary>
/// <param name="AsOf">The date judged.</param>
/// <param name="LastTouch">The latest touchpoint on or before <paramref name="AsOf"/>, or null when the account was never contacted.</param>
/// <param name="NextDue">The date the next check-in is due.</param>
/// <param name="Interval">The interval that set <paramref name="NextDue"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CheckInStatus(LocalDate AsOf, LocalDate? LastTouch, LocalDate NextDue, Period Interval)
{
    /// <summary>The interval that set <see cref="NextDue"/>.</summary>
    public Period Interval { get; init; } = Interval ?? throw new ArgumentNullException(nameof(Interval));

    /// <summary>Whether the account has no touchpoint at all: "never contacted".</summary>
    public bool IsNeverContacted => LastTouch is null;

    /// <summary>Whether the check-in is past due: <see cref="NextDue"/> is before <see cref="AsOf"/> (due on a day, overdue the day after).</summary>
    public bool IsOverdue => NextDue < AsOf;

    /// <summary>Whether the check-in falls due on <see cref="AsOf"/> itself.</summary>
    public bool IsDue => NextDue == AsOf;

    /// <summary>Days from <see cref="NextDue"/> to <see cref="AsOf"/> when overdue; otherwise 0.</summary>
    public int DaysOverdue => IsOverdue ? Internal.IsoDays.Between(NextDue, AsOf) : 0;

    /// <summary>The check-in as an agenda item of an account.</summary>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="owner">Who checks in; "CSM" by default (CS Manager playbook).</param>
    /// <returns>The item, due on <see cref="NextDue"/>, Medium priority when never contacted and Low otherwise (ours).</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> or <paramref name="owner"/> is empty.</exception>
    public AgendaItem ToAgendaItem(string account, string owner = "CSM")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return new(account, AgendaItemKind.CheckIn, IsNeverContacted ? "First check-in (never contacted)" : "Check-in",
            NextDue, IsNeverContacted ? AgendaPriority.Medium : AgendaPriority.Low,
            Rules.GetValue(Interval, static p => $"check-in cadence: {Internal.DatePeriods.Every(p)}"), "CS Manager playbook", owner);
    }

    /// <summary>Each interval's rule text, made once per interval (a cadence's steps share theirs) and let go with it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Period, string> Rules = new();
}
