using System.Linq;
using CustomerSuccess.Renewals;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Tests.Renewals;

/// <summary>Seeded properties of contracts, timelines and forecasts.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class RenewalPropertyTests
{
    private static readonly LocalDate Epoch = new(2020, 1, 1);

    private static readonly Gen<Period> Term = Gen.OneOf(
        Gen.Choose(1, 36).Select(m => Period.FromMonths(m)),
        Gen.Choose(1, 5).Select(y => Period.FromYears(y)),
        Gen.Choose(1, 400).Select(d => Period.FromDays(d)),
        Gen.Choose(1, 10).Select(w => Period.FromWeeks(w)));

    private static readonly Gen<Contract> AutoRenewing =
        from start in Gen.Choose(0, 3000)
        from term in Term
        from arr in Gen.Choose(0, 1_000_000)
        from id in Gen.Choose(0, 99_999)
        select new Contract($"K{id}", Epoch.PlusDays(start), term, true, arr);

    private static readonly Gen<(Contract Contract, LocalDate AsOf)> ContractAndDate =
        from contract in AutoRenewing
        from offset in Gen.Choose(0, 4000)
        select (contract, contract.Start.PlusDays(offset));

    [Property]
    public Property DaysUntilRenewal_IsNeverNegative_AndTheRenewalIsAnEndOfTerm() =>
        Prop.ForAll(ContractAndDate.ToArbitrary(), c =>
        {
            var renewal = c.Contract.RenewalDateAsOf(c.AsOf);
            var n = Enumerable.Range(1, 5000).First(k => c.Contract.EndOfTerm(k) >= renewal);
            return c.Contract.DaysUntilRenewal(c.AsOf) >= 0
                && c.Contract.EndOfTerm(n) == renewal
                && (n == 1 || c.Contract.EndOfTerm(n - 1) < c.AsOf);
        });

    [Property]
    public Property Timeline_CheckpointsComeInDueDateOrder_AndEachIsTheRenewalMinusItsDays() =>
        Prop.ForAll(
            (from c in ContractAndDate
            from playbook in Gen.Elements(RenewalPlaybook.Seed003, RenewalPlaybook.Seed004)
            select (c.Contract, c.AsOf, playbook)).ToArbitrary(),
            t =>
            {
                var timeline = RenewalTimeline.For(t.Contract, t.playbook, t.AsOf);
                var dates = timeline.Checkpoints.Select(s => s.DueDate).ToArray();
                return dates.Zip(dates.Skip(1)).All(p => p.First <= p.Second)
                    && timeline.Checkpoints.All(s => s.DueDate == timeline.RenewalDate.PlusDays(-s.Checkpoint.DaysBefore))
                    && timeline.DaysUntilRenewal >= 0;
            });

    [Property]
    public Property Forecast_OfAUnion_IsTheSumOfTheForecasts_AndExpectedNeverExceedsTotal() =>
        Prop.ForAll(
            (from contracts in Gen.ArrayOf(AutoRenewing, 40)
            from labels in Gen.ArrayOf(Gen.Elements<string?>("Green", "Yellow", "Red", "Low", "High", null), 40)
            from cut in Gen.Choose(0, 40)
            select (contracts, labels, cut)).ToArbitrary(),
            t =>
            {
                var asOf = Epoch.PlusDays(3001);
                var inputs = t.contracts.Zip(t.labels, (c, l) => new RenewalForecastInput(c, l)).ToArray();
                var whole = RenewalForecast.Build(inputs, asOf);
                var left = RenewalForecast.Build(inputs[..t.cut], asOf);
                var right = RenewalForecast.Build(inputs[t.cut..], asOf);
                return whole.ExpectedRevenue == left.ExpectedRevenue + right.ExpectedRevenue
                    && whole.TotalRevenue == left.TotalRevenue + right.TotalRevenue
                    && whole.ExpectedRevenue <= whole.TotalRevenue
                    && whole.Buckets.Sum(b => b.ExpectedRevenue) == whole.ExpectedRevenue
                    && whole.Renewals.Count == left.Renewals.Count + right.Renewals.Count;
            });
}
