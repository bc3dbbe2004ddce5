using System;
using System.Collections.Generic;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>
/// When a success plan must be made, reset or renewed: by the kickoff (CS Manager playbook), reset within 3 days when
/// the churn probability is above 0.7, and a plan for the next term 30 days before the renewal (CS Expert playbook).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SuccessPlanPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="resetAboveChurnProbability">The churn probability above which the plan is reset, in [0, 1).</param>
    /// <param name="resetWithinDays">Within how many days of the risk the reset is due, 0 or more.</param>
    /// <param name="nextTermDaysBeforeRenewal">How many days before the renewal the next term's plan is due, 0 or more.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message lists every problem.</exception>
    public SuccessPlanPolicy(double resetAboveChurnProbability = 0.7, int resetWithinDays = 3, int nextTermDaysBeforeRenewal = 30)
    {
        var p = new OptionProblems();
        p.Share(resetAboveChurnProbability, nameof(resetAboveChurnProbability), belowOne: true);
        p.AtLeast(resetWithinDays, 0, nameof(resetWithinDays));
        p.AtLeast(nextTermDaysBeforeRenewal, 0, nameof(nextTermDaysBeforeRenewal));
        Guard.NoProblems(p.List, "Success plan policy", null);
        ResetAboveChurnProbability = resetAboveChurnProbability;
        ResetWithinDays = resetWithinDays;
        NextTermDaysBeforeRenewal = nextTermDaysBeforeRenewal;
    }

    /// <summary>The CS Expert playbook's values: reset above 0.7 within 3 days; next term's plan 30 days out.</summary>
    public static SuccessPlanPolicy Default { get; } = new();

    /// <summary>The churn probability above which the plan is reset.</summary>
    /// <value>0.7 (CS Expert playbook).</value>
    public double ResetAboveChurnProbability { get; }

    /// <summary>Within how many days of the risk the reset is due.</summary>
    /// <value>3 (CS Expert playbook).</value>
    public int ResetWithinDays { get; }

    /// <summary>How many days before the renewal the next term's plan is due.</summary>
    /// <value>30 (CS Expert playbook).</value>
    public int NextTermDaysBeforeRenewal { get; }

    /// <summary>The date a reset is due by, when the churn probability calls for one.</summary>
    /// <param name="churnProbability">The churn probability, in [0, 1].</param>
    /// <param name="detectedOn">The date the probability was assessed.</param>
    /// <returns><paramref name="detectedOn"/> plus <see cref="ResetWithinDays"/> when the probability is above the line; otherwise null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside [0, 1].</exception>
    public LocalDate? ResetDue(double churnProbability, LocalDate detectedOn)
    {
        Guard.InRange(churnProbability, 0, 1, "the churn probability", nameof(churnProbability));
        return churnProbability > ResetAboveChurnProbability ? IsoDays.PlusDaysOrNull(detectedOn, ResetWithinDays) ?? detectedOn : null;
    }

    /// <summary>The date the plan for the next term is due by: the renewal less <see cref="NextTermDaysBeforeRenewal"/>.</summary>
    /// <param name="renewal">The renewal date.</param>
    /// <returns>The date.</returns>
    public LocalDate NextTermPlanDue(LocalDate renewal) => renewal.PlusDays(-NextTermDaysBeforeRenewal);

    /// <summary>The agenda item of the next term's success plan (Medium priority, ours), due <see cref="NextTermPlanDue"/>.</summary>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="renewal">The renewal date.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public AgendaItem NextTermItem(string account, LocalDate renewal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return new AgendaItem(account, AgendaItemKind.SuccessPlan, "Success plan for next term", NextTermPlanDue(renewal), AgendaPriority.Medium,
            $"{NextTermDaysBeforeRenewal} days before renewal", "CS Expert playbook", "CSM");
    }

    /// <summary>
    /// The plan's own agenda items: a missing plan or missing elements (due on the kickoff, High, ours), a reset when the
    /// churn probability calls for one (High), the next term's plan before the renewal (Medium).
    /// </summary>
    /// <param name="account">The account's id or name. Not empty.</param>
    /// <param name="plan">The plan, or null when the account has none.</param>
    /// <param name="kickoff">The kickoff date, by which the plan must exist.</param>
    /// <param name="renewal">The next renewal date, or null when unknown.</param>
    /// <param name="churnProbability">The latest churn probability and the date it was assessed, or null.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside [0, 1].</exception>
    public IReadOnlyList<AgendaItem> ToAgendaItems(string account, SuccessPlan? plan, LocalDate kickoff, LocalDate? renewal = null, (double Probability, LocalDate AssessedOn)? churnProbability = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var items = new List<AgendaItem>();
        if (plan is null)
        {
            items.Add(new AgendaItem(account, AgendaItemKind.SuccessPlan, "Create the success plan", kickoff, AgendaPriority.High,
                "every customer has a success plan, by the kickoff", "CS Manager playbook", "CSM"));
        }
        else if (!plan.IsComplete)
        {
            items.Add(new AgendaItem(account, AgendaItemKind.SuccessPlan,
                $"Complete the success plan: {string.Join(", ", plan.MissingElements)}", kickoff, AgendaPriority.Medium,
                "success plan standards", "CS Manager playbook", "CSM"));
        }

        if (churnProbability is { } risk && ResetDue(risk.Probability, risk.AssessedOn) is { } reset)
        {
            items.Add(new AgendaItem(account, AgendaItemKind.SuccessPlan, "Reset the success plan", reset, AgendaPriority.High,
                $"churn probability above {Guard.Format(ResetAboveChurnProbability)}: reset within {ResetWithinDays} days", "CS Expert playbook", "CSM"));
        }

        if (renewal is { } r)
        {
            items.Add(NextTermItem(account, r));
        }

        return items.AsReadOnly();
    }
}
