namespace CustomerSuccess.Health;

/// <summary>What a health score model does with a component whose score is missing.</summary>
public enum MissingDataHandling
{
    /// <summary>
    /// Score over the components that are present, their weights rescaled to sum to 1 (the default):
    /// the score is Σ wᵢ·sᵢ ÷ Σ wᵢ over the present components.
    /// </summary>
    Renormalize = 0,

    /// <summary>Count a missing component as 0: the score is Σ wᵢ·sᵢ over the present components ÷ the total weight.</summary>
    TreatAsZero = 1,

    /// <summary>Refuse to score: a missing component throws an <see cref="System.ArgumentException"/>.</summary>
    Reject = 2,
}
