using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Churn;

/// <summary>
/// The highest level any of several policies gives: the default, <see cref="ChurnLevelPolicies.HighestStated"/>,
/// combines the most severe factor, the Customer success expert playbook's risk query and the Customer success agent
/// playbook's health bands, so that no customer comes out lower than a playbook states.
/// </summary>
/// <remarks>Immutable and thread-safe when its policies are.</remarks>
public sealed class HighestLevelPolicy : IChurnLevelPolicy
{
    private readonly IChurnLevelPolicy[] _policies;

    /// <summary>Creates a policy.</summary>
    /// <param name="name">Its name, for documentation and output.</param>
    /// <param name="policies">The policies to take the highest level of; at least one, none null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="policies"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, or <paramref name="policies"/> is empty or holds a null.</exception>
    public HighestLevelPolicy(string name, IEnumerable<IChurnLevelPolicy> policies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(policies);
        _policies = [.. policies];
        if (_policies.Length == 0)
        {
            throw new ArgumentException("at least one policy is needed.", nameof(policies));
        }

        if (_policies.Any(p => p is null))
        {
            throw new ArgumentException("a policy is null.", nameof(policies));
        }

        Name = name;
        Policies = Array.AsReadOnly(_policies);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The policies combined, in the order given.</summary>
    public IReadOnlyList<IChurnLevelPolicy> Policies { get; }

    /// <inheritdoc />
    public ChurnRiskLevel Decide(CustomerSignals signals, double riskScore, ChurnSeverity? mostSevereFactor)
    {
        var level = ChurnRiskLevel.Low;
        foreach (var policy in _policies)
        {
            var next = policy.Decide(signals, riskScore, mostSevereFactor);
            if (next > level)
            {
                level = next;
            }
        }

        return level;
    }
}
