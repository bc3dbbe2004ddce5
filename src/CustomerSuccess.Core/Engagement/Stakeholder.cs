using System;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>A person in an account's relationship: a name, a role, and the date of the last touch.</summary>
/// <param name="Name">The person; people are told apart by name, ignoring case. Not empty.</param>
/// <param name="Role">The role's name, one of a matrix's roles or the user's own. Not empty.</param>
/// <param name="LastTouch">The date of the last touch, or null when never touched.</param>
public sealed record Stakeholder(string Name, string Role, LocalDate? LastTouch = null)
{
    /// <summary>The person.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name)
        ? throw new ArgumentException("a stakeholder must have a name.", nameof(Name)) : Name.Trim();

    /// <summary>The role's name.</summary>
    public string Role { get; init; } = string.IsNullOrWhiteSpace(Role)
        ? throw new ArgumentException($"stakeholder '{Name}' has no role.", nameof(Role)) : Role.Trim();
}
