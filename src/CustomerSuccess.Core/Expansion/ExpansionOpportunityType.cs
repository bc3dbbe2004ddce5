namespace CustomerSuccess.Expansion;

/// <summary>The kind of an expansion opportunity (CS Expert playbook's types and the CS Agent playbook's referral trigger).</summary>
public enum ExpansionOpportunityType
{
    /// <summary>More user licences: seats near the limit, or new team members.</summary>
    Seats = 0,

    /// <summary>More storage.</summary>
    Storage = 1,

    /// <summary>A higher plan whose features the account already uses.</summary>
    PlanUpgrade = 2,

    /// <summary>An add-on product that fits the account.</summary>
    CrossSell = 3,

    /// <summary>A referral ask after positive feedback; not an upsell, so the value-first gate never holds it back.</summary>
    Referral = 4,
}
