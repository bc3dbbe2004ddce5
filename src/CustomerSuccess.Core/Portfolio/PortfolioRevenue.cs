namespace CustomerSuccess.Portfolio;

/// <summary>The amounts of a portfolio summary: total ARR, ARR at risk and expected loss, with whether the loss is estimated.</summary>
internal readonly record struct PortfolioRevenue(decimal Total, decimal AtRisk, decimal ExpectedLoss, bool Estimated)
{
    /// <summary>Both sets of amounts added; throws <see cref="System.OverflowException"/>, saying so, when a sum does not fit.</summary>
    internal PortfolioRevenue Merge(PortfolioRevenue other)
    {
        try
        {
            return new(Total + other.Total, AtRisk + other.AtRisk, ExpectedLoss + other.ExpectedLoss, Estimated || other.Estimated);
        }
        catch (System.OverflowException e)
        {
            throw new System.OverflowException("the merged portfolio's ARR sums would pass the largest decimal (about 7.9e28).", e);
        }
    }
}
