using System.Linq;
using CustomerSuccess.Engagement;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Tests.Engagement;

/// <summary>Seeded properties of cadences, stakeholder coverage, the Relationship component and the agenda.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class EngagementPropertyTests
{
    private static readonly LocalDate Epoch = new(2026, 1, 1);

    private static readonly Gen<CheckInCadence> Cadences = Gen.Elements(
        CheckInCadence.Seed001, CheckInCadence.Monthly, CheckInCadence.Weekly,
        new CheckInCadence("shrinking", [new CadenceStep(1, Period.FromMonths(1)), new CadenceStep(20, Period.FromDays(3))]));

    private static readonly Gen<AgendaItem> Items =
        from account in Gen.Elements("A", "a", "B")
        from kind in Gen.Elements(AgendaItemKind.CheckIn, AgendaItemKind.Qbr)
        from what in Gen.Elements("Call", "CALL", "Meet")
        from due in Gen.Choose(0, 5)
        from priority in Gen.Elements(AgendaPriority.Low, AgendaPriority.High)
        select new AgendaItem(account, kind, what, Epoch.PlusDays(due), priority, "rule", "ours", "CSM");

    [Property]
    public Property Agenda_NeverHoldsAnItemTwice_AndIsInOrder() =>
        Prop.ForAll(Gen.ListOf(Items).ToArbitrary(), items =>
        {
            var agenda = Agenda.Build(items, Epoch.PlusDays(3), lookaheadDays: 2);
            var list = agenda.Items;
            var unique = list.Select((x, i) => list.Skip(i + 1).All(y => !x.IsSameAs(y))).All(b => b);
            var ordered = list.Zip(list.Skip(1)).All(p => Agenda.Compare(p.First, p.Second) <= 0);
            var covered = items.All(i => i.DueDate > Epoch.PlusDays(5) || list.Any(i.IsSameAs));
            return unique && ordered && covered;
        });

    [Property]
    public Property AgendaItem_DueOnADay_IsOverdueTheDayAfter_AndNotOnIt() =>
        Prop.ForAll(Items.ToArbitrary(), item =>
            !item.IsOverdueOn(item.DueDate) && item.IsOverdueOn(item.DueDate.PlusDays(1))
            && item.DaysOverdueOn(item.DueDate) == 0 && item.DaysOverdueOn(item.DueDate.PlusDays(1)) == 1);

    [Property]
    public Property CheckIn_AddingATouchpoint_NeverMakesItMoreOverdue() =>
        Prop.ForAll(
            (from cadence in Cadences
             from touches in Gen.ListOf(Gen.Choose(-20, 200))
             from extra in Gen.Choose(-20, 200)
             from asOf in Gen.Choose(200, 400)
             select (cadence, touches, extra, asOf)).ToArbitrary(),
            t =>
            {
                var asOf = Epoch.PlusDays(t.asOf);
                var before = t.cadence.Status(Epoch, t.touches.Select(d => Epoch.PlusDays(d)), asOf);
                var after = t.cadence.Status(Epoch, t.touches.Append(t.extra).Select(d => Epoch.PlusDays(d)), asOf);
                return after.DaysOverdue <= before.DaysOverdue && after.NextDue >= before.NextDue;
            });

    [Property]
    public Property Coverage_NeverExceedsOne_AndFreshnessNeverExceedsCoverage() =>
        Prop.ForAll(
            Gen.ListOf(
                from name in Gen.Elements("Ann", "Bob", "Cy", "Dee")
                from role in Gen.Elements("Champion", "Executive sponsor", "Power user", "Budget holder", "IT admin")
                from touch in Gen.Choose(-1, 300)
                select (name, role, touch)).ToArbitrary(),
            people =>
            {
                var unique = people.DistinctBy(p => (p.name, p.role))
                    .Select(p => new Stakeholder(p.name, p.role, p.touch < 0 ? null : Epoch.PlusDays(p.touch)));
                var c = StakeholderMatrix.Seed003.Assess(unique, Epoch.PlusDays(300));
                var score = RelationshipRubric.Default.Score(c);
                return c.Coverage is >= 0 and <= 1 && c.Freshness <= c.Coverage && c.Filled.Count + c.Missing.Count == 4
                    && score is >= 0 and <= 100;
            });

    [Property]
    public Property Relationship_IsMonotoneInCoverage() =>
        Prop.ForAll(
            (from a in Gen.Choose(0, 1000)
             from b in Gen.Choose(0, 1000)
             from f in Gen.Choose(0, 1000)
             select (a / 1000.0, b / 1000.0, f / 1000.0)).ToArbitrary(),
            t =>
            {
                var (low, high) = t.Item1 <= t.Item2 ? (t.Item1, t.Item2) : (t.Item2, t.Item1);
                return RelationshipRubric.Default.Score(low, t.Item3) <= RelationshipRubric.Default.Score(high, t.Item3);
            });
}
