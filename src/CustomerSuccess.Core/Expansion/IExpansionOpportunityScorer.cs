namespace CustomerSuccess.Expansion;

/// <summary>Finds and ranks an account's expansion opportunities.</summary>
/// <remarks>Implementations must be immutable and thread-safe. Built in: <see cref="ExpansionOpportunityScorer"/>.</remarks>
public interface IExpansionOpportunityScorer
{
    /// <summary>Finds, scores and ranks the account's opportunities, applying the value-first gate.</summary>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The plans and products.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">An account value is out of range; the message names it.</exception>
    /// <exception cref="System.ArgumentException">The account's plan is not in the catalogue.</exception>
    ExpansionAssessment Assess(ExpansionAccount account, ExpansionCatalog catalog);
}
