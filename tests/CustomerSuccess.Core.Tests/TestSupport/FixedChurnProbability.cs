using CustomerSuccess.Churn;

namespace CustomerSuccess.Tests.TestSupport;

/// <summary>A churn probability model that gives every customer the same probability.</summary>
internal sealed class FixedChurnProbability(double p) : IChurnProbabilityModel
{
    public double PredictChurnProbability(CustomerSignals signals) => p;
}
