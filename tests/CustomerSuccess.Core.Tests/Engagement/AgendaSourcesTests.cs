using System.Linq;
using CustomerSuccess.Engagement;
using CustomerSuccess.Nps;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Renewals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Engagement;

/// <summary>Renewal checkpoints and NPS dates on the same agenda as the engagement items.</summary>
public sealed class AgendaSourcesTests
{
    [Fact]
    public void RenewalTimeline_OpenCheckpoints_BecomeItemsWithThePlaybooksOwners()
    {
        // An annual contract from 2026-01-31 renews on 2027-01-31; as of 2026-11-30 the 90-day checkpoint (2026-11-02) is overdue.
        var contract = new Contract("K1", new LocalDate(2026, 1, 31), Period.FromYears(1), autoRenews: false, 50_000m);
        var asOf = new LocalDate(2026, 11, 30);
        var items = RenewalTimeline.For(contract, RenewalPlaybook.Seed004, asOf).ToAgendaItems("Acme");
        Assert.Equal(6, items.Count);
        Assert.Equal(("Renewal analysis + strategy", new LocalDate(2026, 11, 2), "CSM"), (items[0].What, items[0].DueDate, items[0].Owner));
        Assert.Equal("Sales", items.Single(i => i.What == "Proposal sent").Owner);

        var agenda = Agenda.Build(items.Append(new NpsSurveyStatus(asOf, false, 0).ToAgendaItem("Acme")), asOf);
        Assert.Equal(["Renewal analysis + strategy", "Send the NPS survey"], agenda.Items.Select(i => i.What));
        Assert.Equal(28, agenda.Items[0].DaysOverdueOn(asOf));
    }

    /// <summary>
    /// An agenda's horizon passed as <c>dueBy</c> leaves out exactly what the agenda would drop: the 90-day checkpoint
    /// (2026-11-02) stays, the 60-day one (2026-12-02) and later go; a QBR's next steps and a stakeholder's touch after
    /// the horizon are not made.
    /// </summary>
    [Fact]
    public void DueBy_LeavesOutExactlyWhatTheAgendaWouldDrop()
    {
        var asOf = new LocalDate(2026, 11, 30);
        var contract = new Contract("K1", new LocalDate(2026, 1, 31), Period.FromYears(1), autoRenews: false, 50_000m);
        var timeline = RenewalTimeline.For(contract, RenewalPlaybook.Seed004, asOf);
        var qbr = QbrPolicy.Seed001.Status(new LocalDate(2026, 1, 15), [new QbrRecord(new LocalDate(2026, 10, 10))], asOf);
        var people = StakeholderMatrix.Seed003.Assess(
            [new Stakeholder("Ann", "Champion", new LocalDate(2026, 11, 25)), new Stakeholder("Bob", "Executive sponsor", new LocalDate(2026, 8, 1))], asOf);

        foreach (var lookahead in new[] { 0, 3, 40 })
        {
            var horizon = asOf.PlusDays(lookahead);
            var all = timeline.ToAgendaItems("Acme").Concat(qbr.ToAgendaItems("Acme")).Concat(people.ToAgendaItems("Acme")).ToArray();
            var cut = timeline.ToAgendaItems("Acme", horizon).Concat(qbr.ToAgendaItems("Acme", dueBy: horizon)).Concat(people.ToAgendaItems("Acme", dueBy: horizon)).ToArray();
            Assert.Equal(all.Where(i => i.DueDate <= horizon).Select(i => i.ToString()), cut.Select(i => i.ToString()));
            Assert.Equal(Agenda.Build(all, asOf, lookahead).Items.Select(i => i.ToString()), Agenda.Build(cut, asOf, lookahead).Items.Select(i => i.ToString()));
        }

        Assert.Equal(["Renewal analysis + strategy"], timeline.ToAgendaItems("Acme", asOf).Select(i => i.What));
        Assert.Equal(["Touch base with Bob (Executive sponsor)"], people.ToAgendaItems("Acme", dueBy: asOf).Select(i => i.What));
    }
}
