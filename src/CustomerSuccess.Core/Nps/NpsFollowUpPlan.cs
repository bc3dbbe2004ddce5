using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Nps;

/// <summary>What to do after an NPS response, per category, with due times from the response instant.</summary>
/// <remarks>Immutable and thread-safe. Plans are data: build your own with the constructor.</remarks>
public sealed class NpsFollowUpPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="detractor">The steps for a detractor (0–6).</param>
    /// <param name="passive">The steps for a passive (7–8).</param>
    /// <param name="promoter">The steps for a promoter (9–10).</param>
    /// <exception cref="ArgumentNullException">A list or a step is null.</exception>
    public NpsFollowUpPlan(IEnumerable<NpsFollowUpStep> detractor, IEnumerable<NpsFollowUpStep> passive, IEnumerable<NpsFollowUpStep> promoter)
    {
        Detractor = Steps(detractor, nameof(detractor));
        Passive = Steps(passive, nameof(passive));
        Promoter = Steps(promoter, nameof(promoter));
    }

    /// <summary>
    /// The plan of the Petra, CS Expert and CS Agent playbooks, with the CS Expert playbook's owners and steps.
    /// Detractor: immediate follow-up call within 24 hours (CSM); recovery plan with root cause, remediation and success
    /// metrics within 48 hours (CSM + Manager); executive escalation if not resolved in 1 week (VP of Customer Success).
    /// Passive: understand the barriers, "What would make it a 10?", within 1 week (CSM); value reinforcement with case
    /// studies and unused features, ongoing (CSM; started with the first step, at 1 week, ours). Promoter: share
    /// internally, immediately (CSM); thank-you by personalised email or call within 48 hours (CSM); advocacy invitation
    /// (testimonial, review, referral) within 1 week (Customer Marketing).
    /// </summary>
    public static NpsFollowUpPlan Default { get; } = new(
        [
            new NpsFollowUpStep("Immediate follow-up call to understand the score", "CSM", Duration.FromHours(24)),
            new NpsFollowUpStep("Recovery plan: root cause, remediation and success metrics", "CSM + Manager", Duration.FromHours(48)),
            new NpsFollowUpStep("Executive escalation if not resolved", "VP of Customer Success", Duration.FromDays(7)),
        ],
        [
            new NpsFollowUpStep("Understand barriers: ask \"What would make it a 10?\"", "CSM", Duration.FromDays(7)),
            new NpsFollowUpStep("Value reinforcement (ongoing): case studies and unused features", "CSM", Duration.FromDays(7)),
        ],
        [
            new NpsFollowUpStep("Share internally (praise channel, team meeting)", "CSM", Duration.Zero),
            new NpsFollowUpStep("Thank-you by personalised email or call", "CSM", Duration.FromHours(48)),
            new NpsFollowUpStep("Advocacy invitation: testimonial, review and referral", "Customer Marketing", Duration.FromDays(7)),
        ]);

    /// <summary>The steps for a detractor, soonest first.</summary>
    public IReadOnlyList<NpsFollowUpStep> Detractor { get; }

    /// <summary>The steps for a passive, soonest first.</summary>
    public IReadOnlyList<NpsFollowUpStep> Passive { get; }

    /// <summary>The steps for a promoter, soonest first.</summary>
    public IReadOnlyList<NpsFollowUpStep> Promoter { get; }

    /// <summary>The steps for a category, soonest first.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not defined.</exception>
    [Pure]
    public IReadOnlyList<NpsFollowUpStep> StepsFor(NpsCategory category) => category switch
    {
        NpsCategory.Detractor => Detractor,
        NpsCategory.Passive => Passive,
        NpsCategory.Promoter => Promoter,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "the category must be Promoter, Passive or Detractor."),
    };

    /// <summary>The follow-ups for one response, each due at the response instant plus its step's delay, soonest first.</summary>
    /// <param name="response">The answer, an integer from 0 to 10.</param>
    /// <param name="respondedAt">When the customer answered.</param>
    /// <returns>The scheduled follow-ups.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="response"/> is outside [0, 10], or a step would fall due after the last instant NodaTime holds
    /// (naming <paramref name="respondedAt"/>).
    /// </exception>
    [Pure]
    public IReadOnlyList<NpsFollowUp> Schedule(int response, Instant respondedAt)
    {
        var category = NpsScale.Categorize(response);
        return Array.AsReadOnly(StepsFor(category).Select(s => new NpsFollowUp(s, category, Due(respondedAt, s))).ToArray());
    }

    private static Instant Due(Instant respondedAt, NpsFollowUpStep step) =>
        Instant.MaxValue - respondedAt >= step.DueAfter
            ? respondedAt + step.DueAfter
            : throw new ArgumentOutOfRangeException(nameof(respondedAt), respondedAt,
                $"the follow-up '{step.Action}' {step.DueAfter.TotalHours:0.##} hours after {respondedAt} would fall after the last date of the calendar.");

    private static IReadOnlyList<NpsFollowUpStep> Steps(IEnumerable<NpsFollowUpStep> steps, string paramName)
    {
        ArgumentNullException.ThrowIfNull(steps, paramName);
        var list = steps.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(paramName, "a follow-up step is null.");
        }

        return Array.AsReadOnly([.. list.OrderBy(s => s.DueAfter)]);
    }
}
