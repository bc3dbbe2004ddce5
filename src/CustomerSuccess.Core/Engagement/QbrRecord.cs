using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// A quarterly business review of an account: its meeting date and the dates of the steps around it. A meeting after
/// the as-of date is one planned, not yet held.
/// </summary>
/// <param name="Meeting">The meeting date.</param>
/// <param name="ScheduledOn">The date the meeting was scheduled (the invitation sent), or null when not recorded.</param>
/// <param name="PreReadSentOn">The date the pre-read was sent, or null when not (yet) sent; not after the meeting.</param>
/// <param name="SummarySentOn">The date the summary was sent, or null when not (yet) sent; not before the meeting.</param>
public sealed record QbrRecord(LocalDate Meeting, LocalDate? ScheduledOn = null, LocalDate? PreReadSentOn = null, LocalDate? SummarySentOn = null);
