using System.Diagnostics.Contracts;

namespace CustomerSuccess.Advocacy;

/// <summary>The CS Agent playbook's reference tiers: Bronze (active customer), Silver (case study), Gold (speaker or champion).</summary>
public static class ReferenceTiers
{
    /// <summary>The reference tier of a customer: the highest tier whose condition holds; None for a customer who is not active.</summary>
    /// <param name="isActiveCustomer">Whether the customer is active.</param>
    /// <param name="hasCaseStudy">Whether a case study is published.</param>
    /// <param name="isSpeakerOrChampion">Whether the customer has spoken at an event or acts as a champion.</param>
    /// <returns>The tier.</returns>
    [Pure]
    public static ReferenceTier Of(bool isActiveCustomer, bool hasCaseStudy, bool isSpeakerOrChampion) =>
        !isActiveCustomer ? ReferenceTier.None
        : isSpeakerOrChampion ? ReferenceTier.Gold
        : hasCaseStudy ? ReferenceTier.Silver
        : ReferenceTier.Bronze;
}
