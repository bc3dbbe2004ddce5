using System;

namespace CustomerSuccess.WorkItems;

/// <summary>
/// The stable key of a work item: <c>kind|account|rule|occurrence</c>, the kind's slug (<c>churn-factor</c>,
/// <c>band-drop</c>, <c>renewal-checkpoint</c>, <c>onboarding-task</c>, <c>nps-follow-up</c>, <c>expansion</c>,
/// <c>agenda</c>), then the account, the rule and the occurrence as given, each with <c>%</c> written <c>%25</c> and
/// <c>|</c> written <c>%7C</c>. The occurrence is the period or event the item is about (a renewal date, a response
/// date, a due date), or, for a condition that has none, the date the episode was first found (yyyy-MM-dd): so the
/// same cause on another night has the same key, and the cause returning after it cleared has a new one.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class WorkItemKey
{
    /// <summary>The key of a work item.</summary>
    /// <param name="kind">What raised it.</param>
    /// <param name="account">The account. Not empty.</param>
    /// <param name="rule">The rule that raised it. Not empty.</param>
    /// <param name="occurrence">The period or event it is about. Not empty.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A part is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a <see cref="WorkItemKind"/>.</exception>
    public static string Of(WorkItemKind kind, string account, string rule, string occurrence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(occurrence);
        var slug = Slug(kind);
        var length = slug.Length + 3 + EscapedLength(account) + EscapedLength(rule) + EscapedLength(occurrence);
        return string.Create(length, (slug, account, rule, occurrence), static (key, parts) =>
        {
            parts.slug.AsSpan().CopyTo(key);
            var at = parts.slug.Length;
            at = Append(key, at, parts.account);
            at = Append(key, at, parts.rule);
            Append(key, at, parts.occurrence);
        });
    }

    /// <summary>Whether <paramref name="key"/> is the key of these parts, without making the key.</summary>
    internal static bool IsOf(string key, WorkItemKind kind, string account, string rule, string occurrence)
    {
        var slug = Slug(kind);
        var rest = key.AsSpan();
        if (!rest.StartsWith(slug, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[slug.Length..];
        return Matches(ref rest, account) && Matches(ref rest, rule) && Matches(ref rest, occurrence) && rest.IsEmpty;
    }

    private static int EscapedLength(string part)
    {
        var length = part.Length;
        foreach (var c in part)
        {
            length += c is '%' or '|' ? 2 : 0;
        }

        return length;
    }

    private static int Append(Span<char> key, int at, string part)
    {
        key[at++] = '|';
        foreach (var c in part)
        {
            if (Escape(c) is { } escape)
            {
                escape.AsSpan().CopyTo(key[at..]);
                at += escape.Length;
            }
            else
            {
                key[at++] = c;
            }
        }

        return at;
    }

    private static bool Matches(ref ReadOnlySpan<char> rest, string part)
    {
        if (rest.IsEmpty || rest[0] != '|')
        {
            return false;
        }

        rest = rest[1..];
        foreach (var c in part)
        {
            if (Escape(c) is { } escape)
            {
                if (!rest.StartsWith(escape, StringComparison.Ordinal))
                {
                    return false;
                }

                rest = rest[escape.Length..];
            }
            else
            {
                if (rest.IsEmpty || rest[0] != c)
                {
                    return false;
                }

                rest = rest[1..];
            }
        }

        return true;
    }

    private static string? Escape(char c) => c switch
    {
        '%' => "%25",
        '|' => "%7C",
        _ => null,
    };

    /// <summary>The slug of a kind in a key, for example <c>churn-factor</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The slug.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a <see cref="WorkItemKind"/>.</exception>
    public static string Slug(WorkItemKind kind) => kind switch
    {
        WorkItemKind.ChurnFactor => "churn-factor",
        WorkItemKind.BandDrop => "band-drop",
        WorkItemKind.RenewalCheckpoint => "renewal-checkpoint",
        WorkItemKind.OnboardingTask => "onboarding-task",
        WorkItemKind.NpsFollowUp => "nps-follow-up",
        WorkItemKind.ExpansionTrigger => "expansion",
        WorkItemKind.AgendaItem => "agenda",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{kind} is not a WorkItemKind."),
    };
}
