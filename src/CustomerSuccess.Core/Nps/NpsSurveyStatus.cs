using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>When a customer's next NPS survey is due, as of a date.</summary>
/// <param name="NextDue">The next scheduled survey date not yet covered by a survey.</param>
/// <param name="IsOverdue">Whether that date is before the as-of date.</param>
/// <param name="DaysOverdue">How many days past due it is; 0 when not overdue.</param>
public sealed record NpsSurveyStatus(LocalDate NextDue, bool IsOverdue, int DaysOverdue);
