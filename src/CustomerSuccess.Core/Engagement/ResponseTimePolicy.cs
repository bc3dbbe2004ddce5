using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>A response-time commitment: a first response within a duration.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ResponseTimePolicy
{
    /// <summary>Creates a commitment.</summary>
    /// <param name="name">A name. Not empty.</param>
    /// <param name="within">The time a first response is due within; above zero.</param>
    /// <param name="source">The playbook it comes from, or "ours". Not empty.</param>
    /// <exception cref="ArgumentException">A text is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is zero or negative.</exception>
    public ResponseTimePolicy(string name, Duration within, string source = "ours")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (within <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, $"a response-time commitment must be above zero but was {within}.");
        }

        Name = name;
        Within = within;
        Source = source;
    }

    /// <summary>The CS Manager playbook: respond to customer inquiries within 4 hours. Name "inquiry".</summary>
    public static ResponseTimePolicy Inquiry { get; } = new("inquiry", Duration.FromHours(4), "CS Manager playbook");

    /// <summary>Detractors contacted within 24 hours (Petra, CS Expert and CS Agent playbooks). Name "detractor".</summary>
    public static ResponseTimePolicy Detractor { get; } = new("detractor", Duration.FromHours(24), "Petra, CS Expert and CS Agent playbooks");

    /// <summary>A support escalation answered within 24 hours (CS Expert playbook). Name "escalation".</summary>
    public static ResponseTimePolicy Escalation { get; } = new("escalation", Duration.FromHours(24), "CS Expert playbook");

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The time a first response is due within.</summary>
    /// <value>4 hours for <see cref="Inquiry"/>, 24 for <see cref="Detractor"/> and <see cref="Escalation"/>.</value>
    public Duration Within { get; }

    /// <summary>The playbook it comes from, or "ours".</summary>
    public string Source { get; }

    /// <summary>Judges requests against the commitment. A response exactly at the commitment is within it.</summary>
    /// <param name="requests">The requests, in any order.</param>
    /// <param name="asOf">The instant to judge by: unanswered requests older than the commitment are breaches.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A request has no id, is after <paramref name="asOf"/>, or has its response before it or after <paramref name="asOf"/>; the message names the request.</exception>
    public ResponseTimeReport Evaluate(IEnumerable<CustomerRequest> requests, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(requests);
        int count = 0, within = 0, pending = 0;
        var breaches = new List<ResponseBreach>();
        var answered = new List<double>();
        foreach (var r in requests)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(requests));
            if (string.IsNullOrWhiteSpace(r.Id))
            {
                throw new ArgumentException($"request #{count + 1} has no id.", nameof(requests));
            }

            if (r.Requested > asOf)
            {
                throw new ArgumentException($"request '{r.Id}' was made at {r.Requested}, after the as-of instant {asOf}.", nameof(requests));
            }

            if (r.FirstResponse is { } response && (response < r.Requested || response > asOf))
            {
                throw new ArgumentException(
                    $"request '{r.Id}' has its first response at {response}, outside {r.Requested} (the request) to {asOf} (the as-of instant).", nameof(requests));
            }

            count++;
            var elapsed = (r.FirstResponse ?? asOf) - r.Requested;
            if (r.FirstResponse is not null)
            {
                answered.Add(elapsed.TotalHours);
            }

            if (elapsed <= Within)
            {
                within += r.FirstResponse is null ? 0 : 1;
                pending += r.FirstResponse is null ? 1 : 0;
            }
            else
            {
                breaches.Add(new ResponseBreach(r, elapsed, elapsed - Within));
            }
        }

        answered.Sort();
        double? median = answered.Count == 0 ? null
            : answered.Count % 2 == 1 ? answered[answered.Count / 2]
            : (answered[(answered.Count / 2) - 1] + answered[answered.Count / 2]) / 2;
        var ordered = breaches.OrderByDescending(b => b.Over).ThenBy(b => b.Request.Requested).ToArray();
        return new ResponseTimeReport(Within, count, within, pending, Array.AsReadOnly(ordered), median);
    }
}
