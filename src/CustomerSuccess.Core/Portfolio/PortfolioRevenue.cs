namespace CustomerSuccess.Portfolio;

/// <summary>The amounts of a portfolio summary: total ARR, ARR at risk and expected loss, with whether the loss is estimated.</summary>
internal readonly record struct PortfolioRevenue(decimal Total, decimal AtRisk, decimal ExpectedLoss, bool Estimated)
{
    /// <summary>Both sets of amounts added; throws <see cref="System.OverflowException"/> when a sum does not fit.</summary>
    internal PortfolioRevenue Merge(PortfolioRevenue other) =>
        new(Total + other.Total, AtRisk + other.AtRisk, ExpectedLoss + other.ExpectedLoss, Estimated || other.Estimated);
}
