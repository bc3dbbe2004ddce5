using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// Accounts as trees: each account with its parent (a subsidiary under its group, a workspace under its customer), or
/// none for a top-level account. Built once and checked whole: every parent is an account of the hierarchy, no account
/// is listed twice (under two parents, or twice under one), and no account is its own ancestor.
/// </summary>
/// <remarks>Immutable and thread-safe. Account ids are compared ordinally.</remarks>
public sealed class AccountHierarchy
{
    private readonly Dictionary<string, string?> _parentOf;
    private readonly Dictionary<string, List<string>> _children;
    private readonly string[] _accounts;

    private AccountHierarchy(Dictionary<string, string?> parentOf, Dictionary<string, List<string>> children, string[] accounts)
    {
        _parentOf = parentOf;
        _children = children;
        _accounts = accounts;
        Accounts = Array.AsReadOnly(accounts);
        Roots = Array.AsReadOnly(accounts.Where(a => parentOf[a] is null).ToArray());
        Parents = Array.AsReadOnly(accounts.Where(children.ContainsKey).ToArray());
    }

    /// <summary>Every account, in the order given.</summary>
    public IReadOnlyList<string> Accounts { get; }

    /// <summary>The accounts without a parent, in the order given.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>The accounts with at least one child, in the order given.</summary>
    public IReadOnlyList<string> Parents { get; }

    /// <summary>Builds a hierarchy from each account's parent.</summary>
    /// <param name="accounts">Each account's id and its parent's id (null or empty: a top-level account), in any order.</param>
    /// <returns>The hierarchy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accounts"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An id is empty; an account is listed twice (under two parents, or twice under one); a parent is not one of the
    /// accounts; or accounts form a cycle. The message names every such account.
    /// </exception>
    public static AccountHierarchy Build(IEnumerable<(string Account, string? Parent)> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var order = new List<string>();
        var problems = new List<string>();
        foreach (var (account, parent) in accounts)
        {
            if (string.IsNullOrWhiteSpace(account))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"account #{order.Count + problems.Count} has an empty id."));
                continue;
            }

            var p = string.IsNullOrWhiteSpace(parent) ? null : parent;
            if (parentOf.TryGetValue(account, out var first))
            {
                problems.Add(string.Equals(first, p, StringComparison.Ordinal)
                    ? $"account '{account}' is listed twice."
                    : $"account '{account}' is listed under two parents: {Name(first)} and {Name(p)}.");
                continue;
            }

            parentOf[account] = p;
            order.Add(account);
        }

        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var account in order)
        {
            if (parentOf[account] is not { } parent)
            {
                continue;
            }

            if (!parentOf.ContainsKey(parent))
            {
                problems.Add($"account '{account}' names the parent '{parent}', which is not one of the accounts.");
                continue;
            }

            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(account);
        }

        problems.AddRange(Cycles(parentOf, order));
        Internal.Guard.NoProblems(problems, "The account hierarchy", nameof(accounts));
        return new AccountHierarchy(parentOf, children, [.. order]);
    }

    /// <summary>Whether the hierarchy holds an account.</summary>
    /// <param name="account">The account's id.</param>
    /// <returns>True when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    public bool Contains(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _parentOf.ContainsKey(account);
    }

    /// <summary>An account's parent, or null for a top-level account.</summary>
    /// <param name="account">The account's id.</param>
    /// <returns>The parent's id, or null.</returns>
    /// <exception cref="ArgumentException">The account is not in the hierarchy.</exception>
    public string? ParentOf(string account) => _parentOf[Known(account)];

    /// <summary>An account's children, in the order given; empty for an account without any.</summary>
    /// <param name="account">The account's id.</param>
    /// <returns>The children's ids.</returns>
    /// <exception cref="ArgumentException">The account is not in the hierarchy.</exception>
    public IReadOnlyList<string> ChildrenOf(string account) =>
        _children.TryGetValue(Known(account), out var list) ? list.AsReadOnly() : Array.Empty<string>();

    /// <summary>An account and every account under it, the account first, then depth first in the order given.</summary>
    /// <param name="account">The account's id.</param>
    /// <returns>The account and its descendants.</returns>
    /// <exception cref="ArgumentException">The account is not in the hierarchy.</exception>
    public IReadOnlyList<string> SubtreeOf(string account)
    {
        var subtree = new List<string>();
        var stack = new Stack<string>();
        stack.Push(Known(account));
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            subtree.Add(next);
            if (_children.TryGetValue(next, out var list))
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    stack.Push(list[i]);
                }
            }
        }

        return subtree.AsReadOnly();
    }

    /// <summary>The top-level account an account belongs to (itself, for a top-level account).</summary>
    /// <param name="account">The account's id.</param>
    /// <returns>The root's id.</returns>
    /// <exception cref="ArgumentException">The account is not in the hierarchy.</exception>
    public string RootOf(string account)
    {
        var at = Known(account);
        while (_parentOf[at] is { } parent)
        {
            at = parent;
        }

        return at;
    }

    private string Known(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _parentOf.ContainsKey(account) ? account : throw new ArgumentException($"account '{account}' is not in the hierarchy.", nameof(account));
    }

    private static string Name(string? parent) => parent is null ? "none" : $"'{parent}'";

    /// <summary>Each cycle once, naming its accounts from the first in the order given.</summary>
    private static IEnumerable<string> Cycles(Dictionary<string, string?> parentOf, List<string> order)
    {
        // 0 unvisited, 1 on the current path, 2 done.
        var state = new Dictionary<string, byte>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in order)
        {
            path.Clear();
            var at = start;
            while (at is not null && parentOf.ContainsKey(at) && state.GetValueOrDefault(at) == 0)
            {
                state[at] = 1;
                path.Add(at);
                at = parentOf[at];
            }

            if (at is not null && state.GetValueOrDefault(at) == 1)
            {
                var cycle = path.Skip(path.IndexOf(at)).ToList();
                yield return $"accounts {string.Join(" → ", cycle.Append(at).Select(a => $"'{a}'"))} form a cycle: an account cannot be its own ancestor.";
            }

            foreach (var a in path)
            {
                state[a] = 2;
            }
        }
    }
}
