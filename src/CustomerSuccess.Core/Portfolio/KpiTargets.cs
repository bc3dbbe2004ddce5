using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Portfolio;

/// <summary>The KPI targets of the source playbooks, as data a user can replace or extend.</summary>
public static class KpiTargets
{
    /// <summary>The CS Manager playbook's targets: NRR above 110 %, GRR above 90 %, churn below 10 % a year, NPS above 50, more than 80 % green.</summary>
    public static IReadOnlyList<KpiTarget> Seed001 { get; } = Array.AsReadOnly(new[]
    {
        new KpiTarget(KpiMetric.NetRevenueRetention, KpiComparison.Above, 1.10, "CS Manager playbook"),
        new KpiTarget(KpiMetric.GrossRevenueRetention, KpiComparison.Above, 0.90, "CS Manager playbook"),
        new KpiTarget(KpiMetric.AnnualChurnRate, KpiComparison.Below, 0.10, "CS Manager playbook"),
        new KpiTarget(KpiMetric.NetPromoterScore, KpiComparison.Above, 50, "CS Manager playbook"),
        new KpiTarget(KpiMetric.ShareGreen, KpiComparison.Above, 0.80, "CS Manager playbook"),
    });

    /// <summary>
    /// The Petra playbook's targets: onboarding completion 80 %, NPS above 50, churn below 5 % (the seed names no period; we read
    /// it as a year, the stricter reading) and expansion revenue 10 % of MRR.
    /// </summary>
    public static IReadOnlyList<KpiTarget> Seed000 { get; } = Array.AsReadOnly(new[]
    {
        new KpiTarget(KpiMetric.OnboardingCompletion, KpiComparison.AtLeast, 0.80, "Petra playbook"),
        new KpiTarget(KpiMetric.NetPromoterScore, KpiComparison.Above, 50, "Petra playbook"),
        new KpiTarget(KpiMetric.AnnualChurnRate, KpiComparison.Below, 0.05, "Petra playbook"),
        new KpiTarget(KpiMetric.ExpansionRevenueShare, KpiComparison.AtLeast, 0.10, "Petra playbook"),
    });

    /// <summary>Both seeds' targets, the CS Manager playbook's first: the default of <see cref="KpiReport.Evaluate"/>.</summary>
    public static IReadOnlyList<KpiTarget> Default { get; } = Array.AsReadOnly(Seed001.Concat(Seed000).ToArray());
}
