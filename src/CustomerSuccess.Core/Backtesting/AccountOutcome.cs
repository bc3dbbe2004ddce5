using System;
using System.Globalization;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Backtesting;

/// <summary>How an account's history ends: churned on a date, renewed on a date, or still active on the history's last day.</summary>
/// <param name="Account">The account's id. Not empty.</param>
/// <param name="Kind">How it ends.</param>
/// <param name="Date">When: the churn, the renewal (which commits the account to a new term), or the history's last day.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AccountOutcome(string Account, OutcomeKind Kind, LocalDate Date)
{
    /// <summary>The default horizon of a back-test: churn within 90 days of a snapshot (ours: a renewal window's length).</summary>
    public const int DefaultHorizonDays = 90;

    /// <summary>The account's id.</summary>
    public string Account { get; init; } = string.IsNullOrWhiteSpace(Account) ? throw new ArgumentException("the account's id is empty.", nameof(Account)) : Account;

    /// <summary>How it ends.</summary>
    public OutcomeKind Kind { get; init; } = Guard.Defined(Kind, nameof(Kind));

    /// <summary>
    /// What became of the account within <paramref name="horizonDays"/> after a snapshot of <paramref name="snapshot"/>:
    /// churned if it churned on or before the horizon's last day; retained if it churned later, renewed (a renewal
    /// commits it to a new term, so it is retained through any horizon that begins before it), or was still active on
    /// the horizon's last day; censored when its history ends, still active, before that day, so that an account
    /// observed for less than the horizon is never counted as retained.
    /// </summary>
    /// <param name="snapshot">The snapshot's date.</param>
    /// <param name="horizonDays">The horizon, 1 day or more; <see cref="DefaultHorizonDays"/> by default.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizonDays"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The snapshot is after the account churned, or after its history ends.</exception>
    public HorizonLabel LabelAt(LocalDate snapshot, int horizonDays = DefaultHorizonDays)
    {
        if (horizonDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, "the horizon must be 1 day or more.");
        }

        if (ProblemWith(snapshot) is { } problem)
        {
            throw new ArgumentException(problem, nameof(snapshot));
        }

        // A horizon that runs past the calendar's last day ends after every date: a churn falls in it, nothing else fills it.
        var end = IsoDays.PlusDaysOrNull(snapshot, horizonDays);
        return Kind switch
        {
            OutcomeKind.Churned => end is null || Date <= end ? HorizonLabel.Churned : HorizonLabel.Retained,
            OutcomeKind.Renewed => HorizonLabel.Retained,
            _ => end is { } last && Date >= last ? HorizonLabel.Retained : HorizonLabel.Censored,
        };
    }

    /// <summary>
    /// Why a snapshot of <paramref name="snapshot"/> cannot be labelled by this outcome, or null when it can: it is on or
    /// after the churn, or after the history's end. A reader of a history asks this of each snapshot to report it as a bad
    /// row instead of catching the exception a back-test would throw.
    /// </summary>
    /// <param name="snapshot">The snapshot's date.</param>
    /// <returns>The problem, naming the account and both dates, or null.</returns>
    public string? ProblemWith(LocalDate snapshot) =>
        Kind == OutcomeKind.Churned
            ? snapshot >= Date ? $"account '{Account}' has a snapshot on {Iso(snapshot)}, on or after it churned ({Iso(Date)})." : null
            : snapshot > Date ? $"account '{Account}' has a snapshot on {Iso(snapshot)}, after its history ends ({Iso(Date)})." : null;

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
