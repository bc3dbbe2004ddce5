namespace CustomerSuccess.Engagement;

/// <summary>How a stakeholder map changed.</summary>
public enum StakeholderChangeKind
{
    /// <summary>A person no longer holds a role (left the account, or moved to another role).</summary>
    Left = 0,

    /// <summary>A person in a role is new.</summary>
    Joined = 1,
}
