namespace CustomerSuccess.Churn;

/// <summary>The churn-risk level of a customer (CS Specialist playbook's assessment shape).</summary>
public enum ChurnRiskLevel
{
    /// <summary>The risk score is below the medium threshold and no critical factor fired.</summary>
    Low = 0,

    /// <summary>The risk score reached the medium threshold.</summary>
    Medium = 1,

    /// <summary>The risk score reached the high threshold, or a critical factor fired.</summary>
    High = 2,

    /// <summary>The risk score reached the critical threshold.</summary>
    Critical = 3,
}
