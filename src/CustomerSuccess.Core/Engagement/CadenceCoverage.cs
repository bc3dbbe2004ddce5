using System;
using System.Collections.Generic;

namespace CustomerSuccess.Engagement;

/// <summary>How a book of business stands against its check-in cadences: accounts on cadence, overdue, never contacted.</summary>
/// <param name="Accounts">The accounts counted.</param>
/// <param name="OnCadence">Accounts whose next check-in is not overdue.</param>
/// <param name="Overdue">Accounts whose check-in is overdue (never-contacted ones past their first check-in included).</param>
/// <param name="NeverContacted">Accounts with no touchpoint, overdue or not.</param>
public sealed record CadenceCoverage(int Accounts, int OnCadence, int Overdue, int NeverContacted)
{
    /// <summary>The share of accounts on cadence, in [0, 1]; null for an empty book.</summary>
    public double? ShareOnCadence => Accounts == 0 ? null : (double)OnCadence / Accounts;

    /// <summary>Counts the statuses of a book of business.</summary>
    /// <param name="statuses">One status per account.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> or one of them is null.</exception>
    public static CadenceCoverage Of(IEnumerable<CheckInStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        int accounts = 0, overdue = 0, never = 0;
        foreach (var status in statuses)
        {
            ArgumentNullException.ThrowIfNull(status, nameof(statuses));
            accounts++;
            overdue += status.IsOverdue ? 1 : 0;
            never += status.IsNeverContacted ? 1 : 0;
        }

        return new CadenceCoverage(accounts, accounts - overdue, overdue, never);
    }
}
