using System;
using System.Collections.Generic;
using CustomerSuccess.Engagement;
using CustomerSuccess.WorkItems;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.WorkItems;

/// <summary>
/// The reconciler's edges: each kind of change said exactly, findings that collide, superseding among several, the
/// quiet period's and the due date's last day, several items of one cause, and bad arguments.
/// </summary>
public sealed class WorkItemEdgeTests
{
    private static readonly LocalDate Night = new(2026, 11, 20);

    private static WorkItemFinding Finding(string rule = "late-payment", AgendaPriority priority = AgendaPriority.Medium, string? subject = null, string? occurrence = null) =>
        new("Acme", WorkItemKind.ChurnFactor, rule, "Call about it", priority, "CS Expert playbook")
        {
            Subject = subject, Occurrence = occurrence, DueDate = Night.PlusDays(3),
            Evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["detail"] = "1 late payment" },
        };

    private static WorkItem Held(WorkItemFinding finding) => Assert.Single(WorkItemReconciler.Default.Reconcile([], [finding], Night).Opened);

    private static WorkItemChange ChangeOf(WorkItem held, WorkItemFinding tonight) =>
        Assert.Single(WorkItemReconciler.Default.Reconcile([held], [tonight], Night.PlusDays(1)).Kept).Changes;

    [Fact]
    public void EveryKindOfChange_IsSaidExactly()
    {
        var f = Finding();
        var held = Held(f);

        Assert.Equal(WorkItemChange.Seen, ChangeOf(held, f));
        Assert.Equal(WorkItemChange.PriorityUp, ChangeOf(held, f with { Priority = AgendaPriority.High }));
        Assert.Equal(WorkItemChange.PriorityDown, ChangeOf(held, f with { Priority = AgendaPriority.Low }));
        Assert.Equal(WorkItemChange.Evidence, ChangeOf(held, f with { Evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["detail"] = "2 late payments" } }));
        Assert.Equal(WorkItemChange.Evidence, ChangeOf(held, f with { Evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["other"] = "1 late payment" } }));
        Assert.Equal(WorkItemChange.DueDate, ChangeOf(held, f with { DueDate = Night.PlusDays(4) }));
        Assert.Equal(WorkItemChange.Details, ChangeOf(held, f with { What = "Write about it" }));
        Assert.Equal(WorkItemChange.Details, ChangeOf(held, f with { Owner = "CSM + Sales" }));
        Assert.Equal(WorkItemChange.Details, ChangeOf(held, f with { Source = "ours" }));
        Assert.Equal(WorkItemChange.Details, ChangeOf(held, f with { Escalation = new WorkItemEscalation(5, "Boss") }));
        Assert.Equal(WorkItemChange.PriorityUp | WorkItemChange.DueDate, ChangeOf(held, f with { Priority = AgendaPriority.High, DueDate = null }));
        var snoozed = held with { Status = WorkItemStatus.Snoozed, SnoozedUntil = Night.PlusDays(1) };
        Assert.Equal(WorkItemChange.SnoozeEnded | WorkItemChange.Evidence,
            ChangeOf(snoozed, f with { Evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["detail"] = "x" } }));
        Assert.Equal(WorkItemChange.None, Assert.Single(WorkItemReconciler.Default.Reconcile([held], [f], Night).Kept).Changes);
    }

    [Fact]
    public void AnEscalatedItem_KeepsItsNewOwner_WhateverTonightsFindingSays()
    {
        var held = Held(Finding()) with { EscalatedOn = Night, Owner = "Boss" };

        var kept = Assert.Single(WorkItemReconciler.Default.Reconcile([held], [Finding() with { Owner = "CSM + Sales" }], Night.PlusDays(1)).Kept);

        Assert.Equal(("Boss", WorkItemChange.Seen), (kept.Item.Owner, kept.Changes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FindingsThatCollide_AreDecidedByPrecedence_InEitherOrder(bool reversed)
    {
        static IReadOnlyList<WorkItem> Opened(WorkItemFinding a, WorkItemFinding b, bool reversed) =>
            WorkItemReconciler.Default.Reconcile([], reversed ? [b, a] : [a, b], Night).Opened;

        var f = Finding();
        Assert.Equal(AgendaPriority.High, Assert.Single(Opened(f, f with { Priority = AgendaPriority.High }, reversed)).Priority);
        Assert.Equal(Night.PlusDays(1), Assert.Single(Opened(f, f with { DueDate = Night.PlusDays(1) }, reversed)).DueDate);
        Assert.Equal("A: call", Assert.Single(Opened(f with { What = "B: call" }, f with { What = "A: call" }, reversed)).What);

        // An episode and a finding naming tonight as its occurrence open the same key: the episode's item.
        var item = Assert.Single(Opened(f, f with { Occurrence = "2026-11-20" }, reversed));
        Assert.True(item.Episode);

        // Both reach tomorrow the item the episode opened: the more urgent one keeps it.
        var kept = Assert.Single(WorkItemReconciler.Default.Reconcile([item], reversed
            ? [f with { Occurrence = "2026-11-20", Priority = AgendaPriority.High }, f]
            : [f, f with { Occurrence = "2026-11-20", Priority = AgendaPriority.High }], Night.PlusDays(1)).Kept);
        Assert.Equal(AgendaPriority.High, kept.Item.Priority);
    }

    /// <summary>
    /// The Low item on subject "s" closes; standing tonight on "s": a Medium and a High of other rules (the High
    /// supersedes), or two Highs (the first key), or an equal priority (none), or only its own rule's new occurrence.
    /// </summary>
    [Fact]
    public void Superseding_ChoosesTheMostUrgentOfAnotherRule_ThenTheFirstKey()
    {
        var held = Held(Finding("r0", AgendaPriority.Low, "s", "o1"));
        WorkItem Closed(params WorkItemFinding[] tonight) => Assert.Single(WorkItemReconciler.Default.Reconcile([held], tonight, Night.PlusDays(1)).Closed);

        Assert.Equal("churn-factor|Acme|r2|2026-11-21", Closed(Finding("r1", AgendaPriority.Medium, "s"), Finding("r2", AgendaPriority.High, "s")).SupersededBy);
        Assert.Equal("churn-factor|Acme|r2|2026-11-21", Closed(Finding("r2", AgendaPriority.High, "s"), Finding("r1", AgendaPriority.Medium, "s")).SupersededBy);
        Assert.Equal("churn-factor|Acme|r1|2026-11-21", Closed(Finding("r2", AgendaPriority.High, "s"), Finding("r1", AgendaPriority.High, "s")).SupersededBy);
        Assert.Equal(WorkItemCloseReason.ConditionCleared, Closed(Finding("r1", AgendaPriority.Low, "s")).CloseReason);
        Assert.Null(Closed(Finding("r0", AgendaPriority.Critical, "s", "o2")).SupersededBy);
        Assert.Equal("churn-factor|Acme|r1|2026-11-21", Closed(Finding("r0", AgendaPriority.Critical, "s", "o2"), Finding("r1", AgendaPriority.Medium, "s")).SupersededBy);
        Assert.Equal("churn-factor|Acme|r1|2026-11-21", Closed(Finding("r1", AgendaPriority.Medium, "s"), Finding("r0", AgendaPriority.Critical, "s", "o2")).SupersededBy);
    }

    [Fact]
    public void AnItemKeptTonight_SupersedesToo()
    {
        var low = Held(Finding("r0", AgendaPriority.Low, "s"));
        var other = Held(Finding("r1", AgendaPriority.Low, "s"));

        var night = WorkItemReconciler.Default.Reconcile([low, other], [Finding("r1", AgendaPriority.High, "s")], Night.PlusDays(1));

        Assert.Equal(other.Key, Assert.Single(night.Closed).SupersededBy);
        Assert.Equal(WorkItemChange.PriorityUp, Assert.Single(night.Kept).Changes);
    }

    [Fact]
    public void AOneOffStep_DueTonight_IsClearedNotPassed()
    {
        var step = Held(Finding(occurrence: "2026-12-01") with { OneOff = true, DueDate = Night.PlusDays(1) });

        Assert.Equal(WorkItemCloseReason.ConditionCleared, Assert.Single(WorkItemReconciler.Default.Reconcile([step], [], Night.PlusDays(1)).Closed).CloseReason);
        Assert.Equal(WorkItemCloseReason.DueDatePassed, Assert.Single(WorkItemReconciler.Default.Reconcile([step], [], Night.PlusDays(2)).Closed).CloseReason);
    }

    [Fact]
    public void TheQuietPeriodsLastDay_StillSuppresses_TheDayAfterOpensANewOccurrence()
    {
        var dismissed = Held(Finding()) with { Status = WorkItemStatus.Dismissed };
        var reconciler = new WorkItemReconciler(quietPeriodDays: 5);

        Assert.Empty(reconciler.Reconcile([dismissed], [Finding()], Night.PlusDays(5)).Opened);
        Assert.Equal("churn-factor|Acme|late-payment|2026-11-26", Assert.Single(reconciler.Reconcile([dismissed], [Finding()], Night.PlusDays(6)).Opened).Key);
        Assert.Equal(1, new WorkItemReconciler(1).QuietPeriodDays);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkItemReconciler(0));
    }

    /// <summary>Two dismissed items of one cause: the one seen last is the one suppressed (its sighting moves); two open ones: the first key is kept.</summary>
    [Fact]
    public void SeveralItemsOfOneCause_TheLastSeenDismissed_OrTheFirstOpen()
    {
        var older = Held(Finding()) with { Status = WorkItemStatus.Dismissed, LastSeenOn = Night };
        var newer = older with { Key = "churn-factor|Acme|late-payment|2026-11-22", Occurrence = "2026-11-22", OpenedOn = Night.PlusDays(2), LastSeenOn = Night.PlusDays(3) };
        var night = WorkItemReconciler.Default.Reconcile([older, newer], [Finding()], Night.PlusDays(5));
        Assert.Equal(newer.Key, Assert.Single(night.Suppressed).Key);
        Assert.Empty(night.Opened);

        var sameDay = newer with { LastSeenOn = Night };
        Assert.Equal(sameDay.Key, Assert.Single(WorkItemReconciler.Default.Reconcile([older, sameDay], [Finding()], Night.PlusDays(5)).Suppressed).Key);
        Assert.Equal(sameDay.Key, Assert.Single(WorkItemReconciler.Default.Reconcile([sameDay, older], [Finding()], Night.PlusDays(5)).Suppressed).Key);

        var openA = older with { Status = WorkItemStatus.Open };
        var openB = newer with { Status = WorkItemStatus.Open };
        foreach (var held in new[] { new[] { openA, openB }, [openB, openA] })
        {
            var both = WorkItemReconciler.Default.Reconcile(held, [Finding()], Night.PlusDays(5));
            Assert.Equal(openA.Key, Assert.Single(both.Kept).Item.Key);
            Assert.Equal(openB.Key, Assert.Single(both.Closed).Key);
        }
    }

    [Fact]
    public void NullArguments_AreNamed()
    {
        Assert.Equal("held", Assert.Throws<ArgumentNullException>(() => WorkItemReconciler.Default.Reconcile(null!, [], Night)).ParamName);
        Assert.Equal("findings", Assert.Throws<ArgumentNullException>(() => WorkItemReconciler.Default.Reconcile([], null!, Night)).ParamName);
        Assert.Equal("findings", Assert.Throws<ArgumentNullException>(() => WorkItemReconciler.Default.Reconcile([], [null!], Night)).ParamName);
        Assert.Equal("held", Assert.Throws<ArgumentNullException>(() => WorkItemReconciler.Default.Reconcile([null!], [], Night)).ParamName);
    }
}
