using System;
using System.Text;

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
        var key = new StringBuilder(Slug(kind).Length + account.Length + rule.Length + occurrence.Length + 3).Append(Slug(kind));
        foreach (var part in new[] { account, rule, occurrence })
        {
            key.Append('|');
            foreach (var c in part)
            {
                _ = c switch
                {
                    '%' => key.Append("%25"),
                    '|' => key.Append("%7C"),
                    _ => key.Append(c),
                };
            }
        }

        return key.ToString();
    }

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
