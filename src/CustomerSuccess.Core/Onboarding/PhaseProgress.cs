using System;

namespace CustomerSuccess.Onboarding;

/// <summary>The progress of one phase.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Done">Tasks done.</param>
/// <param name="Total">Tasks in the phase.</param>
public sealed record PhaseProgress(OnboardingPhase Phase, int Done, int Total)
{
    /// <summary>The phase.</summary>
    public OnboardingPhase Phase { get; init; } = Phase ?? throw new ArgumentNullException(nameof(Phase));

    /// <summary>Done ÷ total, in [0, 1]; 1 for a phase with no tasks.</summary>
    public double Progress => Total == 0 ? 1 : (double)Done / Total;
}
