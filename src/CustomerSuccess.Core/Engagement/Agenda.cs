using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
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
        var ordered = asOf.Calendar == CalendarSystem.Iso ? BuildIso(items, horizon) : BuildAnyCalendar(items, horizon);
        return new Agenda(asOf, lookaheadDays, Array.AsReadOnly(ordered));
    }

    /// <summary>
    /// Keeps, merges and orders ISO-dated items by keys computed once per item, not by comparing items: each account
    /// gets a number in the accounts' order (looked up only when the account's text changes from the item before, as
    /// items mostly come account by account), so that a candidate's day, account and kind are one number. Sorted by
    /// that number and the text, the same item seen twice is adjacent (the most urgent first, then the first given),
    /// and one pass merges it; the survivors are then sorted by day and priority in one number, account and kind in
    /// another, then the text. Comparing items through <see cref="Compare"/> (calendars, accounts' text) and merging
    /// in a dictionary hashed on the text took most of an agenda's time.
    /// </summary>
    private static AgendaItem[] BuildIso(IEnumerable<AgendaItem> items, LocalDate horizon)
    {
        var candidates = new List<Candidate>();
        var accountIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var accounts = new List<string>();
        string? lastAccount = null;
        var lastId = -1;
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (item.DueDate > horizon)
            {
                continue;
            }

            if (!ReferenceEquals(item.Account, lastAccount))
            {
                if (!accountIds.TryGetValue(item.Account, out lastId))
                {
                    lastId = accounts.Count;
                    accountIds.Add(item.Account, lastId);
                    accounts.Add(item.Account);
                }

                lastAccount = item.Account;
            }

            candidates.Add(new Candidate(Candidate.KeyOf(IsoDays.DayNumber(item.DueDate), lastId, item.Kind), candidates.Count, item));
        }

        // The accounts' numbers in their order ignoring case, as Compare orders them.
        var names = accounts.ToArray();
        var ids = new int[names.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = i;
        }

        Array.Sort(names, ids, StringComparer.OrdinalIgnoreCase);
        var rankOf = new int[ids.Length];
        for (var rank = 0; rank < ids.Length; rank++)
        {
            rankOf[ids[rank]] = rank;
        }

        var all = CollectionsMarshal.AsSpan(candidates);
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = all[i].WithAccount(rankOf[all[i].Account]);
        }

        all.Sort();
        var keys = new SortKey[all.Length];
        var count = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (i == 0 || !all[i].IsSameAs(all[i - 1]))
            {
                keys[count++] = all[i].ToSortKey();
            }
        }

        var kept = keys.AsSpan(0, count);
        kept.Sort();
        var ordered = new AgendaItem[count];
        for (var i = 0; i < count; i++)
        {
            ordered[i] = kept[i].Item;
        }

        return ordered;
    }

    /// <summary>Keeps, merges and orders items of a calendar other than the ISO one: in a dictionary, then by <see cref="Compare"/>.</summary>
    private static AgendaItem[] BuildAnyCalendar(IEnumerable<AgendaItem> items, LocalDate horizon)
    {
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
        return ordered;
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

    /// <summary>
    /// A candidate with its merge key: its day (offset to be positive), account number and kind in one number; ordered
    /// by that number, then the text ignoring case, then priority (most urgent first), then the order given.
    /// </summary>
    /// <remarks>Only a span's sort compares it: no equality or operators are needed.</remarks>
#pragma warning disable MA0096, MA0097
    private readonly struct Candidate(long key, int index, AgendaItem item) : IComparable<Candidate>
#pragma warning restore MA0096, MA0097
    {
        private const int DayShift = 39;
        private const long DayOffset = 1L << 23;
        private const long AccountMask = (1L << (DayShift - 4)) - 1;

        private readonly long _key = key;
        private readonly int _index = index;

        public AgendaItem Item { get; } = item;

        /// <summary>The account number the key holds.</summary>
        public int Account => (int)((_key >> 4) & AccountMask);

        private int Day => (int)((_key >> DayShift) - DayOffset);

        /// <summary>The key of an ISO day number (about -4.4 million to 3 million), an account number and a kind.</summary>
        public static long KeyOf(int day, int account, AgendaItemKind kind) => ((day + DayOffset) << DayShift) | ((long)account << 4) | (long)kind;

        public Candidate WithAccount(int account) => new(KeyOf(Day, account, Item.Kind), _index, Item);

        /// <summary>Whether it is the same item as <paramref name="other"/>: same day, account and kind, the same text ignoring case.</summary>
        public bool IsSameAs(Candidate other) => _key == other._key && string.Equals(Item.What, other.Item.What, StringComparison.OrdinalIgnoreCase);

        /// <summary>Its agenda order's keys: day and priority, then account number and kind (the key's low bits).</summary>
        public SortKey ToSortKey() => new((Day * 4L) + (3 - (int)Item.Priority), _key & ((1L << DayShift) - 1), Item);

        public int CompareTo(Candidate other)
        {
            var c = _key.CompareTo(other._key);
            if (c == 0)
            {
                c = StringComparer.OrdinalIgnoreCase.Compare(Item.What, other.Item.What);
            }

            if (c == 0)
            {
                c = ((int)other.Item.Priority).CompareTo((int)Item.Priority);
            }

            return c != 0 ? c : _index.CompareTo(other._index);
        }
    }

    /// <summary>An item with its sort keys: day and priority (most urgent first), then account number and kind, then its text.</summary>
    /// <remarks>Only a span's sort compares it: no equality or operators are needed.</remarks>
#pragma warning disable MA0096, MA0097
    private readonly struct SortKey(long major, long minor, AgendaItem item) : IComparable<SortKey>
#pragma warning restore MA0096, MA0097
    {
        private readonly long _major = major;
        private readonly long _minor = minor;

        public AgendaItem Item { get; } = item;

        public int CompareTo(SortKey other)
        {
            var c = _major.CompareTo(other._major);
            if (c == 0)
            {
                c = _minor.CompareTo(other._minor);
            }

            return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(Item.What, other.Item.What);
        }
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
