using System;
using System.Collections.Generic;

namespace CustomerSuccess.Engagement;

/// <summary>
/// QBR completion across the eligible accounts of a book of business: the share that had their review within the
/// policy's months, against the CS Manager playbook's target of 100 %.
/// </summary>
/// <param name="Accounts">Accounts counted: a review held or the first one due (<see cref="QbrStatus.CountsTowardCompletion"/>).</param>
/// <param name="Completed">Of those, the accounts whose review is current (<see cref="QbrStatus.IsComplete"/>).</param>
public sealed record QbrCompletion(int Accounts, int Completed)
{
    /// <summary>The CS Manager playbook's target: 100 % of strategic accounts quarterly.</summary>
    public const double Target = 1.0;

    /// <summary>The share completed, in [0, 1]; null when no account counts.</summary>
    public double? Rate => Accounts == 0 ? null : (double)Completed / Accounts;

    /// <summary>Whether the rate reaches <see cref="Target"/>; null when no account counts.</summary>
    public bool? MeetsTarget => Rate is { } rate ? rate >= Target : null;

    /// <summary>Counts the statuses of the eligible accounts.</summary>
    /// <param name="statuses">One status per eligible account.</param>
    /// <returns>The completion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> or one of them is null.</exception>
    public static QbrCompletion Of(IEnumerable<QbrStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        int accounts = 0, completed = 0;
        foreach (var s in statuses)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(statuses));
            if (s.CountsTowardCompletion)
            {
                accounts++;
                completed += s.IsComplete ? 1 : 0;
            }
        }

        return new QbrCompletion(accounts, completed);
    }
}
