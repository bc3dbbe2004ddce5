using System;
using System.Collections.Generic;

namespace CustomerSuccess.WorkItems;

/// <summary>The checks and defaults that findings and items share.</summary>
internal static class WorkItemFields
{
    /// <summary>No evidence: an empty, shared dictionary.</summary>
    internal static IReadOnlyDictionary<string, string> NoEvidence { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The value, or an <see cref="ArgumentException"/> naming the property when it is empty.</summary>
    internal static string NotEmpty(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}
