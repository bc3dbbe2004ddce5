using System.Linq;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Renewals;
using Xunit;

namespace CustomerSuccess.Tests.Renewals;

/// <summary>Checkpoints, owners and deliverables word for word as the playbooks give them.</summary>
public sealed class RenewalPlaybookFidelityTests
{
    [Fact]
    public void ExpertPlaybook_EachCheckpointHasItsFourActionsAndTwoDeliverables()
    {
        // '90_days_out': 'actions': ['Conduct Business Review with executive sponsor', 'Present value achieved and ROI
        // metrics', 'Discuss future goals and requirements', 'Address any concerns or blockers'],
        // 'deliverables': ['Business review deck', 'Renewal proposal v1'].
        var checkpoints = RenewalPlaybook.Seed003.Checkpoints;
        Assert.Equal([120, 90, 60, 30], checkpoints.Select(c => c.DaysBefore));
        Assert.All(checkpoints, c => Assert.Equal(4, c.Action.Split("; ").Length));
        var ninety = checkpoints.Single(c => c.DaysBefore == 90);
        Assert.StartsWith("Conduct Business Review with executive sponsor; Present value achieved and ROI metrics", ninety.Action, System.StringComparison.Ordinal);
        Assert.Equal(["Business review deck", "Renewal proposal v1"], ninety.Deliverables);
        Assert.Equal(["Renewal strategy document", "Value report draft"], checkpoints[0].Deliverables);
        Assert.Equal(["Final renewal proposal", "Contract redlines"], checkpoints[2].Deliverables);
        Assert.Equal(["Signed contract", "Success plan for next term"], checkpoints[3].Deliverables);
    }

    [Fact]
    public void AgentPlaybook_OwnersAndStepsAreTheTables()
    {
        // | 90 days out | Renewal analysis + strategy | CSM | ... | 14 days out | Follow-up if no response | CSM + Sales |
        Assert.Equal(
            [(90, "Renewal analysis + strategy", "CSM"), (60, "QBR with renewal discussion", "CSM + Sales"), (30, "Proposal sent", "Sales"),
             (14, "Follow-up if no response", "CSM + Sales"), (7, "Escalation if needed", "Management"), (0, "Close or extend", "Sales")],
            RenewalPlaybook.Seed004.Checkpoints.Select(c => (c.DaysBefore, c.Action, c.Owner)));
        Assert.All(RenewalPlaybook.Seed004.Checkpoints, c => Assert.Empty(c.Deliverables));
    }

    [Fact]
    public void EnterpriseOnboarding_Days60To90_HaveTheExpertPlaybooksOwnersAndDeliverables()
    {
        // 'day': 60, 'task': 'Business review meeting', 'owner': 'CSM + Executive Sponsor', 'deliverable': 'Success metrics report'
        // 'day': 75, 'task': 'Advanced features training', 'owner': 'Product Specialist', 'deliverable': 'Power users identified'
        // 'day': 90, 'task': 'Graduation and expansion planning', 'owner': 'CSM', 'deliverable': 'Growth roadmap'
        var late = OnboardingTemplates.Seed003Enterprise.Tasks.Where(t => t.DayOffset >= 60);
        Assert.Equal(
            [(60, "Business review meeting", "CSM + Executive Sponsor", "Success metrics report"),
             (75, "Advanced features training", "Product Specialist", "Power users identified"),
             (90, "Graduation and expansion planning", "CSM", "Growth roadmap")],
            late.Select(t => (t.DayOffset, t.Name, t.Owner, t.Deliverable)));
    }

    [Fact]
    public void PetraJourney_FirstValue_IsDueOnDayOne()
    {
        // "Time to first value: < 24 uur": first value within a day of signup.
        var firstValue = Assert.Single(OnboardingTemplates.Seed000Journey.Tasks, t => t.IsFirstValue);
        Assert.Equal(1, firstValue.DayOffset);
    }
}
