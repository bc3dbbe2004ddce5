using System.Collections.Generic;
using System;

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
    /// <summary>The account's id.</summary>
    public string AccountId { get; init; } = AccountId ?? throw new ArgumentNullException(nameof(AccountId));

    /// <summary>The opportunities offered, highest score first.</summary>
    public IReadOnlyList<ExpansionOpportunity> Opportunities { get; init; } = Opportunities ?? throw new ArgumentNullException(nameof(Opportunities));

    /// <summary>Upsell opportunities the gate held back, highest score first; empty when not gated.</summary>
    public IReadOnlyList<ExpansionOpportunity> HeldBack { get; init; } = HeldBack ?? throw new ArgumentNullException(nameof(HeldBack));

    /// <summary>Whether the value-first gate held back upsells.</summary>
    public bool IsGated => GateReason is not null;
}
