using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Engagement;
using CustomerSuccess.Tests.TestSupport;
using CustomerSuccess.WorkItems;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Tests.WorkItems;

/// <summary>
/// Seeded properties of reconciliation over random histories: three nights of random findings from a small universe
/// (two accounts, two rules sharing a subject or not, episodes and occurrences, one-off steps, escalations), with the
/// caller marking items done, dismissed or snoozed between nights, then a fourth night.
/// </summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class WorkItemPropertyTests
{
    private static readonly LocalDate Start = new(2026, 11, 1);

    private static readonly Gen<WorkItemFinding> Findings =
        from account in Gen.Elements("A", "B")
        from kind in Gen.Elements(WorkItemKind.ChurnFactor, WorkItemKind.BandDrop, WorkItemKind.AgendaItem)
        from rule in Gen.Elements("r1", "r2")
        from subject in Gen.Elements<string?>(null, "s")
        from occurrence in Gen.Elements<string?>(null, null, "o1", "o2")
        from priority in Gen.Elements(AgendaPriority.Low, AgendaPriority.Medium, AgendaPriority.High)
        from due in Gen.Choose(-3, 6)
        from oneOff in Gen.Elements(false, true)
        from escalate in Gen.Elements(false, false, true)
        from detail in Gen.Elements("x", "y")
        select new WorkItemFinding(account, kind, rule, $"do {rule}", priority, "ours")
        {
            Subject = subject, Occurrence = occurrence, DueDate = Start.PlusDays(due), OneOff = oneOff,
            Escalation = escalate ? new WorkItemEscalation(2, "Boss") : null,
            Evidence = new Dictionary<string, string>(System.StringComparer.Ordinal) { ["detail"] = detail },
        };

    /// <summary>0 none, 1 done, 2 dismissed, 3 snoozed two days; mostly none.</summary>
    private static readonly Gen<int> Marks = Gen.Frequency((7, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)));

    private static readonly Gen<(List<List<WorkItemFinding>> Nights, List<int> Marks)> Histories =
        from nights in Gen.ListOf(Gen.ListOf(Findings).Select(f => f.Take(6).ToList())).Select(n => n.Take(4).ToList())
        where nights.Count == 4
        from marks in Gen.ListOf(Marks).Select(m => m.ToList())
        select (nights, marks);

    [Property]
    public Property Reconciling_ItsOwnResultAgain_ChangesNothing() =>
        Prop.ForAll(Histories.ToArbitrary(), h =>
        {
            var (store, asOf) = Play(h.Nights, h.Marks);
            var first = WorkItemReconciler.Default.Reconcile(store, h.Nights[3], asOf);
            var after = first.Apply(store);
            var again = WorkItemReconciler.Default.Reconcile(after, h.Nights[3], asOf);
            return !again.HasChanges && WorkItemJson.Serialize(again.Apply(after)) == WorkItemJson.Serialize(after);
        });

    [Property]
    public Property EveryActiveItem_IsInExactlyOneOfKeptClosedEscalated_AndNoHeldKeyIsOpenedAgain() =>
        Prop.ForAll(Histories.ToArbitrary(), h =>
        {
            var (store, asOf) = Play(h.Nights, h.Marks);
            var changes = WorkItemReconciler.Default.Reconcile(store, h.Nights[3], asOf);
            var placed = changes.Kept.Select(k => k.Item.Key).Concat(changes.Closed.Select(c => c.Key)).Concat(changes.Escalated.Select(e => e.Key)).ToList();
            var active = store.Where(i => i.IsActive).Select(i => i.Key).OrderBy(k => k, System.StringComparer.Ordinal);
            var held = store.Select(i => i.Key).ToHashSet(System.StringComparer.Ordinal);
            return placed.Count == placed.Distinct(System.StringComparer.Ordinal).Count()
                && active.SequenceEqual(placed.OrderBy(k => k, System.StringComparer.Ordinal))
                && changes.Opened.All(o => !held.Contains(o.Key));
        });

    [Property]
    public Property TheOrderOfItemsAndFindings_DoesNotChangeTheResult() =>
        Prop.ForAll(Histories.ToArbitrary(), h =>
        {
            var (store, asOf) = Play(h.Nights, h.Marks);
            var forward = WorkItemReconciler.Default.Reconcile(store, h.Nights[3], asOf);
            var backward = WorkItemReconciler.Default.Reconcile(store.Reverse(), Enumerable.Reverse(h.Nights[3]), asOf);
            return WorkItemJson.Serialize(forward) == WorkItemJson.Serialize(backward);
        });

    /// <summary>Plays the first three nights, the caller marking active items between them; gives the store and the fourth night.</summary>
    private static readonly Gen<string> KeyParts =
        Gen.ArrayOf(Gen.Elements('a', '|', '%', '7', 'C', '2', '5')).Where(c => c.Length is > 0 and < 5).Select(c => new string(c));

    /// <summary>The parts of an item and those of its key: the same half the time, else drawn apart.</summary>
    private static readonly Gen<(string, string, string, string, string, string)> KeyPairs =
        from account in KeyParts
        from rule in KeyParts
        from occurrence in KeyParts
        from same in Gen.Elements(true, false)
        from a2 in KeyParts
        from r2 in KeyParts
        from o2 in KeyParts
        select same ? (account, rule, occurrence, account, rule, occurrence) : (account, rule, occurrence, a2, r2, o2);

    /// <summary>
    /// A held item is accepted exactly when its key is the form of its own parts: the form escapes the separator and
    /// the escape character, so parts that differ (even "%7C" against "|") never share a key.
    /// </summary>
    [Property]
    public Property AHeldKey_IsAccepted_ExactlyWhenItIsTheFormOfTheItemsParts() =>
        Prop.ForAll(KeyPairs.ToArbitrary(), p =>
        {
            var (account, rule, occurrence, a2, r2, o2) = p;
            var key = WorkItemKey.Of(WorkItemKind.ChurnFactor, a2, r2, o2);
            var item = new WorkItem(key, account, WorkItemKind.ChurnFactor, rule, rule, occurrence, "x", AgendaPriority.Low, "ours", "CSM", WorkItemStatus.Open, Start, Start);
            bool accepted;
            try
            {
                _ = WorkItemReconciler.Default.Reconcile([item], [], Start);
                accepted = true;
            }
            catch (System.ArgumentException)
            {
                accepted = false;
            }

            return accepted == (account == a2 && rule == r2 && occurrence == o2);
        });

    private static (IReadOnlyList<WorkItem> Store, LocalDate AsOf) Play(List<List<WorkItemFinding>> nights, List<int> marks)
    {
        IReadOnlyList<WorkItem> store = [];
        var mark = 0;
        for (var n = 0; n < 3; n++)
        {
            var asOf = Start.PlusDays(n);
            store = WorkItemReconciler.Default.Reconcile(store, nights[n], asOf).Apply(store);
            store = [.. store.Select(i => !i.IsActive || marks.Count == 0 ? i : (marks[mark++ % marks.Count]) switch
            {
                1 => i with { Status = WorkItemStatus.Done },
                2 => i with { Status = WorkItemStatus.Dismissed },
                3 => i with { Status = WorkItemStatus.Snoozed, SnoozedUntil = asOf.PlusDays(2) },
                _ => i,
            })];
        }

        return (store, Start.PlusDays(3));
    }
}
