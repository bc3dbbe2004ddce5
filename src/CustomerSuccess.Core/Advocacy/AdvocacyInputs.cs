namespace CustomerSuccess.Advocacy;

/// <summary>The five inputs of the CS Expert playbook's advocacy score, each from 0 to 100.</summary>
/// <param name="Nps">NPS, mapped to 0–100 by the caller (for example a response × 10).</param>
/// <param name="SuccessMetrics">Progress on the customer's success metrics.</param>
/// <param name="Engagement">Engagement level.</param>
/// <param name="ReferenceWillingness">Willingness to be a reference.</param>
/// <param name="CommunityActivity">Activity in the community.</param>
public readonly record struct AdvocacyInputs(double Nps, double SuccessMetrics, double Engagement, double ReferenceWillingness, double CommunityActivity);
