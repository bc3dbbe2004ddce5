namespace CustomerSuccess.Advocacy;

/// <summary>The CS Agent playbook's reference tiers, from what the customer has done.</summary>
public enum ReferenceTier
{
    /// <summary>Not an active customer: no reference tier.</summary>
    None = 0,

    /// <summary>An active customer.</summary>
    Bronze = 1,

    /// <summary>An active customer with a published case study.</summary>
    Silver = 2,

    /// <summary>An active customer who has spoken for us or acts as a champion.</summary>
    Gold = 3,
}
