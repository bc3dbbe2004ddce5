using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Health;

/// <summary>
/// The band schemes the customer-success playbooks define, each built with the public
/// <see cref="HealthBandScheme"/> constructor exactly as a user would build their own.
/// </summary>
/// <remarks>Every scheme here is immutable and thread-safe.</remarks>
public static class HealthBandSchemes
{
    /// <summary>
    /// The Petra playbook: 80–100 Healthy (expand, green), 60–79 Neutral (engage, yellow), 40–59 At Risk (intervene, red),
    /// 0–39 Critical (save, red). Name "seed-000".
    /// </summary>
    public static HealthBandScheme HealthyNeutralAtRiskCritical { get; } = new(
        "seed-000",
        [
            new HealthBand("Critical", 0, HealthBandColor.Red, 0),
            new HealthBand("At Risk", 40, HealthBandColor.Red, 1),
            new HealthBand("Neutral", 60, HealthBandColor.Yellow, 2),
            new HealthBand("Healthy", 80, HealthBandColor.Green, 3),
        ]);

    /// <summary>
    /// The CS Manager playbook: Green 80–100 (healthy, expansion potential), Yellow 60–79 (needs attention, action plan),
    /// Red below 60 (critical, escalate immediately). Name "seed-001".
    /// </summary>
    public static HealthBandScheme GreenYellowRed { get; } = new(
        "seed-001",
        [
            new HealthBand("Red", 0, HealthBandColor.Red, 0),
            new HealthBand("Yellow", 60, HealthBandColor.Yellow, 1),
            new HealthBand("Green", 80, HealthBandColor.Green, 2),
        ]);

    /// <summary>
    /// The CS Specialist playbook's three categories: Healthy (green), At Risk (yellow), Critical (red). The playbook
    /// states no thresholds; ours are where every four-band playbook puts its Healthy and Critical bands: 80–100 Healthy,
    /// 40–79 At Risk, 0–39 Critical. Name "seed-002".
    /// </summary>
    public static HealthBandScheme HealthyAtRiskCritical { get; } = new(
        "seed-002",
        [
            new HealthBand("Critical", 0, HealthBandColor.Red, 0),
            new HealthBand("At Risk", 40, HealthBandColor.Yellow, 1),
            new HealthBand("Healthy", 80, HealthBandColor.Green, 2),
        ]);

    /// <summary>
    /// The CS Agent playbook: 80–100 Healthy (maintain, seek referrals, green), 60–79 At Risk (proactive outreach, training, yellow),
    /// 40–59 Unhealthy (escalate, executive involvement, red), 0–39 Critical (save attempt or graceful exit, red).
    /// Name "seed-004".
    /// </summary>
    public static HealthBandScheme HealthyAtRiskUnhealthyCritical { get; } = new(
        "seed-004",
        [
            new HealthBand("Critical", 0, HealthBandColor.Red, 0),
            new HealthBand("Unhealthy", 40, HealthBandColor.Red, 1),
            new HealthBand("At Risk", 60, HealthBandColor.Yellow, 2),
            new HealthBand("Healthy", 80, HealthBandColor.Green, 3),
        ]);

    /// <summary>Every preset scheme, in seed order.</summary>
    public static IReadOnlyList<HealthBandScheme> All { get; } =
        Array.AsReadOnly([HealthyNeutralAtRiskCritical, GreenYellowRed, HealthyAtRiskCritical, HealthyAtRiskUnhealthyCritical]);

    /// <summary>Finds a preset scheme by name, ignoring case.</summary>
    /// <param name="name">A preset name such as "seed-001".</param>
    /// <param name="scheme">The scheme when found; otherwise null.</param>
    /// <returns>Whether a preset of that name exists.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HealthBandScheme? scheme)
    {
        ArgumentNullException.ThrowIfNull(name);
        scheme = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        return scheme is not null;
    }

    /// <summary>The preset scheme of that name, ignoring case.</summary>
    /// <param name="name">A preset name such as "seed-001".</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentException">No preset has that name; the message lists the valid names.</exception>
    public static HealthBandScheme Get(string name) =>
        TryGet(name, out var scheme)
            ? scheme
            : throw new ArgumentException(
                $"there is no band scheme preset named '{name}'; valid names: {string.Join(", ", All.Select(s => s.Name))}.",
                nameof(name));
}
