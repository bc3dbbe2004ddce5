namespace CustomerSuccess.Renewals;

/// <summary>How a forecast groups renewals.</summary>
public enum RenewalForecastPeriod
{
    /// <summary>By calendar month of the renewal date.</summary>
    Month = 0,

    /// <summary>By calendar quarter of the renewal date.</summary>
    Quarter = 1,
}
