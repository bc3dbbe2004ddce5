using System;
using System.Collections.Generic;

namespace CustomerSuccess.Internal;

/// <summary>A person and a role, compared ignoring case without building upper-case copies of either.</summary>
internal sealed class NameRoleComparer : IEqualityComparer<(string Name, string Role)>
{
    /// <summary>The one instance.</summary>
    internal static NameRoleComparer Instance { get; } = new();

    public bool Equals((string Name, string Role) x, (string Name, string Role) y) =>
        string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Role, y.Role, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((string Name, string Role) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Role));
}
