namespace CustomerSuccess.Churn;

/// <summary>
/// A model that predicts the probability that a customer churns: your own, trained elsewhere (ML.NET, ONNX, a
/// spreadsheet), or the built-in <see cref="LogisticRegressionChurnModel"/>. Plug it in with
/// <see cref="ProbabilityChurnRiskAssessor"/>.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface IChurnProbabilityModel
{
    /// <summary>The probability that the customer churns.</summary>
    /// <param name="signals">The customer's signals, already checked.</param>
    /// <returns>A probability in [0, 1].</returns>
    double PredictChurnProbability(CustomerSignals signals);
}
