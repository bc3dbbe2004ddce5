using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Renewals;

/// <summary>
/// One checkpoint of a renewal playbook: so many days before the renewal, an action, its owner and deliverables.
/// Two checkpoints are equal when their days before and actions (ignoring case) are equal.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RenewalCheckpoint : IEquatable<RenewalCheckpoint>
{
    /// <summary>Creates a checkpoint.</summary>
    /// <param name="daysBefore">Days before the renewal date, 0 (on the day) or more.</param>
    /// <param name="action">What to do. Not empty.</param>
    /// <param name="owner">Who does it, for example "CSM" or "CSM and Sales". Not empty.</param>
    /// <param name="deliverables">What it produces; may be empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysBefore"/> is negative.</exception>
    /// <exception cref="ArgumentException">A text is empty.</exception>
    public RenewalCheckpoint(int daysBefore, string action, string owner, IEnumerable<string>? deliverables = null)
    {
        if (daysBefore < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(daysBefore), daysBefore, $"the days before the renewal of checkpoint '{action}' must be 0 or more but were {daysBefore}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        DaysBefore = daysBefore;
        Action = action;
        Owner = owner;
        Deliverables = Array.AsReadOnly((deliverables ?? []).ToArray());
    }

    /// <summary>Days before the renewal date.</summary>
    public int DaysBefore { get; }

    /// <summary>What to do.</summary>
    public string Action { get; }

    /// <summary>Who does it.</summary>
    public string Owner { get; }

    /// <summary>What it produces.</summary>
    public IReadOnlyList<string> Deliverables { get; }

    /// <inheritdoc />
    public bool Equals(RenewalCheckpoint? other) =>
        other is not null && DaysBefore == other.DaysBefore && string.Equals(Action, other.Action, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RenewalCheckpoint);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DaysBefore, StringComparer.OrdinalIgnoreCase.GetHashCode(Action));

    /// <summary>For example "90 days out: Business review (CSM)".</summary>
    public override string ToString() => $"{DaysBefore} days out: {Action} ({Owner})";
}
