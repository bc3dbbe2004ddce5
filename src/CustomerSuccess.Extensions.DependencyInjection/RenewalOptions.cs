using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Renewals;

namespace CustomerSuccess.DependencyInjection;

/// <summary>Renewal settings: the playbook, the conversation window and the forecast probabilities.</summary>
public sealed class RenewalOptions
{
    /// <summary>The renewal playbook: "seed-003" or "seed-004".</summary>
    /// <value>"seed-004".</value>
    public string Playbook { get; set; } = "seed-004";

    /// <summary>How many days before the renewal the window opens.</summary>
    /// <value><see cref="RenewalPlaybook.ConversationStartDays"/> (90; the CS Manager and CS Specialist playbooks). 0 or more.</value>
    public int WindowDays { get; set; } = RenewalPlaybook.ConversationStartDays;

    /// <summary>Renewal probabilities by label (health colour or churn level), each in [0, 1].</summary>
    /// <value>The labels and values of <see cref="RenewalProbabilityTable.Default"/>.</value>
    public Dictionary<string, double> Probabilities { get; set; } =
        RenewalProbabilityTable.Default.ByLabel.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The probability for no label or an unknown one, in [0, 1].</summary>
    /// <value>0.85, as <see cref="RenewalProbabilityTable.Default"/>.</value>
    public double DefaultProbability { get; set; } = RenewalProbabilityTable.Default.DefaultProbability;
}
