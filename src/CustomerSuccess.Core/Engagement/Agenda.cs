using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// Everything due or overdue on a date, for one account or a book of business: one list, each item once, ordered by
/// due date, then priority (most urgent first), then account and text.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Agenda
{
    private Agenda(LocalDate asOf, int lookaheadDays, IReadOnlyList<AgendaItem> items)
    {
        AsOf = asOf;
        LookaheadDays = lookaheadDays;
        Items = items;
    }

    /// <summary>The date the agenda is for.</summary>
    public LocalDate AsOf { get; }

    /// <summary>How many days past <see cref="AsOf"/> the agenda looks; 0 holds only what is due or overdue.</summary>
    public int LookaheadDays { get; }

    /// <summary>The items, in agenda order, each once.</summary>
    public IReadOnlyList<AgendaItem> Items { get; }

    /// <summary>The items overdue on <see cref="AsOf"/>.</summary>
    public IEnumerable<AgendaItem> Overdue => Items.Where(i => i.IsOverdueOn(AsOf));

    /// <summary>
    /// Builds an agenda: keeps the items due on or before <paramref name="asOf"/> plus <paramref name="lookaheadDays"/>,
    /// merges items that are the same item (<see cref="AgendaItem.IsSameAs"/>) into one, the most urgent of them (the
    /// first given among equals), and orders them.
    /// </summary>
    /// <param name="items">The candidate items, from any area, in any order.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="lookaheadDays">Days past <paramref name="asOf"/> to include, 0 or more; 0 by default (ours): due or overdue only.</param>
    /// <returns>The agenda.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookaheadDays"/> is negative.</exception>
    public static Agenda Build(IEnumerable<AgendaItem> items, LocalDate asOf, int lookaheadDays = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        Guard.NotNegative(lookaheadDays, "the agenda's lookahead", nameof(lookaheadDays));
        var horizon = IsoDays.PlusDaysOrNull(asOf, lookaheadDays) ?? IsoDays.LastDate(asOf.Calendar);
        var kept = new Dictionary<Key, AgendaItem>();
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (item.DueDate > horizon)
            {
                continue;
            }

            var key = new Key(item);
            if (!kept.TryGetValue(key, out var held) || item.Priority > held.Priority)
            {
                kept[key] = item;
            }
        }

        var ordered = kept.Values.ToArray();
        Array.Sort(ordered, Compare);
        return new Agenda(asOf, lookaheadDays, Array.AsReadOnly(ordered));
    }

    /// <summary>The agenda's order: due date, then priority (most urgent first), then account, kind and text.</summary>
    /// <param name="x">An item.</param>
    /// <param name="y">Another item.</param>
    /// <returns>Negative when <paramref name="x"/> comes first.</returns>
    public static int Compare(AgendaItem? x, AgendaItem? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.DueDate.CompareTo(y.DueDate);
        if (c == 0)
        {
            c = ((int)y.Priority).CompareTo((int)x.Priority);
        }

        if (c == 0)
        {
            c = StringComparer.OrdinalIgnoreCase.Compare(x.Account, y.Account);
        }

        if (c == 0)
        {
            c = ((int)x.Kind).CompareTo((int)y.Kind);
        }

        return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(x.What, y.What);
    }

    private readonly struct Key : IEquatable<Key>
    {
        private readonly AgendaItem _item;

        public Key(AgendaItem item) => _item = item;

        public bool Equals(Key other) => _item.IsSameAs(other._item);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(_item.Account), _item.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(_item.What), _item.DueDate);
    }
}
