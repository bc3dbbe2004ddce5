using CustomerSuccess.Churn;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Tests.TestSupport;

/// <summary>Generators of churn signals for the properties.</summary>
internal static class ChurnGen
{
    /// <summary>The value or null, one time in three.</summary>
    public static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

    /// <summary>Customers with every signal present or missing, as of <paramref name="asOf"/>.</summary>
    public static Gen<CustomerSignals> Signals(LocalDate asOf) =>
        from usage in Maybe(Gen.Choose(-100, 100).Select(i => (double)i))
        from adoption in Maybe(Gen.Choose(0, 100).Select(i => i / 100.0))
        from unresolved in Maybe(Gen.Choose(0, 6))
        from spike in Maybe(Gen.Choose(0, 6))
        from escalations in Maybe(Gen.Choose(0, 2))
        from contact in Maybe(Gen.Choose(0, 90))
        from login in Maybe(Gen.Choose(0, 30))
        from activity in Maybe(Gen.Choose(0, 40))
        from late in Maybe(Gen.Choose(0, 3))
        from champion in Maybe(Gen.Elements(true, false))
        from nps in Maybe(Gen.Choose(0, 10))
        from renewal in Maybe(Gen.Choose(-30, 400))
        from arr in Maybe(Gen.Choose(0, 500).Select(i => i * 1_000m))
        from health in Maybe(Gen.Choose(0, 1000).Select(i => i / 10.0))
        from id in Gen.Choose(0, 9999)
        select new CustomerSignals(asOf)
        {
            CustomerId = $"C{id:0000}",
            UsageChangePercent = usage,
            FeatureAdoptionRate = adoption,
            UnresolvedHighPriorityTickets = unresolved,
            HighPriorityTicketsLast30Days = spike,
            OpenEscalations = escalations,
            LastContactDate = contact is { } c ? asOf.PlusDays(-c) : null,
            LastLoginDate = login is { } l ? asOf.PlusDays(-l) : null,
            LastActivityDate = activity is { } a ? asOf.PlusDays(-a) : null,
            LatePayments = late,
            ChampionLeaving = champion,
            LatestNpsResponse = nps,
            RenewalDate = renewal is { } r ? asOf.PlusDays(r) : null,
            AnnualRecurringRevenue = arr,
            HealthScore = health,
        };
}
