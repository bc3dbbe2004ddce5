using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Health;

/// <summary>One weighted component of a health score model, such as "usage" with weight 0.4.</summary>
/// <remarks>
/// Immutable and thread-safe. The weight is checked by the model that uses the component, so that
/// a model lists every problem with its components at once.
/// </remarks>
public sealed class HealthComponent : IEquatable<HealthComponent>
{
    /// <summary>Creates a component.</summary>
    /// <param name="key">The key callers use to pass the component's score, for example "usage". Keys are matched ignoring case.</param>
    /// <param name="displayName">The name shown to people, for example "Product Usage".</param>
    /// <param name="weight">The component's weight; the weights of a model must be finite, 0 or more, and sum to 1.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="displayName"/> is null, empty or white space.</exception>
    public HealthComponent(string key, string displayName, double weight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Key = key;
        DisplayName = displayName;
        Weight = weight;
    }

    /// <summary>The key callers use to pass the component's score, matched ignoring case.</summary>
    public string Key { get; }

    /// <summary>The name shown to people.</summary>
    public string DisplayName { get; }

    /// <summary>The component's weight, as declared.</summary>
    public double Weight { get; }

    /// <inheritdoc />
    public bool Equals(HealthComponent? other) =>
        other is not null
        && string.Equals(Key, other.Key, StringComparison.Ordinal)
        && string.Equals(DisplayName, other.DisplayName, StringComparison.Ordinal)
        && Weight.Equals(other.Weight);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HealthComponent);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, DisplayName, Weight);

    /// <summary>For example "usage (Usage) × 0.4".</summary>
    public override string ToString() => $"{Key} ({DisplayName}) × {Guard.Format(Weight)}";
}
