using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Engagement;
using CustomerSuccess.WorkItems;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// A night of a CRM integration: as many items held as findings tonight, one cause per account. Three quarters of the
/// findings keep an item (a third of those with new evidence), a quarter open one; the quarter of the items whose
/// cause is gone close. Every fourth item is a dated occurrence (a renewal checkpoint), the rest episodes (a churn
/// factor). The baseline is the least any reconciliation does: an index of the held items by key, and a look-up of each
/// finding's key in it.
/// </summary>
[MemoryDiagnoser]
public class WorkItemBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 11, 30);
    private WorkItem[] _held = [];
    private WorkItemFinding[] _findings = [];

    /// <summary>Items held, and findings tonight.</summary>
    [Params(100_000, 1_000_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _held = new WorkItem[Items];
        _findings = new WorkItemFinding[Items];
        var opened = AsOf.PlusDays(-10);
        var occurrence = "2026-11-20";
        for (var i = 0; i < Items; i++)
        {
            var f = Finding(i + (Items / 4), evidence: i % 3 == 0 ? "2 late payments" : "1 late payment");
            _findings[i] = f;
            var held = Finding(i, "1 late payment");
            var key = WorkItemKey.Of(held.Kind, held.Account, held.Rule, held.Occurrence ?? occurrence);
            _held[i] = new WorkItem(key, held.Account, held.Kind, held.Rule, held.SubjectOrRule, held.Occurrence ?? occurrence, held.What, held.Priority,
                held.Source, held.Owner, WorkItemStatus.Open, opened, AsOf.PlusDays(-1))
            {
                Evidence = held.Evidence, Episode = held.Occurrence is null, DueDate = held.DueDate, OneOff = held.OneOff,
            };
        }
    }

    [Benchmark(Baseline = true, Description = "index the held items, look up each finding")]
    public int IndexAndLookUp()
    {
        var byKey = new Dictionary<string, WorkItem>(_held.Length, StringComparer.Ordinal);
        foreach (var item in _held)
        {
            byKey.Add(item.Key, item);
        }

        var found = 0;
        foreach (var f in _findings)
        {
            found += byKey.ContainsKey(WorkItemKey.Of(f.Kind, f.Account, f.Rule, f.Occurrence ?? "2026-11-20")) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(Description = "reconcile")]
    public int Reconcile()
    {
        var changes = WorkItemReconciler.Default.Reconcile(_held, _findings, AsOf);
        return changes.Opened.Count + changes.Kept.Count + changes.Closed.Count;
    }

    [Benchmark(Description = "reconcile and apply (tomorrow's items)")]
    public int ReconcileAndApply() => WorkItemReconciler.Default.Reconcile(_held, _findings, AsOf).Apply(_held).Count;

    private static WorkItemFinding Finding(int account, string evidence)
    {
        var id = "A" + account.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return account % 4 == 0
            ? new WorkItemFinding(id, WorkItemKind.RenewalCheckpoint, "renewal-90", "Renewal analysis + strategy", AgendaPriority.High, "CS Agent playbook")
            {
                Occurrence = "2027-02-28", DueDate = AsOf.PlusDays(5), OneOff = true,
            }
            : new WorkItemFinding(id, WorkItemKind.ChurnFactor, "late-payment", "Review billing with finance and the customer", AgendaPriority.High, "CS Expert playbook")
            {
                Evidence = new Dictionary<string, string>(StringComparer.Ordinal) { ["detail"] = evidence },
            };
    }
}
