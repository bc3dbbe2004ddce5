using System.Collections.Generic;

namespace CustomerSuccess.Expansion;

/// <summary>The expansion opportunities of an account, ranked, and what the value-first gate held back.</summary>
/// <param name="AccountId">The account's id.</param>
/// <param name="Opportunities">The opportunities offered, highest score first.</param>
/// <param name="HeldBack">Upsell opportunities the gate held back, highest score first; empty when not gated.</param>
/// <param name="GateReason">Why opportunities were held back, or null when the gate let everything through.</param>
public sealed record ExpansionAssessment(
    string AccountId,
    IReadOnlyList<ExpansionOpportunity> Opportunities,
    IReadOnlyList<ExpansionOpportunity> HeldBack,
    string? GateReason)
{
    /// <summary>Whether the value-first gate held back upsells.</summary>
    public bool IsGated => GateReason is not null;
}
