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
}
