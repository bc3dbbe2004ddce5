using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Engagement;
using CustomerSuccess.Nps;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Renewals;
using NodaTime;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// Agenda items from the dated areas beside engagement: renewal checkpoints, onboarding tasks, NPS follow-ups and
/// survey dates, so one <see cref="Agenda"/> holds everything due for an account.
/// </summary>
public static class AgendaSources
{
    /// <summary>The rule of a detractor's follow-up, by which work items know to escalate it.</summary>
    internal const string DetractorFollowUpRule = "NPS detractor follow-up";

    /// <summary>The renewal checkpoints not done, each due on its date with the playbook's owner and source (High priority, ours).</summary>
    /// <param name="timeline">The renewal timeline.</param>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="dueBy">Leave out what falls due after this date (an agenda's horizon: its as-of date plus its lookahead), so that no item is made only to be dropped; null (the default) keeps every item.</param>
    /// <returns>The items, by due date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> is null.</exception>
    public static IReadOnlyList<AgendaItem> ToAgendaItems(this RenewalTimeline timeline, string account, LocalDate? dueBy = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var renewal = Internal.IsoDays.Format(timeline.RenewalDate);
        var items = new List<AgendaItem>(timeline.Checkpoints.Count);
        foreach (var c in timeline.Checkpoints)
        {
            if (c.State != RenewalCheckpointState.Done && !(c.DueDate > dueBy))
            {
                items.Add(new AgendaItem(account, AgendaItemKind.RenewalCheckpoint, c.Checkpoint.Action, c.DueDate, AgendaPriority.High,
                    string.Create(CultureInfo.InvariantCulture, $"renewal {renewal}: {c.Checkpoint.DaysBefore} days out"), timeline.Playbook.Source, c.Checkpoint.Owner));
            }
        }

        return items.AsReadOnly();
    }

    /// <summary>
    /// The onboarding tasks overdue (High priority: an overdue task goes to management, CS Expert playbook) and the next
    /// actions (Medium), each due on the start plus its day offset, with the task's owner.
    /// </summary>
    /// <param name="progress">The onboarding progress.</param>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="dueBy">Leave out what falls due after this date (an agenda's horizon: its as-of date plus its lookahead), so that no item is made only to be dropped; null (the default) keeps every item.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="progress"/> is null.</exception>
    public static IReadOnlyList<AgendaItem> ToAgendaItems(this OnboardingProgress progress, string account, LocalDate? dueBy = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var items = progress.Overdue.Where(o => !(o.DueDate > dueBy)).Select(o => Task(account, progress, o.Task, o.DueDate, AgendaPriority.High)).ToList();
        foreach (var task in progress.NextActions)
        {
            if (Internal.IsoDays.PlusDaysOrNull(progress.Start, task.DayOffset) is { } due && !(due > dueBy))
            {
                items.Add(Task(account, progress, task, due, AgendaPriority.Medium));
            }
        }

        return items.AsReadOnly();
    }

    /// <summary>The next NPS survey, due on its date (Low priority, ours; CS Agent playbook cadence).</summary>
    /// <param name="status">The survey status.</param>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static AgendaItem ToAgendaItem(this NpsSurveyStatus status, string account)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return new AgendaItem(account, AgendaItemKind.NpsSurvey, "Send the NPS survey", status.NextDue, AgendaPriority.Low,
            "NPS survey cadence", "CS Agent playbook", "CSM");
    }

    /// <summary>
    /// NPS follow-ups, each due on the date its due instant falls on in <paramref name="zone"/>; a detractor's High, others
    /// Low (ours), with the step's owner.
    /// </summary>
    /// <param name="followUps">The follow-ups, as <see cref="NpsFollowUpPlan.Schedule"/> gives them.</param>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="zone">The time zone the team works in.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<AgendaItem> ToAgendaItems(this IEnumerable<NpsFollowUp> followUps, string account, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return Array.AsReadOnly(followUps.Select(f => new AgendaItem(account, AgendaItemKind.NpsFollowUp, f.Step.Action, f.Due.InZone(zone).Date,
                f.Category == NpsCategory.Detractor ? AgendaPriority.High : AgendaPriority.Low,
                f.Category == NpsCategory.Detractor ? DetractorFollowUpRule : $"NPS {f.Category.ToString().ToLowerInvariant()} follow-up", "NPS follow-up plan", f.Step.Owner))
            .ToArray());
    }

    private static AgendaItem Task(string account, OnboardingProgress progress, OnboardingTask task, LocalDate due, AgendaPriority priority) =>
        new(account, AgendaItemKind.OnboardingTask, task.Name, due, priority, $"onboarding plan '{progress.Plan.Name}': day {task.DayOffset}", progress.Plan.Source, task.Owner);
}
