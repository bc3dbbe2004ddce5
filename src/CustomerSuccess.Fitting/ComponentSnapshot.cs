using System;
using NodaTime;

namespace CustomerSuccess.Fitting;

/// <summary>An account's component scores on one day of its history, as a weighted model takes them.</summary>
/// <param name="Account">The account's id. Not empty.</param>
/// <param name="AsOf">The snapshot's date.</param>
/// <param name="Scores">The component scores in the model's component order, each in [0, 100], NaN where missing.</param>
/// <remarks>Immutable once made (the scores are the caller's: do not change them while a fit reads them).</remarks>
public sealed record ComponentSnapshot(string Account, LocalDate AsOf, ReadOnlyMemory<double> Scores)
{
    /// <summary>The account's id.</summary>
    public string Account { get; init; } = string.IsNullOrWhiteSpace(Account) ? throw new ArgumentException("the account's id is empty.", nameof(Account)) : Account;
}
