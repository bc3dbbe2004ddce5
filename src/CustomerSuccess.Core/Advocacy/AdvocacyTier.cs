namespace CustomerSuccess.Advocacy;

/// <summary>The CS Expert playbook's advocacy tiers, from the lowest.</summary>
public enum AdvocacyTier
{
    /// <summary>Below the Advocate threshold (50 by default).</summary>
    Supporter = 0,

    /// <summary>From 50 by default.</summary>
    Advocate = 1,

    /// <summary>From 70 by default.</summary>
    Champion = 2,

    /// <summary>From 85 by default.</summary>
    Ambassador = 3,
}
