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

    /// <summary>
    /// The agenda is the naive merge (the most urgent of the same item, the first given among equals) in the order of
    /// <see cref="Agenda.Compare"/>: whatever keys the build sorts by, with accounts' text in new instances and in
    /// other cases, so that nothing rests on the same string being passed.
    /// </summary>
    [Property]
    public Property Agenda_IsTheNaiveMergeInCompareOrder() =>
        Prop.ForAll(Gen.ListOf(
            from item in Items
            from copy in Gen.Elements(true, false)
            from owner in Gen.Elements("CSM", "AE")
            from priority in Gen.Elements(AgendaPriority.Low, AgendaPriority.Medium, AgendaPriority.High, AgendaPriority.Critical)
            select item with { Account = copy ? new string(item.Account.ToCharArray()) : item.Account, Owner = owner, Priority = priority }).ToArbitrary(), items =>
        {
            var asOf = Epoch.PlusDays(3);
            var expected = new System.Collections.Generic.List<AgendaItem>();
            foreach (var item in items.Where(i => i.DueDate <= asOf.PlusDays(2)))
            {
                var at = expected.FindIndex(e => e.IsSameAs(item));
                if (at < 0)
                {
                    expected.Add(item);
                }
                else if (item.Priority > expected[at].Priority)
                {
                    expected[at] = item;
                }
            }

            expected.Sort(Agenda.Compare);
            var agenda = Agenda.Build(items, asOf, lookaheadDays: 2).Items;
            return agenda.Count == expected.Count && agenda.Zip(expected).All(p => ReferenceEquals(p.First, p.Second));
        });

    [Property]
    public Property AgendaItem_DueOnADay_IsOverdueTheDayAfter_AndNotOnIt() =>
        Prop.ForAll(Items.ToArbitrary(), item =>
            !item.IsOverdueOn(item.DueDate) && item.IsOverdueOn(item.DueDate.PlusDays(1))
            && item.DaysOverdueOn(item.DueDate) == 0 && item.DaysOverdueOn(item.DueDate.PlusDays(1)) == 1);

    /// <summary>The next check-in is the latest over the touchpoints (and the kickoff) of date + the interval in force on it.</summary>
    [Property]
    public Property CheckIn_NextDue_IsTheLatestTouchPlusItsInterval() =>
        Prop.ForAll(
            (from cadence in Cadences
             from touches in Gen.ListOf(Gen.Choose(-20, 200))
             select (cadence, touches)).ToArbitrary(),
            t =>
            {
                var asOf = Epoch.PlusDays(300);
                var expected = Epoch.Plus(t.cadence.Steps[0].Every);
                foreach (var d in t.touches)
                {
                    var next = Epoch.PlusDays(d).Plus(t.cadence.IntervalOn(d + 1));
                    expected = next > expected ? next : expected;
                }

                var status = t.cadence.Status(Epoch, t.touches.Select(d => Epoch.PlusDays(d)), asOf);
                return status.NextDue == expected && status.LastTouch == (t.touches.Count == 0 ? null : Epoch.PlusDays(t.touches.Max()));
            });

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
