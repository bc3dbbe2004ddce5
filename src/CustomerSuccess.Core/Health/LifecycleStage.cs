namespace CustomerSuccess.Health;

/// <summary>
/// Where a customer is in its lifecycle, by the CS Agent playbook's journey: onboarding (first value), adoption (deep
/// use), retention (the renewal), expansion (upsell) and advocacy (referral).
/// </summary>
public enum LifecycleStage
{
    /// <summary>From the kickoff to go-live and first value.</summary>
    Onboarding = 0,

    /// <summary>Live, using the product more deeply.</summary>
    Adoption = 1,

    /// <summary>In the run-up to a renewal (the renewal window).</summary>
    Retention = 2,

    /// <summary>Buying more.</summary>
    Expansion = 3,

    /// <summary>Referring others.</summary>
    Advocacy = 4,
}
