using System;
using NodaTime;

namespace CustomerSuccess.Churn;

/// <summary>A playbook step with its due date.</summary>
/// <param name="Due">The date the step is due: the plan's start plus the step's day offset.</param>
/// <param name="Step">The step.</param>
/// <param name="Playbook">The playbook it comes from.</param>
public sealed record PlannedAction(LocalDate Due, PlaybookStep Step, Playbook Playbook)
{
    /// <summary>The step.</summary>
    public PlaybookStep Step { get; init; } = Step ?? throw new ArgumentNullException(nameof(Step));

    /// <summary>The playbook it comes from.</summary>
    public Playbook Playbook { get; init; } = Playbook ?? throw new ArgumentNullException(nameof(Playbook));
}
