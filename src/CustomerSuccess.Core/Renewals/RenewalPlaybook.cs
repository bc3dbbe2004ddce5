using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Renewals;

/// <summary>A renewal playbook: checkpoints counted back from the renewal date. Data a team can replace.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RenewalPlaybook
{
    /// <summary>
    /// Seed 001 (and 002): renewal conversations start 90 days before the renewal date. The default window of
    /// <see cref="RenewalTimeline"/>.
    /// </summary>
    public const int ConversationStartDays = 90;

    /// <summary>Creates a playbook.</summary>
    /// <param name="name">What it is called. Not empty.</param>
    /// <param name="source">Where it comes from.</param>
    /// <param name="checkpoints">The checkpoints, in any order; at least one, no two equal (same days before and action).</param>
    /// <exception cref="ArgumentNullException">An argument or a checkpoint is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, there are no checkpoints, or a checkpoint is duplicated.</exception>
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

        var duplicates = list.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"renewal playbook '{name}' has duplicate checkpoints: {string.Join("; ", duplicates)}.", nameof(checkpoints));
        }

        Name = name;
        Source = source;
        Checkpoints = Array.AsReadOnly([.. list.OrderByDescending(c => c.DaysBefore)]);
    }

    /// <summary>
    /// Seed 003, by days out: 120 renewal timeline sent and strategy; 90 business review, value and ROI; 60 formal
    /// proposal and negotiation; 30 finalize contract and paperwork.
    /// </summary>
    public static RenewalPlaybook Seed003 { get; } = new("Renewal playbook (seed 003)", "seed 003",
    [
        new(120, "Send the renewal timeline and set the renewal strategy", "CSM", ["Renewal timeline", "Renewal strategy"]),
        new(90, "Business review: value delivered and ROI", "CSM", ["Value and ROI summary"]),
        new(60, "Formal proposal and negotiation", "CSM and Sales", ["Renewal proposal"]),
        new(30, "Finalize the contract and paperwork", "Sales", ["Signed contract"]),
    ]);

    /// <summary>
    /// Seed 004, by days out: 90 renewal analysis (CSM); 60 QBR with renewal discussion (CSM and Sales); 30 proposal
    /// sent (Sales); 14 follow-up if no response; 7 escalation (Management); 0 close or extend (Sales).
    /// </summary>
    public static RenewalPlaybook Seed004 { get; } = new("Renewal playbook (seed 004)", "seed 004",
    [
        new(90, "Renewal analysis", "CSM", ["Renewal analysis"]),
        new(60, "QBR with renewal discussion", "CSM and Sales", ["QBR deck"]),
        new(30, "Send the proposal", "Sales", ["Proposal"]),
        new(14, "Follow up if no response", "Sales", []),
        new(7, "Escalate", "Management", []),
        new(0, "Close or extend", "Sales", ["Signed renewal or extension"]),
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
