using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>How requests were answered against a response-time commitment.</summary>
/// <param name="Commitment">The time a first response is due within.</param>
/// <param name="Requests">Every request given.</param>
/// <param name="AnsweredWithin">Requests answered within the commitment.</param>
/// <param name="Pending">Requests unanswered but still within the commitment; not counted in the share.</param>
/// <param name="Breaches">Requests answered late or unanswered past the commitment, the longest over first.</param>
/// <param name="MedianHours">The median hours to a first response over the answered requests, or null when none was answered.</param>
public sealed record ResponseTimeReport(Duration Commitment, int Requests, int AnsweredWithin, int Pending, IReadOnlyList<ResponseBreach> Breaches, double? MedianHours)
{
    /// <summary>Requests answered late or unanswered past the commitment, the longest over first.</summary>
    public IReadOnlyList<ResponseBreach> Breaches { get; init; } = Breaches ?? throw new System.ArgumentNullException(nameof(Breaches));

    /// <summary>The share of decided requests (answered, or unanswered past the commitment) answered within it, in [0, 1]; null when none is decided.</summary>
    public double? ShareWithin => AnsweredWithin + Breaches.Count == 0 ? null : (double)AnsweredWithin / (AnsweredWithin + Breaches.Count);
}
