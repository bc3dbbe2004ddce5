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

    /// <summary>"ARR 500000.00, ARR at risk 60000.00, expected loss 12345.67 (estimated)": the text summaries and reports show.</summary>
    internal static string Describe(decimal total, decimal? atRisk, decimal? expectedLoss, bool estimated) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"ARR {total:0.00}, ARR at risk {atRisk:0.00}, expected loss {expectedLoss:0.00}{(estimated ? " (estimated)" : string.Empty)}");
}
