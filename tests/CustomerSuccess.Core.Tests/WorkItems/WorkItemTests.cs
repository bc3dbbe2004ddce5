using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Engagement;
using CustomerSuccess.WorkItems;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.WorkItems;

/// <summary>Work items across nights: opened once, kept, closed with a reason, escalated on time, the caller's marks respected.</summary>
public sealed class WorkItemTests
{
    private static LocalDate D(int month, int day) => new(2026, month, day);

    private static WorkItemFinding LatePayment(string detail = "1 late payment") =>
        new("Acme", WorkItemKind.ChurnFactor, "late-payments", "Call about the late payment", AgendaPriority.High, "CS Agent playbook")
        {
            Evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["detail"] = detail },
        };

    private static WorkItemFinding Band(string band, AgendaPriority priority) =>
        new("Acme", WorkItemKind.BandDrop, $"band-{band}", $"Health dropped to {band}", priority, "CS Manager playbook") { Subject = "health band" };

    private static WorkItemFinding Checkpoint() =>
        new("Beta", WorkItemKind.RenewalCheckpoint, "renewal-90", "Renewal analysis + strategy", AgendaPriority.High, "CS Agent playbook")
        {
            Occurrence = "2027-01-31", DueDate = D(11, 2), OneOff = true,
        };

    [Fact]
    public void Key_IsKindAccountRuleAndOccurrence_WithSeparatorsEscaped()
    {
        Assert.Equal("churn-factor|Acme|late-payments|2026-11-20", WorkItemKey.Of(WorkItemKind.ChurnFactor, "Acme", "late-payments", "2026-11-20"));
        Assert.Equal("agenda|A%7CB %25|Check-in|2026-11-17", WorkItemKey.Of(WorkItemKind.AgendaItem, "A|B %", "Check-in", "2026-11-17"));
        Assert.NotEqual(WorkItemKey.Of(WorkItemKind.AgendaItem, "A|B", "x", "y"), WorkItemKey.Of(WorkItemKind.AgendaItem, "A", "B|x", "y"));
    }

    /// <summary>
    /// Three nights. 11-20: a late payment (an episode: keyed by the night it is found), the band at Yellow and a
    /// renewal checkpoint (its own occurrence, the renewal date) open. 11-21: the late payment's evidence changes, the
    /// band drops to Red (more urgent on the same subject: Yellow is superseded), and the checkpoint the caller marked
    /// done is found again but not reopened. 11-23: the late payment has cleared (closed), the Red band is only seen.
    /// 11-24: a late payment again is a new occurrence with a new key.
    /// </summary>
    [Fact]
    public void ThreeNights_OpenKeepSupersedeCloseAndANewOccurrence()
    {
        var reconciler = WorkItemReconciler.Default;
        var night1 = reconciler.Reconcile([], [LatePayment(), Band("Yellow", AgendaPriority.Medium), Checkpoint()], D(11, 20));
        Assert.Equal(
            ["band-drop|Acme|band-Yellow|2026-11-20", "churn-factor|Acme|late-payments|2026-11-20", "renewal-checkpoint|Beta|renewal-90|2027-01-31"],
            night1.Opened.Select(i => i.Key));
        var store = night1.Apply([]);

        var done = store.Select(i => i.Kind == WorkItemKind.RenewalCheckpoint ? i with { Status = WorkItemStatus.Done } : i).ToList();
        var night2 = reconciler.Reconcile(done, [LatePayment("2 late payments"), Band("Red", AgendaPriority.High), Checkpoint()], D(11, 21));
        Assert.Equal(["band-drop|Acme|band-Red|2026-11-21"], night2.Opened.Select(i => i.Key));
        var superseded = Assert.Single(night2.Closed);
        Assert.Equal((WorkItemCloseReason.Superseded, "band-drop|Acme|band-Red|2026-11-21"), (superseded.CloseReason!.Value, superseded.SupersededBy));
        var kept = Assert.Single(night2.Kept);
        Assert.Equal(WorkItemChange.Evidence, kept.Changes);
        Assert.Equal("2 late payments", kept.Item.Evidence["detail"]);
        Assert.Equal(WorkItemStatus.Done, Assert.Single(night2.Suppressed).Status);
        store = night2.Apply(done);

        var night3 = reconciler.Reconcile(store, [Band("Red", AgendaPriority.High)], D(11, 23));
        var cleared = Assert.Single(night3.Closed);
        Assert.Equal(("churn-factor|Acme|late-payments|2026-11-20", WorkItemCloseReason.ConditionCleared, D(11, 23)), (cleared.Key, cleared.CloseReason!.Value, cleared.ClosedOn!.Value));
        Assert.Equal(WorkItemChange.Seen, Assert.Single(night3.Kept).Changes);
        Assert.Empty(night3.Opened);
        store = night3.Apply(store);

        var night4 = reconciler.Reconcile(store, [Band("Red", AgendaPriority.High), LatePayment()], D(11, 24));
        Assert.Equal(["churn-factor|Acme|late-payments|2026-11-24"], night4.Opened.Select(i => i.Key));
    }

    [Fact]
    public void Detractor_NotResolvedWithinAWeek_GoesToTheVpOfCustomerSuccess_Once()
    {
        var finding = new WorkItemFinding("Acme", WorkItemKind.NpsFollowUp, "detractor-call", "Call the detractor", AgendaPriority.High, "CS Expert playbook")
        {
            Occurrence = "2026-11-01", Escalation = WorkItemEscalation.Detractor,
        };
        var store = WorkItemReconciler.Default.Reconcile([], [finding], D(11, 1)).Apply([]);

        var day6 = WorkItemReconciler.Default.Reconcile(store, [finding], D(11, 7));
        Assert.Empty(day6.Escalated);
        var day7 = WorkItemReconciler.Default.Reconcile(store, [finding], D(11, 8));
        var escalated = Assert.Single(day7.Escalated);
        Assert.Equal(("VP of Customer Success", D(11, 8)), (escalated.Owner, escalated.EscalatedOn!.Value));
        Assert.Empty(day7.Kept);

        var day8 = WorkItemReconciler.Default.Reconcile(day7.Apply(store), [finding], D(11, 9));
        Assert.Empty(day8.Escalated);
        Assert.Equal(("VP of Customer Success", WorkItemChange.Seen), (day8.Kept[0].Item.Owner, day8.Kept[0].Changes));
    }

    [Fact]
    public void Snoozed_StaysAsideUntilItsDate_ThenIsOpenAgain()
    {
        var store = WorkItemReconciler.Default.Reconcile([], [LatePayment()], D(11, 20)).Apply([]);
        store = [store[0] with { Status = WorkItemStatus.Snoozed, SnoozedUntil = D(11, 25) }];

        var before = WorkItemReconciler.Default.Reconcile(store, [LatePayment()], D(11, 24));
        var on = WorkItemReconciler.Default.Reconcile(store, [LatePayment()], D(11, 25));

        Assert.Equal((WorkItemStatus.Snoozed, WorkItemChange.Seen), (before.Kept[0].Item.Status, before.Kept[0].Changes));
        Assert.Equal((WorkItemStatus.Open, WorkItemChange.SnoozeEnded), (on.Kept[0].Item.Status, on.Kept[0].Changes));
        Assert.Null(on.Kept[0].Item.SnoozedUntil);
    }

    /// <summary>
    /// Dismissed on 11-20 while the late payment was there: found again on 12-10 (20 days on, within the 30-day quiet
    /// period) it stays dismissed and its last sighting moves; not found until 1-11 (32 days after 12-10), it is a new
    /// occurrence.
    /// </summary>
    [Fact]
    public void Dismissed_IsNeverReopened_AndACauseBackAfterTheQuietPeriodIsANewOccurrence()
    {
        var store = WorkItemReconciler.Default.Reconcile([], [LatePayment()], D(11, 20)).Apply([]);
        store = [store[0] with { Status = WorkItemStatus.Dismissed }];

        var within = WorkItemReconciler.Default.Reconcile(store, [LatePayment()], D(12, 10));
        Assert.Empty(within.Opened);
        Assert.Equal(D(12, 10), Assert.Single(within.Suppressed).LastSeenOn);
        store = within.Apply(store);

        var after = WorkItemReconciler.Default.Reconcile(store, [LatePayment()], new LocalDate(2027, 1, 11));
        Assert.Equal(["churn-factor|Acme|late-payments|2027-01-11"], after.Opened.Select(i => i.Key));
    }

    [Fact]
    public void OneOffStep_GoneAfterItsDueDate_ClosesAsDueDatePassed_OtherwiseAsCleared()
    {
        var early = Checkpoint() with { Rule = "renewal-30", Occurrence = "2027-01-31", DueDate = D(12, 30) };
        var store = WorkItemReconciler.Default.Reconcile([], [Checkpoint(), early], D(11, 3)).Apply([]);

        var closed = WorkItemReconciler.Default.Reconcile(store, [], D(11, 5)).Closed;

        Assert.Equal([WorkItemCloseReason.DueDatePassed, WorkItemCloseReason.ConditionCleared],
            closed.OrderBy(c => c.DueDate).Select(c => c.CloseReason!.Value));
    }

    [Fact]
    public void BadItems_AreErrorsNamingTheItemAndField()
    {
        var item = WorkItemReconciler.Default.Reconcile([], [LatePayment()], D(11, 20)).Opened[0];
        (WorkItem[] Held, string Says)[] cases =
        [
            ([item, item], "the Key is held twice"),
            ([item with { Key = "churn-factor|Acme|late-payments" }], "its Key is not the form"),
            ([item with { OpenedOn = D(11, 25) }], "its OpenedOn 2026-11-25 is after the as-of date 2026-11-21"),
            ([item with { Status = WorkItemStatus.Snoozed }], "it is snoozed but has no SnoozedUntil"),
        ];
        foreach (var (held, says) in cases)
        {
            var e = Assert.Throws<ArgumentException>(() => WorkItemReconciler.Default.Reconcile(held, [], D(11, 21)));
            Assert.Equal("held", e.ParamName);
            Assert.Contains(says, e.Message, StringComparison.Ordinal);
            Assert.Contains(held[0].Key, e.Message, StringComparison.Ordinal);
        }

        var kind = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkItem(item.Key, item.Account, (WorkItemKind)42, item.Rule, item.Subject, item.Occurrence,
            item.What, item.Priority, item.Source, item.Owner, item.Status, item.OpenedOn, item.LastSeenOn));
        Assert.Equal("Kind", kind.ParamName);
    }

    [Fact]
    public void Json_RoundTripsWithStablePropertyNames_AndABadValueNamesItsPath()
    {
        var changes = WorkItemReconciler.Default.Reconcile([], [LatePayment(), Checkpoint() with { Escalation = WorkItemEscalation.Detractor }], D(11, 20));
        var json = WorkItemJson.Serialize(changes.Opened);

        var back = WorkItemJson.DeserializeItems(json);

        Assert.Equal(json, WorkItemJson.Serialize(back));
        using var doc = JsonDocument.Parse(WorkItemJson.Serialize(changes.Opened[0]));
        Assert.Equal(
            ["account", "episode", "evidence", "key", "kind", "last_seen_on", "occurrence", "one_off", "opened_on", "owner", "priority", "rule", "source", "status", "subject", "what"],
            doc.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ChurnFactor", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal("2026-11-20", doc.RootElement.GetProperty("opened_on").GetString());
        Assert.Contains("\"as_of\":\"2026-11-20\"", WorkItemJson.Serialize(changes), StringComparison.Ordinal);

        var unknown = Assert.Throws<JsonException>(() => WorkItemJson.DeserializeItems(json.Replace("\"ChurnFactor\"", "\"Mystery\"", StringComparison.Ordinal)));
        Assert.Contains("$[0].kind", unknown.Message, StringComparison.Ordinal);
        var date = Assert.Throws<JsonException>(() => WorkItemJson.DeserializeItems(json.Replace("\"2026-11-20\"", "\"20/11/2026\"", StringComparison.Ordinal)));
        Assert.Contains("give yyyy-MM-dd", date.Message, StringComparison.Ordinal);
    }
}
