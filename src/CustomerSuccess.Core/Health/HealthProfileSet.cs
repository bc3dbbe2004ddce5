using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Health;

/// <summary>
/// Health profiles: which model scores which customer, by segment and lifecycle stage. When several match, the most
/// specific wins: one naming the segment and the stage, then one naming the stage, then one naming the segment, then
/// one naming neither. Two profiles with the same segment and stage are refused, so exactly one wins. A customer no
/// profile matches is an error, unless the set has a default.
/// </summary>
/// <remarks>Immutable and thread-safe when its models are.</remarks>
public sealed class HealthProfileSet
{
    /// <summary>The default renewal window of <see cref="StageOn"/>: 90 days, the CS Expert playbook's renewal-at-risk window.</summary>
    public const int DefaultRenewalWindowDays = 90;

    private readonly HealthProfile[] _profiles;

    /// <summary>Creates a profile set, checking everything at once.</summary>
    /// <param name="profiles">The profiles, at least one.</param>
    /// <param name="defaultProfile">The profile for a customer no other matches, or null: such a customer is an error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// No profile is given, one is null, two share a name (ignoring case), or two name the same segment and stage; the
    /// message lists every problem.
    /// </exception>
    public HealthProfileSet(IEnumerable<HealthProfile> profiles, HealthProfile? defaultProfile = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var list = profiles.ToList();
        var problems = new List<string>();
        if (list.Count == 0 && defaultProfile is null)
        {
            problems.Add("it has no profiles.");
        }

        if (list.Any(p => p is null))
        {
            problems.Add("a profile is null.");
        }

        var named = list.Where(p => p is not null).Append(defaultProfile).OfType<HealthProfile>().ToList();
        foreach (var group in named.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"the name '{group.Key}' is used by {group.Count().ToString(CultureInfo.InvariantCulture)} profiles.");
        }

        foreach (var group in list.Where(p => p is not null).GroupBy(p => (Segment: p.Segment?.ToUpperInvariant(), p.Stage)).Where(g => g.Count() > 1))
        {
            problems.Add($"profiles {string.Join(" and ", group.Select(p => $"'{p.Name}'"))} both match {group.First().Describe()}: one of them would never score anyone.");
        }

        Internal.Guard.NoProblems(problems, "The health profile set", nameof(profiles));
        _profiles = [.. list];
        Profiles = Array.AsReadOnly(_profiles);
        Default = defaultProfile;
    }

    /// <summary>The profiles, in the order given.</summary>
    public IReadOnlyList<HealthProfile> Profiles { get; }

    /// <summary>The profile for a customer no other matches, or null.</summary>
    public HealthProfile? Default { get; }

    /// <summary>The profile of an index as <see cref="IndexOf"/> gives it: one of <see cref="Profiles"/>, or, at their count, the default (null when the set has none).</summary>
    internal HealthProfile? ProfileAt(int index) => index < _profiles.Length ? _profiles[index] : Default;

    /// <summary>The most components any profile's model has, the default's included: the width of a row that fits every profile.</summary>
    internal int MaxComponents => Math.Max(Default?.Model.Components.Count ?? 0, _profiles.Length == 0 ? 0 : _profiles.Max(p => p.Model.Components.Count));

    /// <summary>
    /// A set of one model for every customer but those in onboarding, who are scored on their onboarding progress: the
    /// onboarding profile ("onboarding", stage Onboarding) and the default ("after onboarding").
    /// </summary>
    /// <param name="onboarding">The model of customers in onboarding, for example one on the onboarding tracker's status, time to first value and overdue tasks.</param>
    /// <param name="afterOnboarding">The model of every other customer, for example a playbook's preset.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException">A model is null.</exception>
    public static HealthProfileSet ByStage(IHealthScoreModel onboarding, IHealthScoreModel afterOnboarding)
    {
        ArgumentNullException.ThrowIfNull(onboarding);
        ArgumentNullException.ThrowIfNull(afterOnboarding);
        return new([new HealthProfile("onboarding", onboarding) { Stage = LifecycleStage.Onboarding }], new HealthProfile("after onboarding", afterOnboarding));
    }

    /// <summary>The profile that scores a customer, and why.</summary>
    /// <param name="segment">The customer's segment, or null when unknown; compared ignoring case.</param>
    /// <param name="stage">The customer's lifecycle stage, or null when unknown.</param>
    /// <returns>The most specific profile that matches, or the default.</returns>
    /// <exception cref="ArgumentException">No profile matches and the set has no default; the message names the segment and stage.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public HealthProfileMatch Resolve(string? segment, LifecycleStage? stage) =>
        TryResolve(segment, stage, out var match)
            ? match
            : throw new ArgumentException(
                $"no health profile matches segment {Show(segment)} and stage {Show(stage)}, and the set has no default; its profiles: {string.Join("; ", _profiles.Select(p => p.ToString()))}.",
                nameof(segment));

    /// <summary>The profile that scores a customer, and why, when one matches.</summary>
    /// <param name="segment">The customer's segment, or null when unknown; compared ignoring case.</param>
    /// <param name="stage">The customer's lifecycle stage, or null when unknown.</param>
    /// <param name="match">The match, or null.</param>
    /// <returns>Whether a profile (or the default) matches.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public bool TryResolve(string? segment, LifecycleStage? stage, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HealthProfileMatch? match)
    {
        if (stage is { } s)
        {
            Internal.Guard.Defined(s, nameof(stage));
        }

        var seg = string.IsNullOrWhiteSpace(segment) ? null : segment.Trim();
        var index = Find(seg, stage);
        var best = index >= 0 && index < _profiles.Length ? _profiles[index] : null;
        match = best is not null ? new HealthProfileMatch(best, $"{best.Describe()} matches '{best.Name}'")
            : Default is { } d ? new HealthProfileMatch(d, $"no profile matches segment {Show(seg)} and stage {Show(stage)}: the default '{d.Name}'")
            : null;
        return match is not null;
    }

    /// <summary>
    /// Which profile scores a customer, as an index, allocating nothing: for a reader that holds a segment as text
    /// (a cell of a file, say) and looks up every customer.
    /// </summary>
    /// <param name="segment">The customer's segment, empty when unknown; compared ignoring case and surrounding white space.</param>
    /// <param name="stage">The customer's lifecycle stage, or null when unknown.</param>
    /// <returns>The index in <see cref="Profiles"/> of the profile that matches, <see cref="Profiles"/>' count for the default, or -1 when none matches and the set has no default.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public int IndexOf(ReadOnlySpan<char> segment, LifecycleStage? stage)
    {
        if (stage is { } s)
        {
            Internal.Guard.Defined(s, nameof(stage));
        }

        return Find(segment, stage);
    }

    /// <summary>
    /// <see cref="IndexOf"/> without checking the stage, for callers that have: the index in <see cref="Profiles"/>
    /// of the profile that matches, <see cref="Profiles"/>' count for the default, or -1.
    /// </summary>
    internal int Find(ReadOnlySpan<char> segment, LifecycleStage? stage)
    {
        var seg = segment.Trim();
        var best = -1;
        for (var i = 0; i < _profiles.Length; i++)
        {
            var p = _profiles[i];
            var fits = (p.Stage is null || p.Stage == stage)
                && (p.Segment is null || (!seg.IsEmpty && seg.Equals(p.Segment, StringComparison.OrdinalIgnoreCase)));
            if (fits && (best < 0 || p.Specificity > _profiles[best].Specificity))
            {
                best = i;
            }
        }

        return best >= 0 ? best : Default is not null ? _profiles.Length : -1;
    }

    /// <summary>
    /// A customer's lifecycle stage from its dates: onboarding until go-live (or, without a go-live date, for the
    /// renewal window's length after the kickoff), retention when a renewal is fewer than the window's days away, adoption
    /// otherwise. Expansion and advocacy are not told by dates: give them as a column.
    /// </summary>
    /// <param name="asOf">The date.</param>
    /// <param name="kickoff">The kickoff, or null.</param>
    /// <param name="goLive">The go-live, or null.</param>
    /// <param name="renewalDate">The next renewal, or null.</param>
    /// <param name="renewalWindowDays">Days before a renewal that count as its window, 1 or more; 90 by default.</param>
    /// <returns>The stage, or null when no date is known.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="renewalWindowDays"/> is below 1.</exception>
    public static LifecycleStage? StageOn(LocalDate asOf, LocalDate? kickoff, LocalDate? goLive, LocalDate? renewalDate, int renewalWindowDays = DefaultRenewalWindowDays)
    {
        if (renewalWindowDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(renewalWindowDays), renewalWindowDays, "the renewal window must be 1 day or more.");
        }

        if (goLive is { } live ? asOf < live : kickoff is { } k && asOf >= k && Period.DaysBetween(k, asOf) < renewalWindowDays)
        {
            return LifecycleStage.Onboarding;
        }

        if (renewalDate is { } r && asOf <= r && Period.DaysBetween(asOf, r) < renewalWindowDays)
        {
            return LifecycleStage.Retention;
        }

        return kickoff is null && goLive is null && renewalDate is null ? null : LifecycleStage.Adoption;
    }

    private static string Show(string? segment) => segment is null ? "(none)" : $"'{segment}'";

    private static string Show(LifecycleStage? stage) => stage?.ToString() ?? "(none)";
}
