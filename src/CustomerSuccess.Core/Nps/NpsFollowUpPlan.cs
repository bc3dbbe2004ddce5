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
    /// The plan of the Petra, CS Expert and CS Agent playbooks. Detractor: personal outreach within 24 hours, recovery plan within
    /// 48 hours, executive escalation if unresolved after 1 week. Passive: ask "what would make it a 10?" within
    /// 1 week. Promoter: thank-you within 48 hours; testimonial, review and referral invitation within 1 week.
    /// </summary>
    public static NpsFollowUpPlan Default { get; } = new(
        [
            new NpsFollowUpStep("Personal outreach to understand the score", "CSM", Duration.FromHours(24)),
            new NpsFollowUpStep("Recovery plan agreed with the customer", "CSM", Duration.FromHours(48)),
            new NpsFollowUpStep("Executive escalation if still unresolved", "CS leadership", Duration.FromDays(7)),
        ],
        [
            new NpsFollowUpStep("Ask \"What would make it a 10?\"", "CSM", Duration.FromDays(7)),
        ],
        [
            new NpsFollowUpStep("Thank-you message", "CSM", Duration.FromHours(48)),
            new NpsFollowUpStep("Invite to advocacy: testimonial, review and referral", "CSM", Duration.FromDays(7)),
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="response"/> is outside [0, 10].</exception>
    [Pure]
    public IReadOnlyList<NpsFollowUp> Schedule(int response, Instant respondedAt)
    {
        var category = NpsScale.Categorize(response);
        return Array.AsReadOnly(StepsFor(category).Select(s => new NpsFollowUp(s, category, respondedAt + s.DueAfter)).ToArray());
    }

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
