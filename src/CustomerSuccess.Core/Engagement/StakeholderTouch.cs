using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>When a stakeholder next needs a touch, by their role's frequency.</summary>
/// <param name="Stakeholder">The person.</param>
/// <param name="Role">Their role in the matrix.</param>
/// <param name="NextDue">The last touch plus the role's frequency; the as-of date when never touched.</param>
/// <param name="AsOf">The date judged.</param>
public sealed record StakeholderTouch(Stakeholder Stakeholder, StakeholderRole Role, LocalDate NextDue, LocalDate AsOf)
{
    /// <summary>The person.</summary>
    public Stakeholder Stakeholder { get; init; } = Stakeholder ?? throw new System.ArgumentNullException(nameof(Stakeholder));

    /// <summary>Their role in the matrix.</summary>
    public StakeholderRole Role { get; init; } = Role ?? throw new System.ArgumentNullException(nameof(Role));

    /// <summary>Whether the person was never touched.</summary>
    public bool IsNeverTouched => Stakeholder.LastTouch is null;

    /// <summary>Whether the touch is past due (due before <see cref="AsOf"/>).</summary>
    public bool IsOverdue => NextDue < AsOf;

    /// <summary>Whether the person is touched as often as the role needs: touched, and not overdue.</summary>
    public bool IsFresh => !IsNeverTouched && !IsOverdue;

    /// <summary>Days overdue; 0 when not.</summary>
    public int DaysOverdue => IsOverdue ? Internal.IsoDays.Between(NextDue, AsOf) : 0;
}
