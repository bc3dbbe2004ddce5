using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>A request answered after the commitment, or still unanswered past it.</summary>
/// <param name="Request">The request.</param>
/// <param name="Elapsed">From the request to its first response, or to the as-of instant while unanswered.</param>
/// <param name="Over">How far <paramref name="Elapsed"/> exceeds the commitment; above zero.</param>
public sealed record ResponseBreach(CustomerRequest Request, Duration Elapsed, Duration Over)
{
    /// <summary>The request.</summary>
    public CustomerRequest Request { get; init; } = Request ?? throw new System.ArgumentNullException(nameof(Request));

    /// <summary>Whether the request is still unanswered.</summary>
    public bool IsOpen => Request.FirstResponse is null;
}
