using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Renewals;

/// <summary>
/// A contract's renewal timeline as of a date: the current renewal date, the days until it, whether the renewal
/// window is open, every checkpoint's due date and state, and the next action.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RenewalTimeline
{
    private RenewalTimeline(Contract contract, RenewalPlaybook playbook, LocalDate asOf, LocalDate renewalDate, int windowDays, IReadOnlyList<RenewalCheckpointStatus> checkpoints)
    {
        Contract = contract;
        Playbook = playbook;
        AsOf = asOf;
        RenewalDate = renewalDate;
        DaysUntilRenewal = Period.DaysBetween(asOf, renewalDate);
        IsWindowOpen = DaysUntilRenewal <= windowDays;
        Checkpoints = checkpoints;
        NextAction = checkpoints.FirstOrDefault(c => c.State != RenewalCheckpointState.Done);
    }

    /// <summary>The contract.</summary>
    public Contract Contract { get; }

    /// <summary>The playbook.</summary>
    public RenewalPlaybook Playbook { get; }

    /// <summary>The date the timeline describes.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The renewal date current as of <see cref="AsOf"/>.</summary>
    public LocalDate RenewalDate { get; }

    /// <summary>Days from <see cref="AsOf"/> to <see cref="RenewalDate"/>; 0 or more.</summary>
    public int DaysUntilRenewal { get; }

    /// <summary>Whether renewal conversations should be under way: the renewal is at most the window's days away.</summary>
    public bool IsWindowOpen { get; }

    /// <summary>Every checkpoint with its due date and state, in due-date order.</summary>
    public IReadOnlyList<RenewalCheckpointStatus> Checkpoints { get; }

    /// <summary>The earliest checkpoint not yet done (overdue ones first, as they are earliest), or null when all are done.</summary>
    public RenewalCheckpointStatus? NextAction { get; }

    /// <summary>Builds the timeline of a contract's current renewal.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="playbook">The playbook.</param>
    /// <param name="asOf">The date; as for <see cref="Contract.RenewalDateAsOf"/>.</param>
    /// <param name="done">The checkpoints done so far for this renewal; each must be one of the playbook's.</param>
    /// <param name="windowDays">How many days before the renewal the window opens, 0 or more; 90 by default (CS Manager playbook).</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The as-of date is before the contract start or after a single-term contract's end, or <paramref name="windowDays"/> is negative.</exception>
    /// <exception cref="ArgumentException">A done checkpoint is not in the playbook; the message names it.</exception>
    public static RenewalTimeline For(
        Contract contract,
        RenewalPlaybook playbook,
        LocalDate asOf,
        IEnumerable<RenewalCheckpoint>? done = null,
        int windowDays = RenewalPlaybook.ConversationStartDays)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(playbook);
        if (windowDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, $"the renewal window must be 0 days or more but was {windowDays}.");
        }

        var doneList = done is null ? [] : done as IReadOnlyCollection<RenewalCheckpoint> ?? done.ToArray();
        foreach (var checkpoint in doneList)
        {
            if (!playbook.Checkpoints.Contains(checkpoint))
            {
                throw new ArgumentException($"checkpoint '{checkpoint}' is not in playbook '{playbook.Name}'.", nameof(done));
            }
        }

        var renewal = contract.RenewalDateAsOf(asOf);
        var checkpoints = playbook.Checkpoints;
        var statuses = new RenewalCheckpointStatus[checkpoints.Count];
        for (var i = 0; i < statuses.Length; i++)
        {
            var c = checkpoints[i];
            var due = renewal.PlusDays(-c.DaysBefore);
            var state = doneList.Count > 0 && doneList.Contains(c) ? RenewalCheckpointState.Done
                : due > asOf ? RenewalCheckpointState.Upcoming
                : due == asOf ? RenewalCheckpointState.Due
                : RenewalCheckpointState.Overdue;
            var status = new RenewalCheckpointStatus(c, due, state);

            // In due-date order, the playbook's order among equal dates (an insertion sort: a playbook has a handful).
            var at = i;
            while (at > 0 && statuses[at - 1].DueDate > due)
            {
                statuses[at] = statuses[at - 1];
                at--;
            }

            statuses[at] = status;
        }

        return new RenewalTimeline(contract, playbook, asOf, renewal, windowDays, Array.AsReadOnly(statuses));
    }
}
