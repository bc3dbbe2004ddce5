namespace CustomerSuccess.Nps;

/// <summary>The category of a Net Promoter Score response (Petra, CS Expert and CS Agent playbooks).</summary>
public enum NpsCategory
{
    /// <summary>A response of 0 to 6.</summary>
    Detractor = 0,

    /// <summary>A response of 7 or 8.</summary>
    Passive = 1,

    /// <summary>A response of 9 or 10.</summary>
    Promoter = 2,
}
