using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Portfolio;

/// <summary>The KPI targets of the source playbooks, as data a user can replace or extend.</summary>
public static class KpiTargets
{
    /// <summary>
    /// The CS Manager playbook's targets: NRR above 110 %, GRR above 90 %, churn below 10 % a year, NPS above 50, more
    /// than 80 % green, product adoption above 70 %, QBR completion 100 %, expansion opportunities in more than half the
    /// accounts, more than 30 % advocates, responses within 4 hours, time to value under 30 days from kickoff and
    /// onboarding within 30 days.
    /// </summary>
    public static IReadOnlyList<KpiTarget> Seed001 { get; } = Array.AsReadOnly(new[]
    {
        new KpiTarget(KpiMetric.NetRevenueRetention, KpiComparison.Above, 1.10, "CS Manager playbook"),
        new KpiTarget(KpiMetric.GrossRevenueRetention, KpiComparison.Above, 0.90, "CS Manager playbook"),
        new KpiTarget(KpiMetric.AnnualChurnRate, KpiComparison.Below, 0.10, "CS Manager playbook"),
        new KpiTarget(KpiMetric.NetPromoterScore, KpiComparison.Above, 50, "CS Manager playbook"),
        new KpiTarget(KpiMetric.ShareGreen, KpiComparison.Above, 0.80, "CS Manager playbook"),
        new KpiTarget(KpiMetric.ProductAdoption, KpiComparison.Above, 0.70, "CS Manager playbook"),
        new KpiTarget(KpiMetric.QbrCompletion, KpiComparison.AtLeast, 1.0, "CS Manager playbook"),
        new KpiTarget(KpiMetric.ExpansionOpportunityShare, KpiComparison.Above, 0.50, "CS Manager playbook"),
        new KpiTarget(KpiMetric.AdvocateShare, KpiComparison.Above, 0.30, "CS Manager playbook"),
        new KpiTarget(KpiMetric.ResponseTimeHours, KpiComparison.AtMost, 4, "CS Manager playbook"),
        new KpiTarget(KpiMetric.TimeToValueDays, KpiComparison.Below, 30, "CS Manager playbook"),
        new KpiTarget(KpiMetric.OnboardingDurationDays, KpiComparison.AtMost, 30, "CS Manager playbook"),
    });

    /// <summary>The CS Manager playbook's world-class NPS: above 70.</summary>
    public static KpiTarget WorldClassNps { get; } = new(KpiMetric.NetPromoterScore, KpiComparison.Above, 70, "CS Manager playbook (world-class)");

    /// <summary>
    /// The CS Agent playbook's targets that have a value: NRR above 100 % and GRR above 90 % (its time to first value,
    /// activation rate, NPS and health-score targets are placeholders).
    /// </summary>
    public static IReadOnlyList<KpiTarget> Seed004 { get; } = Array.AsReadOnly(new[]
    {
        new KpiTarget(KpiMetric.NetRevenueRetention, KpiComparison.Above, 1.00, "CS Agent playbook"),
        new KpiTarget(KpiMetric.GrossRevenueRetention, KpiComparison.Above, 0.90, "CS Agent playbook"),
    });

    /// <summary>
    /// The Petra playbook's targets: onboarding completion 80 %, time to first value under 24 hours, NPS above 50, churn
    /// below 5 % (the playbook names no period; we read it as a year, the stricter reading) and expansion revenue 10 % of MRR.
    /// </summary>
    public static IReadOnlyList<KpiTarget> Seed000 { get; } = Array.AsReadOnly(new[]
    {
        new KpiTarget(KpiMetric.OnboardingCompletion, KpiComparison.AtLeast, 0.80, "Petra playbook"),
        new KpiTarget(KpiMetric.TimeToFirstValueHours, KpiComparison.Below, 24, "Petra playbook"),
        new KpiTarget(KpiMetric.NetPromoterScore, KpiComparison.Above, 50, "Petra playbook"),
        new KpiTarget(KpiMetric.AnnualChurnRate, KpiComparison.Below, 0.05, "Petra playbook"),
        new KpiTarget(KpiMetric.ExpansionRevenueShare, KpiComparison.AtLeast, 0.10, "Petra playbook"),
    });

    /// <summary>
    /// The CS Manager and Petra playbooks' targets, the CS Manager playbook's first: the default of
    /// <see cref="KpiReport.Evaluate"/>. The CS Agent playbook's lower NRR target and the world-class NPS are presets of
    /// their own (<see cref="Seed004"/>, <see cref="WorldClassNps"/>): add them to a list of your own to check them too.
    /// </summary>
    public static IReadOnlyList<KpiTarget> Default { get; } = Array.AsReadOnly(Seed001.Concat(Seed000).ToArray());
}
