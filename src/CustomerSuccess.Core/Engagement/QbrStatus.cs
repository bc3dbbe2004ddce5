using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>Where an account's quarterly business reviews stand on a date.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class QbrStatus
{
    internal QbrStatus(QbrPolicy policy, LocalDate asOf, LocalDate? lastHeld, LocalDate nextDue, LocalDate? planned, IReadOnlyList<QbrStepStatus> heldSteps, IReadOnlyList<QbrStepStatus> nextSteps)
    {
        Policy = policy;
        AsOf = asOf;
        LastHeld = lastHeld;
        NextDue = nextDue;
        Planned = planned;
        HeldSteps = heldSteps;
        NextSteps = nextSteps;
    }

    /// <summary>The policy judged by.</summary>
    public QbrPolicy Policy { get; }

    /// <summary>The date judged.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The last review held on or before <see cref="AsOf"/>, or null when none was.</summary>
    public LocalDate? LastHeld { get; }

    /// <summary>The date the next review is due: the policy's months after the last one held, or after the start.</summary>
    public LocalDate NextDue { get; }

    /// <summary>The next review's meeting date when one is planned; otherwise null.</summary>
    public LocalDate? Planned { get; }

    /// <summary>Whether the next review is past due and not yet held.</summary>
    public bool IsOverdue => NextDue < AsOf;

    /// <summary>Days the next review is overdue; 0 when it is not.</summary>
    public int DaysOverdue => IsOverdue ? Internal.IsoDays.Between(NextDue, AsOf) : 0;

    /// <summary>
    /// Whether the account counts toward QBR completion on <see cref="AsOf"/>: a review was held or the first one has
    /// fallen due.
    /// </summary>
    public bool CountsTowardCompletion => LastHeld is not null || NextDue <= AsOf;

    /// <summary>Whether the account had its review within the policy's months up to <see cref="AsOf"/>.</summary>
    public bool IsComplete => LastHeld is not null && NextDue >= AsOf;

    /// <summary>The schedule, pre-read and summary steps of every review held, by meeting date.</summary>
    public IReadOnlyList<QbrStepStatus> HeldSteps { get; }

    /// <summary>The steps of the next review (schedule, pre-read, the meeting itself) with their deadlines.</summary>
    public IReadOnlyList<QbrStepStatus> NextSteps { get; }

    /// <summary>The steps that were or are late, held reviews' and the next one's.</summary>
    public IEnumerable<QbrStepStatus> LateSteps => HeldSteps.Concat(NextSteps).Where(s => s.IsLate);

    /// <summary>
    /// What is still to do as agenda items: the summary of the last review when not sent, and the next review's steps not
    /// done (schedule and pre-read Medium, the meeting High; ours).
    /// </summary>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="owner">Who does it; "CSM" by default.</param>
    /// <param name="dueBy">Leave out what falls due after this date (an agenda's horizon: its as-of date plus its lookahead), so that no item is made only to be dropped; null (the default) keeps every item.</param>
    /// <returns>The items, by due date.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> or <paramref name="owner"/> is empty.</exception>
    public IReadOnlyList<AgendaItem> ToAgendaItems(string account, string owner = "CSM", LocalDate? dueBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var items = new List<AgendaItem>();
        var rules = Policy.AgendaRules;
        if (HeldSteps.Count > 0 && HeldSteps[^1] is { Step: QbrStep.Summary, IsDone: false } summary && !(summary.DueBy > dueBy))
        {
            items.Add(new AgendaItem(account, AgendaItemKind.Qbr, $"Send the summary of the {Internal.IsoDays.Format(summary.Meeting)} QBR", summary.DueBy,
                AgendaPriority.Medium, rules.Summary, Policy.Source, owner));
        }

        foreach (var step in NextSteps)
        {
            if (step.IsDone || step.DueBy > dueBy)
            {
                continue;
            }

            var (what, priority, rule) = step.Step switch
            {
                QbrStep.Schedule => ("Schedule the QBR", AgendaPriority.Medium, rules.Schedule),
                QbrStep.PreRead => ("Send the QBR pre-read", AgendaPriority.Medium, rules.PreRead),
                _ => ("Hold the QBR", AgendaPriority.High, rules.Meeting),
            };
            items.Add(new AgendaItem(account, AgendaItemKind.Qbr, what, step.DueBy, priority, rule, Policy.Source, owner));
        }

        items.Sort(static (a, b) => a.DueDate.CompareTo(b.DueDate));
        return items.AsReadOnly();
    }
}
