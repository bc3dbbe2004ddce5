using System;

namespace CustomerSuccess.Health;

/// <summary>The profile that scores a customer, and why.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Reason">Why, for a person: "segment Enterprise, stage Onboarding matches 'enterprise-onboarding'".</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HealthProfileMatch(HealthProfile Profile, string Reason)
{
    /// <summary>The profile.</summary>
    public HealthProfile Profile { get; init; } = Profile ?? throw new ArgumentNullException(nameof(Profile));

    /// <summary>Why this profile.</summary>
    public string Reason { get; init; } = string.IsNullOrWhiteSpace(Reason) ? throw new ArgumentException("a match needs its reason.", nameof(Reason)) : Reason;
}
