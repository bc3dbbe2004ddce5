using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Renewals;

/// <summary>A renewal playbook: checkpoints counted back from the renewal date. Data a team can replace.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RenewalPlaybook
{
    /// <summary>
    /// The CS Manager playbook (and 002): renewal conversations start 90 days before the renewal date. The default window of
    /// <see cref="RenewalTimeline"/>.
    /// </summary>
    public const int ConversationStartDays = 90;

    /// <summary>Creates a playbook.</summary>
    /// <param name="name">What it is called. Not empty.</param>
    /// <param name="source">Where it comes from.</param>
    /// <param name="checkpoints">The checkpoints, in any order; at least one, no two on the same day before the renewal.</param>
    /// <exception cref="ArgumentNullException">An argument or a checkpoint is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, there are no checkpoints, or two checkpoints fall on the same day.</exception>
    public RenewalPlaybook(string name, string source, IEnumerable<RenewalCheckpoint> checkpoints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var list = checkpoints.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(checkpoints), $"renewal playbook '{name}' has a null checkpoint.");
        }

        if (list.Count == 0)
        {
            throw new ArgumentException($"renewal playbook '{name}' has no checkpoints.", nameof(checkpoints));
        }

        // One checkpoint a day: a checkpoint holds every action and deliverable due that many days out, so two on one
        // day would be two timelines' steps with no order between them.
        var sameDay = list.GroupBy(c => c.DaysBefore).Where(g => g.Count() > 1)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} days before: {string.Join(", ", g.Select(c => $"'{c.Action}'"))}"))
            .ToList();
        if (sameDay.Count > 0)
        {
            throw new ArgumentException(
                $"renewal playbook '{name}' has two checkpoints on one day ({string.Join("; ", sameDay)}); put their actions in one checkpoint.",
                nameof(checkpoints));
        }

        Name = name;
        Source = source;
        Checkpoints = Array.AsReadOnly([.. list.OrderByDescending(c => c.DaysBefore)]);
    }

    /// <summary>
    /// The CS Expert playbook, by days out, with its four actions and two deliverables at each checkpoint: 120 renewal
    /// timeline, internal strategy meeting, usage and value analysis, upsell; 90 business review with the executive
    /// sponsor; 60 formal proposal and negotiation; 30 finalize terms and paperwork. The playbook names no owners: the
    /// CSM is ours.
    /// </summary>
    public static RenewalPlaybook Seed003 { get; } = new("Renewal playbook (CS Expert playbook)", "CS Expert playbook (owners ours)",
    [
        new(120, "Send renewal timeline to customer; Schedule renewal strategy meeting internally; Analyze usage trends and value metrics; Identify upsell/cross-sell opportunities", "CSM", ["Renewal strategy document", "Value report draft"]),
        new(90, "Conduct Business Review with executive sponsor; Present value achieved and ROI metrics; Discuss future goals and requirements; Address any concerns or blockers", "CSM", ["Business review deck", "Renewal proposal v1"]),
        new(60, "Submit formal renewal proposal; Negotiate terms if needed; Coordinate with legal on contract changes; Plan for next year success milestones", "CSM", ["Final renewal proposal", "Contract redlines"]),
        new(30, "Finalize contract terms; Process renewal paperwork; Confirm payment details; Plan renewal celebration", "CSM", ["Signed contract", "Success plan for next term"]),
    ]);

    /// <summary>
    /// The CS Agent playbook, by days out, with its owners: 90 renewal analysis + strategy (CSM); 60 QBR with renewal
    /// discussion (CSM + Sales); 30 proposal sent (Sales); 14 follow-up if no response (CSM + Sales); 7 escalation if
    /// needed (Management); the renewal date, close or extend (Sales). The playbook names no deliverables.
    /// </summary>
    public static RenewalPlaybook Seed004 { get; } = new("Renewal playbook (CS Agent playbook)", "CS Agent playbook",
    [
        new(90, "Renewal analysis + strategy", "CSM"),
        new(60, "QBR with renewal discussion", "CSM + Sales"),
        new(30, "Proposal sent", "Sales"),
        new(14, "Follow-up if no response", "CSM + Sales"),
        new(7, "Escalation if needed", "Management"),
        new(0, "Close or extend", "Sales"),
    ]);

    /// <summary>What it is called.</summary>
    public string Name { get; }

    /// <summary>Where it comes from.</summary>
    public string Source { get; }

    /// <summary>The checkpoints, earliest (most days before) first.</summary>
    public IReadOnlyList<RenewalCheckpoint> Checkpoints { get; }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
