using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// A customer's success plan for a term: the elements the CS Manager playbook requires of every customer (business
/// objectives, success criteria and metrics, key stakeholders, adoption milestones, a check-in cadence, a renewal
/// timeline and strategy, expansion opportunities) and the milestones' dates.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SuccessPlan
{
    /// <summary>Creates a plan. Every element may be empty: <see cref="MissingElements"/> says what is.</summary>
    /// <param name="start">The first day of the plan's term.</param>
    /// <param name="end">The last day of the term, not before <paramref name="start"/>.</param>
    /// <param name="objectives">The business objectives.</param>
    /// <param name="metrics">The success criteria and metrics.</param>
    /// <param name="keyStakeholders">The key stakeholders' names.</param>
    /// <param name="milestones">The adoption milestones, each due within the term and reached (when reached) within it.</param>
    /// <param name="cadence">The check-in cadence, or null when none is scheduled.</param>
    /// <param name="renewalStrategy">The renewal timeline and strategy, or null.</param>
    /// <param name="expansionOpportunities">The expansion opportunities identified.</param>
    /// <exception cref="ArgumentException">The term ends before it starts, a milestone falls outside it, two milestones share a name, or a text is empty; the message names it.</exception>
    public SuccessPlan(
        LocalDate start,
        LocalDate end,
        IEnumerable<string>? objectives = null,
        IEnumerable<SuccessMetric>? metrics = null,
        IEnumerable<string>? keyStakeholders = null,
        IEnumerable<Milestone>? milestones = null,
        CheckInCadence? cadence = null,
        string? renewalStrategy = null,
        IEnumerable<string>? expansionOpportunities = null)
    {
        if (end < start)
        {
            throw new ArgumentException($"the success plan ends on {end:uuuu-MM-dd}, before it starts on {start:uuuu-MM-dd}.", nameof(end));
        }

        Start = start;
        End = end;
        Objectives = Texts(objectives, "an objective", nameof(objectives));
        Metrics = Array.AsReadOnly((metrics ?? []).Select(m => m ?? throw new ArgumentNullException(nameof(metrics))).ToArray());
        KeyStakeholders = Texts(keyStakeholders, "a key stakeholder", nameof(keyStakeholders));
        var list = (milestones ?? []).ToArray();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in list)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(milestones));
            if (m.Due < start || m.Due > end || m.Done < start || m.Done > end)
            {
                throw new ArgumentException(
                    $"milestone '{m.Name}' ({(m.Done is { } d ? $"due {m.Due:uuuu-MM-dd}, reached {d:uuuu-MM-dd}" : $"due {m.Due:uuuu-MM-dd}")}) falls outside the plan's term {start:uuuu-MM-dd} to {end:uuuu-MM-dd}.",
                    nameof(milestones));
            }

            if (!names.Add(m.Name))
            {
                throw new ArgumentException($"milestone '{m.Name}' is given twice.", nameof(milestones));
            }
        }

        Milestones = Array.AsReadOnly(list.OrderBy(m => m.Due).ToArray());
        Cadence = cadence;
        RenewalStrategy = string.IsNullOrWhiteSpace(renewalStrategy) ? null : renewalStrategy;
        ExpansionOpportunities = Texts(expansionOpportunities, "an expansion opportunity", nameof(expansionOpportunities));
        (bool Present, SuccessPlanElement Element)[] elements =
        [
            (Objectives.Count > 0, SuccessPlanElement.BusinessObjectives),
            (Metrics.Count > 0, SuccessPlanElement.SuccessMetrics),
            (KeyStakeholders.Count > 0, SuccessPlanElement.KeyStakeholders),
            (Milestones.Count > 0, SuccessPlanElement.AdoptionMilestones),
            (Cadence is not null, SuccessPlanElement.CheckInCadence),
            (RenewalStrategy is not null, SuccessPlanElement.RenewalStrategy),
            (ExpansionOpportunities.Count > 0, SuccessPlanElement.ExpansionOpportunities),
        ];
        MissingElements = Array.AsReadOnly(elements.Where(e => !e.Present).Select(e => e.Element).ToArray());
    }

    /// <summary>The first day of the term.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day of the term.</summary>
    public LocalDate End { get; }

    /// <summary>The business objectives.</summary>
    public IReadOnlyList<string> Objectives { get; }

    /// <summary>The success criteria and metrics.</summary>
    public IReadOnlyList<SuccessMetric> Metrics { get; }

    /// <summary>The key stakeholders' names.</summary>
    public IReadOnlyList<string> KeyStakeholders { get; }

    /// <summary>The adoption milestones, by due date.</summary>
    public IReadOnlyList<Milestone> Milestones { get; }

    /// <summary>The check-in cadence, or null.</summary>
    public CheckInCadence? Cadence { get; }

    /// <summary>The renewal timeline and strategy, or null.</summary>
    public string? RenewalStrategy { get; }

    /// <summary>The expansion opportunities identified.</summary>
    public IReadOnlyList<string> ExpansionOpportunities { get; }

    /// <summary>The required elements the plan lacks, in the CS Manager playbook's order; empty when complete.</summary>
    public IReadOnlyList<SuccessPlanElement> MissingElements { get; }

    /// <summary>Whether the plan has every required element.</summary>
    public bool IsComplete => MissingElements.Count == 0;

    /// <summary>Each milestone's state on a date, by due date.</summary>
    /// <param name="asOf">The date; a milestone reached after it is an error.</param>
    /// <returns>The statuses.</returns>
    /// <exception cref="ArgumentException">A milestone is recorded as reached after <paramref name="asOf"/>.</exception>
    public IReadOnlyList<MilestoneStatus> MilestonesOn(LocalDate asOf) =>
        Array.AsReadOnly(Milestones.Select(m =>
        {
            if (m.Done is { } done)
            {
                if (done > asOf)
                {
                    throw new ArgumentException($"milestone '{m.Name}' is recorded as reached on {done:uuuu-MM-dd}, after the as-of date {asOf:uuuu-MM-dd}.", nameof(asOf));
                }

                return done <= m.Due
                    ? new MilestoneStatus(m, MilestoneState.Done, 0)
                    : new MilestoneStatus(m, MilestoneState.DoneLate, IsoDays.Between(m.Due, done));
            }

            return m.Due > asOf ? new MilestoneStatus(m, MilestoneState.Upcoming, 0)
                : m.Due == asOf ? new MilestoneStatus(m, MilestoneState.Due, 0)
                : new MilestoneStatus(m, MilestoneState.Late, IsoDays.Between(m.Due, asOf));
        }).ToArray());

    /// <summary>The milestones not reached as agenda items (Medium priority, ours), due on their due dates.</summary>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="dueBy">Leave out what falls due after this date (an agenda's horizon: its as-of date plus its lookahead), so that no item is made only to be dropped; null (the default) keeps every item.</param>
    /// <returns>The items, by due date.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public IReadOnlyList<AgendaItem> ToAgendaItems(string account, LocalDate? dueBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return Array.AsReadOnly(Milestones.Where(m => m.Done is null && !(m.Due > dueBy)).Select(m => m.ToAgendaItem(account)).ToArray());
    }

    private static IReadOnlyList<string> Texts(IEnumerable<string>? texts, string what, string paramName)
    {
        var list = (texts ?? []).ToArray();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{what} is empty.", paramName);
        }

        return Array.AsReadOnly(list);
    }
}
