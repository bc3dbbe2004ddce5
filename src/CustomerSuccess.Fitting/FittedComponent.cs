using System;

namespace CustomerSuccess.Fitting;

/// <summary>One component's weight before and after a fit, with the regression's coefficient it came from.</summary>
/// <param name="Key">The component's key.</param>
/// <param name="OriginalWeight">Its weight in the model fitted.</param>
/// <param name="FittedWeight">Its fitted weight: its share of the protective coefficients (0 when its coefficient is not protective); 0 when the fit is undefined.</param>
/// <param name="Coefficient">
/// Its coefficient in the logistic regression of churn on the component scores over 100: negative when a higher score
/// means less churn (protective), as a health component should be.
/// </param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FittedComponent(string Key, double OriginalWeight, double FittedWeight, double Coefficient)
{
    /// <summary>The component's key.</summary>
    public string Key { get; init; } = Key ?? throw new ArgumentNullException(nameof(Key));
}
