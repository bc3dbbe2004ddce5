using CustomerSuccess.Nps;

namespace CustomerSuccess.DependencyInjection;

/// <summary>NPS settings: the interval defaults and the survey cadence.</summary>
public sealed class NpsOptions
{
    /// <summary>The fewest responses for a confidence interval.</summary>
    /// <value><see cref="NpsStatistics.DefaultMinimumResponses"/> (30). 1 or more.</value>
    public int MinimumResponses { get; set; } = NpsStatistics.DefaultMinimumResponses;

    /// <summary>The confidence level of intervals.</summary>
    /// <value><see cref="NpsStatistics.DefaultLevel"/> (0.95). In (0, 1).</value>
    public double ConfidenceLevel { get; set; } = NpsStatistics.DefaultLevel;

    /// <summary>Days from a customer's start to the first survey.</summary>
    /// <value>30 (seed 004).</value>
    public int FirstSurveyAfterDays { get; set; } = 30;

    /// <summary>Days from a customer's start to the second survey.</summary>
    /// <value>90 (seed 004).</value>
    public int SecondSurveyAfterDays { get; set; } = 90;

    /// <summary>Months between surveys after the second.</summary>
    /// <value>3 (seed 004: quarterly).</value>
    public int ThenEveryMonths { get; set; } = 3;
}
