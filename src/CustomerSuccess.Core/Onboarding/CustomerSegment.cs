namespace CustomerSuccess.Onboarding;

/// <summary>The customer segments the CS Expert playbook plans onboarding by.</summary>
public enum CustomerSegment
{
    /// <summary>Small and medium businesses.</summary>
    Smb = 0,

    /// <summary>Mid-market.</summary>
    MidMarket = 1,

    /// <summary>Enterprise.</summary>
    Enterprise = 2,
}
