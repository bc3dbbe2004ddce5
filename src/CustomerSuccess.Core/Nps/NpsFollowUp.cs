using System;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>A follow-up step scheduled for one response.</summary>
/// <param name="Step">The step of the plan.</param>
/// <param name="Category">The category of the response it follows up.</param>
/// <param name="Due">When it is due: the response instant plus the step's delay.</param>
public sealed record NpsFollowUp(NpsFollowUpStep Step, NpsCategory Category, Instant Due)
{
    /// <summary>The step of the plan.</summary>
    public NpsFollowUpStep Step { get; init; } = Step ?? throw new ArgumentNullException(nameof(Step));

    /// <summary>The category of the response it follows up.</summary>
    public NpsCategory Category { get; init; } = Guard.Defined(Category, nameof(Category));
}
