using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using CustomerSuccess.Engagement;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.WorkItems;

/// <summary>
/// Reconciles the work items a caller holds with tonight's findings: which to open, keep, close and escalate. It holds
/// no state and does no I/O: items go in, a <see cref="WorkItemChanges"/> comes out, and reconciling its result again
/// with the same findings changes nothing.
/// </summary>
/// <remarks>
/// The rules, in order: a finding whose key (or, for a condition without an occurrence of its own, whose account, kind
/// and rule) an active item holds keeps that item, with the finding's priority, evidence and due date; a snoozed item
/// is open again from its snooze date. A finding whose item the caller dismissed or marked done, or that was closed,
/// opens nothing for the same key; a condition without an occurrence of its own opens a new occurrence once it has not
/// been found for <see cref="QuietPeriodDays"/> after a dismissed or done item, and at once after an item closed as
/// cleared. A new item that is more urgent than an active item on the same subject with another rule supersedes it. An
/// active item whose cause is not found is closed: a one-off step past its due date as due date passed, others as
/// cleared. An open item past its escalation's deadline is escalated once, to the escalation's owner. Immutable and
/// thread-safe; linear in the items and findings (then each list of the change set is sorted by key), allocating
/// nothing per item beyond the items it returns.
/// </remarks>
public sealed class WorkItemReconciler
{
    /// <summary>Creates a reconciler.</summary>
    /// <param name="quietPeriodDays">
    /// Days a cause must go unfound after its item was dismissed or done before it counts as a new occurrence, 1 or more;
    /// 30 by default (ours: a month, the longest routine cadence of the playbooks).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quietPeriodDays"/> is below 1.</exception>
    public WorkItemReconciler(int quietPeriodDays = 30)
    {
        if (quietPeriodDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quietPeriodDays), quietPeriodDays, $"the quiet period must be 1 day or more but was {quietPeriodDays}.");
        }

        QuietPeriodDays = quietPeriodDays;
    }

    /// <summary>The reconciler with the default quiet period of 30 days.</summary>
    public static WorkItemReconciler Default { get; } = new();

    /// <summary>Days a cause must go unfound after its item was dismissed or done before it counts as a new occurrence.</summary>
    public int QuietPeriodDays { get; }

    /// <summary>Reconciles the items a caller holds with tonight's findings.</summary>
    /// <param name="held">
    /// The items the caller holds, in any order: open and snoozed ones, and the dismissed, done and closed ones it keeps
    /// so that their causes do not reopen them.
    /// </param>
    /// <param name="findings">Tonight's findings, in any order; the same key twice is one finding, the most urgent.</param>
    /// <param name="asOf">The night; not before any held item's opening.</param>
    /// <returns>The change set.</returns>
    /// <exception cref="ArgumentNullException">An argument or one of the items is null.</exception>
    /// <exception cref="ArgumentException">
    /// Two held items have the same key, an item's key is not the form of its kind, account, rule and occurrence, an item
    /// opened after <paramref name="asOf"/>, or a snoozed item has no snooze date; the message names the item and field.
    /// </exception>
    public WorkItemChanges Reconcile(IEnumerable<WorkItem> held, IEnumerable<WorkItemFinding> findings, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(findings);
        var night = new Night(asOf, QuietPeriodDays, held);
        foreach (var finding in findings)
        {
            ArgumentNullException.ThrowIfNull(finding, nameof(findings));
            night.Take(finding);
        }

        return night.Finish();
    }

    /// <summary>
    /// Whether <paramref name="a"/> is kept over <paramref name="b"/> for the same item: more urgent, then earlier due,
    /// then by text, then the episode over the finding with an occurrence of its own.
    /// </summary>
    private static bool Precedes(WorkItemFinding a, WorkItemFinding b)
    {
        var c = ((int)b.Priority).CompareTo((int)a.Priority);
        if (c == 0)
        {
            c = Nullable.Compare(a.DueDate, b.DueDate);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Text(a), Text(b));
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Occurrence, b.Occurrence);
        }

        return c < 0;
    }

    /// <summary>Everything else a finding says, as one text: two findings with the same text are the same finding.</summary>
    private static string Text(WorkItemFinding f) =>
        $"{f.What}\u0000{f.Owner}\u0000{f.Source}\u0000{f.Subject}\u0000{f.OneOff}\u0000{f.Escalation}\u0000{Canonical(f.Evidence)}";

    private static string Canonical(IReadOnlyDictionary<string, string> evidence) =>
        string.Join("\u0001", evidence.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\u0002{p.Value}"));

    private static bool SameEvidence(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        if (a is Dictionary<string, string> dictionary)
        {
            foreach (var p in dictionary)
            {
                if (!b.TryGetValue(p.Key, out var v) || !string.Equals(v, p.Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        return a.All(p => b.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));
    }

    /// <summary>What an item's key is made of: held items and tonight's findings are indexed by it, so no key is built to look one up.</summary>
    private readonly record struct FindingId(WorkItemKind Kind, string Account, string Rule, string Occurrence);

    /// <summary>
    /// One reconciliation's working state. The held items are numbered in the order given; what tonight does to each
    /// (the finding that keeps it, whether its cause was found again though it is closed) is kept by number, so that
    /// nothing is made per item but the items returned.
    /// </summary>
    private sealed class Night
    {
        private readonly LocalDate _asOf;
        private readonly int _quietPeriodDays;
        private readonly string _night;
        private readonly List<WorkItem> _held;
        private readonly Dictionary<FindingId, int> _byId;
        private readonly Dictionary<Cause, int> _episodes = [];
        private readonly Dictionary<Cause, List<int>> _moreEpisodes = [];
        private readonly Dictionary<FindingId, WorkItemFinding> _opened = [];
        private readonly WorkItemFinding?[] _match;
        private readonly bool[] _suppress;

        /// <summary>A night that holds <paramref name="held"/>, checked and numbered in the order given.</summary>
        public Night(LocalDate asOf, int quietPeriodDays, IEnumerable<WorkItem> held)
        {
            _asOf = asOf;
            _quietPeriodDays = quietPeriodDays;
            _night = IsoDays.Format(asOf);
            var capacity = held.TryGetNonEnumeratedCount(out var count) ? count : 0;
            _held = new(capacity);
            _byId = new(capacity);
            foreach (var item in held)
            {
                Hold(item);
            }

            _match = new WorkItemFinding?[_held.Count];
            _suppress = new bool[_held.Count];
        }

        private void Hold(WorkItem held)
        {
            ArgumentNullException.ThrowIfNull(held);
            var item = held;
            if (!WorkItemKey.IsOf(item.Key, item.Kind, item.Account, item.Rule, item.Occurrence))
            {
                var expected = WorkItemKey.Of(item.Kind, item.Account, item.Rule, item.Occurrence);
                throw new ArgumentException($"work item '{item.Key}': its Key is not the form of its kind, account, rule and occurrence; it should be '{expected}'.", nameof(held));
            }

            if (item.OpenedOn > _asOf)
            {
                throw new ArgumentException($"work item '{item.Key}': its OpenedOn {item.OpenedOn:uuuu-MM-dd} is after the as-of date {_asOf:uuuu-MM-dd}.", nameof(held));
            }

            if (item.Status == WorkItemStatus.Snoozed && item.SnoozedUntil is null)
            {
                throw new ArgumentException($"work item '{item.Key}': it is snoozed but has no SnoozedUntil.", nameof(held));
            }

            // The key is the form of these four parts, and the form is one to one: the same parts, the same key.
            var number = _held.Count;
            if (!_byId.TryAdd(new FindingId(item.Kind, item.Account, item.Rule, item.Occurrence), number))
            {
                throw new ArgumentException($"work item '{item.Key}': the Key is held twice.", nameof(held));
            }

            _held.Add(item);
            if (item.Episode)
            {
                var cause = new Cause(item.Kind, item.Account, item.Rule);
                if (!_episodes.TryAdd(cause, number))
                {
                    if (!_moreEpisodes.TryGetValue(cause, out var more))
                    {
                        _moreEpisodes[cause] = more = [];
                    }

                    more.Add(number);
                }
            }
        }

        /// <summary>
        /// Takes a finding. Two findings can reach one item or open one key (an episode's and one naming the night the
        /// episode began, or the same finding twice): the one that precedes counts, so the order of the findings does
        /// not matter.
        /// </summary>
        public void Take(WorkItemFinding f)
        {
            var id = new FindingId(f.Kind, f.Account, f.Rule, f.Occurrence ?? _night);
            var number = f.Occurrence is null ? Episode(f) : -1;
            if (number < 0)
            {
                // A finding with its own occurrence, or a new occurrence of an episode (its key held already when the
                // episode ended earlier this night: the same occurrence, not reopened).
                number = _byId.GetValueOrDefault(id, -1);
                if (number < 0)
                {
                    if (!_opened.TryGetValue(id, out var other) || Precedes(f, other))
                    {
                        _opened[id] = f;
                    }

                    return;
                }
            }

            if (!_held[number].IsActive)
            {
                _suppress[number] = true;
            }
            else if (_match[number] is not { } other || Precedes(f, other))
            {
                _match[number] = f;
            }
        }

        public WorkItemChanges Finish()
        {
            var opened = new List<WorkItem>(_opened.Count);
            foreach (var (id, f) in _opened)
            {
                opened.Add(New(WorkItemKey.Of(id.Kind, id.Account, id.Rule, id.Occurrence), f));
            }

            var kept = new List<WorkItemUpdate>();
            var escalated = new List<WorkItem>();
            var suppressed = new List<WorkItem>();
            var closing = new List<int>();
            for (var i = 0; i < _held.Count; i++)
            {
                var item = _held[i];
                var match = _match[i];
                if (!item.IsActive)
                {
                    if (_suppress[i] && item.LastSeenOn < _asOf)
                    {
                        suppressed.Add(item with { LastSeenOn = _asOf });
                    }
                }
                else if (match is null)
                {
                    closing.Add(i);
                }
                else if (Keep(item, match) is var (now, changes) && now.EscalatedOn == _asOf && item.EscalatedOn is null)
                {
                    escalated.Add(now);
                }
                else
                {
                    kept.Add(new WorkItemUpdate(now, changes));
                }
            }

            kept.Sort(static (a, b) => string.CompareOrdinal(a.Item.Key, b.Item.Key));
            return new WorkItemChanges(_asOf, Sorted(opened), kept.AsReadOnly(), Sorted(Close(closing, opened)), Sorted(escalated), Sorted(suppressed));
        }

        /// <summary>
        /// Closes the active items whose cause is gone. What may supersede one is the most urgent item standing tonight
        /// on its subject (opened, or kept with tonight's priority and subject) with another rule; only the subjects of
        /// the items closing are followed.
        /// </summary>
        private List<WorkItem> Close(List<int> closing, List<WorkItem> opened)
        {
            var closed = new List<WorkItem>(closing.Count);
            if (closing.Count == 0)
            {
                return closed;
            }

            var live = new Dictionary<Cause, Standing>(closing.Count);
            foreach (var i in closing)
            {
                live.TryAdd(new Cause(_held[i].Kind, _held[i].Account, _held[i].Subject), default);
            }

            foreach (var item in opened)
            {
                Stand(live, new Cause(item.Kind, item.Account, item.Subject), new Candidate(item.Rule, item.Priority, item.Key));
            }

            for (var i = 0; i < _match.Length; i++)
            {
                if (_match[i] is { } f && _held[i].IsActive)
                {
                    Stand(live, new Cause(_held[i].Kind, _held[i].Account, f.SubjectOrRule), new Candidate(_held[i].Rule, f.Priority, _held[i].Key));
                }
            }

            foreach (var i in closing)
            {
                var item = _held[i];
                closed.Add(Close(item, live[new Cause(item.Kind, item.Account, item.Subject)]));
            }

            return closed;
        }

        /// <summary>
        /// Takes a candidate into its subject's standing, when an item on the subject is closing: the most urgent (then
        /// the first key), and the most urgent with another rule.
        /// </summary>
        private static void Stand(Dictionary<Cause, Standing> live, Cause subject, Candidate candidate)
        {
            ref var standing = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(live, subject);
            if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref standing))
            {
                return;
            }

            if (standing.Best is not { } best || candidate.Beats(best))
            {
                // The old best beat every other candidate: with another rule than the new best's, it is the runner-up.
                if (standing.Best is { } old && !string.Equals(old.Rule, candidate.Rule, StringComparison.Ordinal))
                {
                    standing.OtherRule = old;
                }

                standing.Best = candidate;
            }
            else if (!string.Equals(best.Rule, candidate.Rule, StringComparison.Ordinal) && (standing.OtherRule is not { } other || candidate.Beats(other)))
            {
                standing.OtherRule = candidate;
            }
        }

        /// <summary>
        /// An active item whose cause is gone: superseded when an item on the same subject with another rule, opened or
        /// kept tonight, is more urgent (the most urgent, then the first key); else a one-off step past its due date; else cleared.
        /// </summary>
        private WorkItem Close(WorkItem item, Standing sameSubject)
        {
            var other = sameSubject.Best is { } best && !string.Equals(best.Rule, item.Rule, StringComparison.Ordinal) ? best : sameSubject.OtherRule;
            var by = other is { } o && o.Priority > item.Priority ? o.Key : null;
            var reason = by is not null ? WorkItemCloseReason.Superseded
                : item.OneOff && item.DueDate < _asOf ? WorkItemCloseReason.DueDatePassed
                : WorkItemCloseReason.ConditionCleared;
            return item with { Status = WorkItemStatus.Closed, ClosedOn = _asOf, CloseReason = reason, SupersededBy = by };
        }

        /// <summary>
        /// The held item of a condition without an occurrence: the active one of its rule (the first key, should there be
        /// two), else the dismissed or done one last seen within the quiet period (the last key, should there be two).
        /// </summary>
        private int Episode(WorkItemFinding f)
        {
            var cause = new Cause(f.Kind, f.Account, f.Rule);
            if (!_episodes.TryGetValue(cause, out var first))
            {
                return -1;
            }

            var (active, quiet) = Consider(first, -1, -1);
            if (_moreEpisodes.TryGetValue(cause, out var more))
            {
                foreach (var number in more)
                {
                    (active, quiet) = Consider(number, active, quiet);
                }
            }

            return active >= 0 ? active : quiet;
        }

        private (int Active, int Quiet) Consider(int number, int active, int quiet)
        {
            var item = _held[number];
            if (item.IsActive)
            {
                return (active < 0 || string.CompareOrdinal(item.Key, _held[active].Key) < 0 ? number : active, quiet);
            }

            if (item.Status is not (WorkItemStatus.Dismissed or WorkItemStatus.Done) || Period.DaysBetween(item.LastSeenOn, _asOf) > _quietPeriodDays)
            {
                return (active, quiet);
            }

            var later = quiet < 0 || item.LastSeenOn > _held[quiet].LastSeenOn
                || (item.LastSeenOn == _held[quiet].LastSeenOn && string.CompareOrdinal(item.Key, _held[quiet].Key) > 0);
            return (active, later ? number : quiet);
        }

        private WorkItem New(string key, WorkItemFinding f)
        {
            var item = new WorkItem(key, f.Account, f.Kind, f.Rule, f.SubjectOrRule, f.Occurrence ?? _night, f.What, f.Priority, f.Source, f.Owner, WorkItemStatus.Open, _asOf, _asOf)
            {
                DueDate = f.DueDate, OneOff = f.OneOff, Evidence = f.Evidence, Escalation = f.Escalation, Episode = f.Occurrence is null,
            };
            return f.Escalation is { AfterDays: 0 } now ? item with { EscalatedOn = _asOf, Owner = now.To } : item;
        }

        /// <summary>A matched active item with tonight's finding: its priority, evidence, due date and details, unsnoozed or escalated when due.</summary>
        private (WorkItem Item, WorkItemChange Changes) Keep(WorkItem item, WorkItemFinding f)
        {
            var changes = WorkItemChange.None;
            changes |= f.Priority > item.Priority ? WorkItemChange.PriorityUp : f.Priority < item.Priority ? WorkItemChange.PriorityDown : WorkItemChange.None;
            changes |= SameEvidence(item.Evidence, f.Evidence) ? WorkItemChange.None : WorkItemChange.Evidence;
            changes |= item.DueDate == f.DueDate ? WorkItemChange.None : WorkItemChange.DueDate;
            var owner = item.EscalatedOn is null ? f.Owner : item.Owner;
            changes |= item.What == f.What && item.Owner == owner && item.Source == f.Source && item.Escalation == f.Escalation ? WorkItemChange.None : WorkItemChange.Details;
            var status = item.Status;
            LocalDate? snoozedUntil = item.SnoozedUntil;
            if (status == WorkItemStatus.Snoozed && _asOf >= item.SnoozedUntil)
            {
                (status, snoozedUntil) = (WorkItemStatus.Open, null);
                changes |= WorkItemChange.SnoozeEnded;
            }

            if (changes == WorkItemChange.None && item.LastSeenOn != _asOf)
            {
                changes = WorkItemChange.Seen;
            }

            var now = item with
            {
                Priority = f.Priority, Evidence = f.Evidence, DueDate = f.DueDate, What = f.What, Owner = owner, Source = f.Source, Escalation = f.Escalation,
                OneOff = f.OneOff, Status = status, SnoozedUntil = snoozedUntil, LastSeenOn = _asOf,
            };
            if (now is { Status: WorkItemStatus.Open, EscalatedOn: null, Escalation: { } e } && Period.DaysBetween(now.OpenedOn, _asOf) >= e.AfterDays)
            {
                now = now with { EscalatedOn = _asOf, Owner = e.To };
            }

            return (now, changes);
        }

        private static ReadOnlyCollection<WorkItem> Sorted(List<WorkItem> items)
        {
            items.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return items.AsReadOnly();
        }

        /// <summary>An item standing tonight on a subject: its rule, priority and key.</summary>
        private readonly record struct Candidate(string Rule, AgendaPriority Priority, string Key)
        {
            /// <summary>Whether this candidate supersedes before <paramref name="other"/>: more urgent, then the first key.</summary>
            public bool Beats(Candidate other) => Priority != other.Priority ? Priority > other.Priority : string.CompareOrdinal(Key, other.Key) < 0;
        }

        /// <summary>The most urgent candidate on a subject, and the most urgent with another rule than its.</summary>
        private struct Standing
        {
            public Candidate? Best;
            public Candidate? OtherRule;
        }

        /// <summary>An account's rule or subject of a kind: what an episode is matched by, and what superseding compares.</summary>
        private readonly record struct Cause(WorkItemKind Kind, string Account, string Name);
    }
}
