using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>A customer's request (an inquiry, a detractor's response, an escalation) and when it was first answered.</summary>
/// <param name="Id">The request's id, for reports. Not empty.</param>
/// <param name="Requested">When the customer asked.</param>
/// <param name="FirstResponse">When the first response went out, or null while unanswered.</param>
public sealed record CustomerRequest(string Id, Instant Requested, Instant? FirstResponse = null)
{
    /// <summary>The request's id.</summary>
    public string Id { get; init; } = string.IsNullOrWhiteSpace(Id) ? throw new System.ArgumentException("a request must have an id.", nameof(Id)) : Id;
}
