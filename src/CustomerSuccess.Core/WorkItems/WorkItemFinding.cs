using System.Collections.Generic;
using CustomerSuccess.Engagement;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.WorkItems;

/// <summary>
/// Something tonight's run found that calls for action: what raised it (the kind, the rule and its playbook), for which
/// account, how urgent, for whom, and the evidence. <see cref="WorkItemReconciler"/> matches it to the items already
/// open by its key (<see cref="WorkItemKey"/>).
/// </summary>
/// <param name="Account">The account. Not empty.</param>
/// <param name="Kind">What raised it.</param>
/// <param name="Rule">The rule that raised it, for example the churn rule's id or the checkpoint. Not empty.</param>
/// <param name="What">What to do, for a person: "Call about the late payment". Not empty.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Source">The playbook behind the rule, or "ours". Not empty.</param>
/// <param name="Owner">Who acts on it; "CSM" by default. Not empty.</param>
public sealed record WorkItemFinding(string Account, WorkItemKind Kind, string Rule, string What, AgendaPriority Priority, string Source, string Owner = "CSM")
{
    /// <summary>The account.</summary>
    public string Account { get; init; } = WorkItemFields.NotEmpty(Account, nameof(Account));

    /// <summary>What raised it.</summary>
    public WorkItemKind Kind { get; init; } = Guard.Defined(Kind, nameof(Kind));

    /// <summary>The rule that raised it.</summary>
    public string Rule { get; init; } = WorkItemFields.NotEmpty(Rule, nameof(Rule));

    /// <summary>What to do.</summary>
    public string What { get; init; } = WorkItemFields.NotEmpty(What, nameof(What));

    /// <summary>How urgent it is.</summary>
    public AgendaPriority Priority { get; init; } = Guard.Defined(Priority, nameof(Priority));

    /// <summary>The playbook behind the rule.</summary>
    public string Source { get; init; } = WorkItemFields.NotEmpty(Source, nameof(Source));

    /// <summary>Who acts on it.</summary>
    public string Owner { get; init; } = WorkItemFields.NotEmpty(Owner, nameof(Owner));

    /// <summary>
    /// What it is about, when rules share it so that a more urgent one supersedes a less urgent one (a churn level, the
    /// health band); null: the rule itself.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>
    /// The period or event it is about (a renewal date, a response date, a due date), which makes a new occurrence a new
    /// item; null for a condition that has none: an episode, from the night it is first found until it clears.
    /// </summary>
    public string? Occurrence { get; init; }

    /// <summary>When it is due, or null.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>Whether it is a one-off step, moot once its due date has passed and its finding is gone.</summary>
    public bool OneOff { get; init; }

    /// <summary>The evidence: named values (a factor's detail, the scores); empty by default.</summary>
    public IReadOnlyDictionary<string, string> Evidence
    {
        get => _evidence;
        init => _evidence = value ?? WorkItemFields.NoEvidence;
    }

    /// <summary>The deadline after which the item goes to someone else, or null.</summary>
    public WorkItemEscalation? Escalation { get; init; }

    /// <summary>The subject, or the rule when none is given.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SubjectOrRule => Subject ?? Rule;

    private readonly IReadOnlyDictionary<string, string> _evidence = WorkItemFields.NoEvidence;
}
