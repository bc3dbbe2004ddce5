using System;
using System.Linq;
using CustomerSuccess.Engagement;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Engagement;

/// <summary>Worked examples of check-ins, QBRs, response times, stakeholders, success plans and value, computed by hand from the playbooks' numbers.</summary>
public sealed class EngagementTests
{
    private static readonly LocalDate Kickoff = new(2026, 9, 1);

    private static LocalDate D(int month, int day, int year = 2026) => new(year, month, day);

    [Theory]
    [InlineData(9, 10, 9, 17)] // day 10: weekly
    [InlineData(10, 5, 10, 19)] // day 35: every 14 days
    [InlineData(11, 5, 12, 5)] // day 66: monthly
    public void CheckIn_Seed001_TheIntervalFollowsTheDayOfTheLastTouch(int tm, int td, int dm, int dd)
    {
        var status = CheckInCadence.Seed001.Status(Kickoff, [D(tm, td)], D(11, 30));
        Assert.Equal(D(dm, dd), status.NextDue);
        Assert.Equal(D(tm, td), status.LastTouch);
    }

    [Fact]
    public void CheckIn_WeeklyTouchMissed_IsOverdueByTheDaysPastDue()
    {
        var status = CheckInCadence.Seed001.Status(Kickoff, [D(9, 3), D(9, 10)], D(9, 20));
        Assert.Equal(D(9, 17), status.NextDue);
        Assert.True(status.IsOverdue);
        Assert.Equal(3, status.DaysOverdue);
    }

    [Fact]
    public void CheckIn_NeverContacted_IsSaidSo_AndTheFirstIsDueAWeekAfterKickoff()
    {
        var onTheDay = CheckInCadence.Seed001.Status(Kickoff, [], D(9, 8));
        Assert.True(onTheDay.IsNeverContacted);
        Assert.True(onTheDay.IsDue);
        Assert.False(onTheDay.IsOverdue);
        var dayAfter = CheckInCadence.Seed001.Status(Kickoff, [], D(9, 9));
        Assert.Equal(1, dayAfter.DaysOverdue);
        Assert.Equal("First check-in (never contacted)", dayAfter.ToAgendaItem("Acme").What);
    }

    [Fact]
    public void CheckIn_TouchpointAfterAsOf_IsAnErrorNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => CheckInCadence.Seed001.Status(Kickoff, [D(12, 2)], D(12, 1)));
        Assert.Equal("touchpoints", e.ParamName);
        Assert.Contains("2026-12-02", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cadence_StepsThatDoNotRise_AreRefusedAllAtOnce()
    {
        var e = Assert.Throws<ArgumentException>(() => new CheckInCadence("bad", [new CadenceStep(2, Period.FromDays(7)), new CadenceStep(2, Period.FromDays(7))]));
        Assert.Contains("day 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("step 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CadenceStep(1, Period.FromHours(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CadenceStep(1, Period.Zero));
    }

    [Fact]
    public void CadenceCoverage_CountsOnCadenceOverdueAndNeverContacted()
    {
        var asOf = D(9, 20);
        var coverage = CadenceCoverage.Of(
        [
            CheckInCadence.Seed001.Status(Kickoff, [D(9, 15)], asOf),
            CheckInCadence.Seed001.Status(Kickoff, [D(9, 10)], asOf),
            CheckInCadence.Seed001.Status(D(9, 18), [], asOf),
        ]);
        Assert.Equal(new CadenceCoverage(3, 2, 1, 1), coverage);
        Assert.Equal(2.0 / 3, coverage.ShareOnCadence);
        Assert.Null(CadenceCoverage.Of([]).ShareOnCadence);
    }

    [Fact]
    public void Qbr_Seed001_LateStepsAndTheOverdueNextReview()
    {
        var status = QbrPolicy.Seed001.Status(D(1, 15),
        [
            new QbrRecord(D(7, 10), ScheduledOn: D(6, 30), PreReadSentOn: D(7, 7), SummarySentOn: D(7, 11)),
            new QbrRecord(D(4, 10), ScheduledOn: D(3, 20), PreReadSentOn: D(4, 8), SummarySentOn: D(4, 12)),
        ], D(10, 20));
        Assert.Equal(D(7, 10), status.LastHeld);
        Assert.Equal(D(10, 10), status.NextDue);
        Assert.True(status.IsOverdue);
        Assert.Equal(10, status.DaysOverdue);
        Assert.False(status.IsComplete);
        var late = status.HeldSteps.Where(s => s.IsLate).Select(s => (s.Meeting, s.Step, s.DaysLate)).ToArray();
        Assert.Equal([(D(4, 10), QbrStep.PreRead, 1), (D(4, 10), QbrStep.Summary, 1), (D(7, 10), QbrStep.Schedule, 4)], late);
        Assert.Equal([D(9, 26), D(10, 7), D(10, 10)], status.NextSteps.Select(s => s.DueBy));
        Assert.Equal(["Schedule the QBR", "Send the QBR pre-read", "Hold the QBR"], status.ToAgendaItems("Acme").Select(i => i.What));
    }

    [Fact]
    public void Qbr_PlannedMeeting_SetsThePreReadDate_AndAMissingSummaryIsOnTheAgenda()
    {
        var status = QbrPolicy.Seed001.Status(D(1, 15),
        [
            new QbrRecord(D(9, 1), ScheduledOn: D(8, 1), PreReadSentOn: D(8, 28)),
            new QbrRecord(D(11, 20), ScheduledOn: D(8, 25)),
        ], D(9, 1));
        Assert.Equal(D(11, 20), status.Planned);
        Assert.Equal(D(12, 1), status.NextDue);
        Assert.Equal(D(11, 17), status.NextSteps.Single(s => s.Step == QbrStep.PreRead).DueBy);
        var items = status.ToAgendaItems("Acme");
        Assert.Equal("Send the summary of the 2026-09-01 QBR", items[0].What);
        Assert.Equal(D(9, 2), items[0].DueDate);
        Assert.Equal("CS Manager playbook", items[0].Source);
    }

    [Fact]
    public void Qbr_SummaryBeforeItsMeeting_IsAnErrorNamingTheReviews()
    {
        var e = Assert.Throws<ArgumentException>(() => QbrPolicy.Seed001.Status(D(1, 1), [new QbrRecord(D(4, 10), SummarySentOn: D(4, 9))], D(5, 1)));
        Assert.Equal("reviews", e.ParamName);
        Assert.Contains("before the meeting", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => QbrPolicy.Seed001.Status(D(1, 1), [new QbrRecord(D(4, 10)), new QbrRecord(D(4, 10))], D(5, 1)));
        Assert.Throws<ArgumentException>(() => QbrPolicy.Seed001.Status(D(1, 1), [new QbrRecord(D(6, 10)), new QbrRecord(D(7, 10))], D(5, 1)));
    }

    [Fact]
    public void QbrCompletion_AgainstTheHundredPercentTarget()
    {
        var asOf = D(10, 20);
        var current = QbrPolicy.Seed001.Status(D(1, 1), [new QbrRecord(D(9, 1))], asOf);
        var lapsed = QbrPolicy.Seed001.Status(D(1, 1), [new QbrRecord(D(6, 1))], asOf);
        var notYetDue = QbrPolicy.Seed001.Status(D(9, 1), [], asOf);
        var completion = QbrCompletion.Of([current, lapsed, notYetDue]);
        Assert.Equal(new QbrCompletion(2, 1), completion);
        Assert.Equal(0.5, completion.Rate);
        Assert.False(completion.MeetsTarget);
        Assert.True(QbrCompletion.Of([current]).MeetsTarget);
    }

    [Fact]
    public void Qbr_Presets_CarryThePlaybooksLengths_AndEligibilityFollowsTheFlagOrSegment()
    {
        Assert.Equal((45, 60, 14, 3, 1), (QbrPolicy.Seed001.MinMinutes, QbrPolicy.Seed001.MaxMinutes, QbrPolicy.Seed001.ScheduleDaysAhead, QbrPolicy.Seed001.PreReadDaysBefore, QbrPolicy.Seed001.SummaryWithinDays));
        Assert.Equal((30, 45), (QbrPolicy.Seed004.MinMinutes, QbrPolicy.Seed004.MaxMinutes));
        Assert.True(QbrPolicy.Seed001.IsEligible(strategic: true));
        Assert.False(QbrPolicy.Seed001.IsEligible(strategic: false, "Enterprise"));
        var bySegment = new QbrPolicy("enterprise", 3, 14, 3, 1, 45, 60, ["Enterprise"]);
        Assert.True(bySegment.IsEligible(strategic: false, "enterprise"));
        var e = Assert.Throws<ArgumentException>(() => new QbrPolicy("bad", 0, -1, 3, 1, 60, 45));
        Assert.Contains("3 problems", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResponseTime_Inquiry_FourHoursCommitment()
    {
        var nine = Instant.FromUtc(2026, 11, 30, 9, 0);
        var report = ResponseTimePolicy.Inquiry.Evaluate(
        [
            new CustomerRequest("A", nine, nine + Duration.FromHours(3)),
            new CustomerRequest("B", nine, nine + Duration.FromHours(4)),
            new CustomerRequest("C", nine, nine + Duration.FromHours(5)),
            new CustomerRequest("D", nine + Duration.FromHours(6)),
            new CustomerRequest("E", nine + Duration.FromHours(1)),
        ], nine + Duration.FromHours(8));
        Assert.Equal(5, report.Requests);
        Assert.Equal(2, report.AnsweredWithin);
        Assert.Equal(1, report.Pending);
        Assert.Equal(["E", "C"], report.Breaches.Select(b => b.Request.Id));
        Assert.Equal(Duration.FromHours(3), report.Breaches[0].Over);
        Assert.True(report.Breaches[0].IsOpen);
        Assert.Equal(0.5, report.ShareWithin);
        Assert.Equal(4.0, report.MedianHours);
    }

    [Fact]
    public void ResponseTime_ResponseBeforeItsRequest_IsAnError()
    {
        var t = Instant.FromUtc(2026, 11, 30, 9, 0);
        var e = Assert.Throws<ArgumentException>(() => ResponseTimePolicy.Inquiry.Evaluate([new CustomerRequest("X", t, t - Duration.FromMinutes(1))], t));
        Assert.Contains("'X'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ResponseTimePolicy.Inquiry.Evaluate([new CustomerRequest("Y", t + Duration.FromHours(1))], t));
        Assert.Equal(Duration.FromHours(24), ResponseTimePolicy.Detractor.Within);
    }

    [Fact]
    public void Stakeholders_Seed003_CoverageFreshnessAndTheRelationshipComponent()
    {
        var asOf = D(11, 30);
        var coverage = StakeholderMatrix.Seed003.Assess(
        [
            new Stakeholder("Ann", "Champion", D(11, 20)),
            new Stakeholder("Bob", "Executive sponsor", D(8, 15)),
            new Stakeholder("Cy", "IT admin"),
        ], asOf);
        Assert.Equal(["Executive sponsor", "Champion"], coverage.Filled.Select(r => r.Name));
        Assert.Equal(["Power user", "Budget holder"], coverage.Missing.Select(r => r.Name));
        Assert.Equal(0.5, coverage.Coverage);
        Assert.Equal(0.25, coverage.Freshness);
        Assert.Equal(3, coverage.Contacts);
        Assert.False(coverage.IsSingleThreaded);
        var bob = coverage.Touches[0];
        Assert.Equal(("Bob", D(11, 15), 15), (bob.Stakeholder.Name, bob.NextDue, bob.DaysOverdue));
        Assert.Equal(D(12, 4), coverage.Touches[1].NextDue);
        Assert.Equal(37.5, RelationshipRubric.Default.Score(coverage));
        Assert.Equal(100, RelationshipRubric.Default.ChampionStrength(coverage));
        Assert.Equal(["Bob"], coverage.Due.Select(t => t.Stakeholder.Name));
    }

    [Fact]
    public void Stakeholders_OneContact_IsSingleThreaded_AndAStaleChampionIsHalfStrength()
    {
        var coverage = StakeholderMatrix.Seed003.Assess([new Stakeholder("Ann", "champion", D(10, 1))], D(11, 30));
        Assert.True(coverage.IsSingleThreaded);
        Assert.Equal(50, RelationshipRubric.Default.ChampionStrength(coverage));
        Assert.Equal(0, RelationshipRubric.Default.ChampionStrength(StakeholderMatrix.Seed003.Assess([], D(11, 30))));
    }

    [Fact]
    public void Stakeholder_WithoutARole_IsAnError()
    {
        var e = Assert.Throws<ArgumentException>(() => new Stakeholder("Ann", " "));
        Assert.Contains("Ann", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StakeholderMatrix.Seed003.Assess([new Stakeholder("Ann", "Champion", D(12, 1))], D(11, 30)));
    }

    [Fact]
    public void StakeholderChanges_AChampionLeft_AndANewOneJoined_WithThePlaybooksResponses()
    {
        var changes = StakeholderChange.Between(
            [new Stakeholder("Ann", "Champion"), new Stakeholder("Bob", "Executive sponsor")],
            [new Stakeholder("Dee", "Champion"), new Stakeholder("bob", "executive sponsor", D(11, 1))]);
        Assert.Equal(2, changes.Count);
        Assert.Equal((StakeholderChangeKind.Left, "Ann", "New champion search"), (changes[0].Kind, changes[0].Name, changes[0].Response.Actions[0]));
        Assert.Equal((StakeholderChangeKind.Joined, "Dee", 7), (changes[1].Kind, changes[1].Name, changes[1].Response.WithinDays));
    }

    [Fact]
    public void SuccessPlan_ListsWhatIsMissing_AndEachMilestonesState()
    {
        var plan = new SuccessPlan(D(1, 1), D(12, 31), objectives: ["Cut onboarding time by half"], milestones:
        [
            new Milestone("M3", D(11, 15)),
            new Milestone("M1", D(3, 1), D(2, 20)),
            new Milestone("M2", D(6, 1), D(6, 10)),
            new Milestone("M4", D(12, 15)),
        ]);
        Assert.Equal(
            [SuccessPlanElement.SuccessMetrics, SuccessPlanElement.KeyStakeholders, SuccessPlanElement.CheckInCadence, SuccessPlanElement.RenewalStrategy, SuccessPlanElement.ExpansionOpportunities],
            plan.MissingElements);
        Assert.Equal(
            [(MilestoneState.Done, 0), (MilestoneState.DoneLate, 9), (MilestoneState.Late, 15), (MilestoneState.Upcoming, 0)],
            plan.MilestonesOn(D(11, 30)).Select(s => (s.State, s.DaysLate)));
        Assert.Equal(["Milestone: M3", "Milestone: M4"], plan.ToAgendaItems("Acme").Select(i => i.What));
    }

    [Fact]
    public void SuccessPlan_MilestoneOutsideTheTerm_IsAnErrorNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new SuccessPlan(D(1, 1), D(6, 30), milestones: [new Milestone("Go live", D(7, 1))]));
        Assert.Equal("milestones", e.ParamName);
        Assert.Contains("'Go live'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SuccessPlan(D(2, 1), D(1, 1)));
    }

    [Fact]
    public void SuccessPlanPolicy_ResetAboveSevenTenthsWithinThreeDays_AndNextTermThirtyDaysOut()
    {
        var policy = SuccessPlanPolicy.Default;
        Assert.Equal(D(12, 3), policy.ResetDue(0.71, D(11, 30)));
        Assert.Null(policy.ResetDue(0.7, D(11, 30)));
        Assert.Equal(D(1, 1, 2027), policy.NextTermPlanDue(D(1, 31, 2027)));
        var items = policy.ToAgendaItems("Acme", plan: null, kickoff: D(9, 1), renewal: D(1, 31, 2027), churnProbability: (0.8, D(11, 30)));
        Assert.Equal(["Create the success plan", "Reset the success plan", "Success plan for next term"], items.Select(i => i.What));
    }

    [Fact]
    public void ValueRealisation_ProgressTowardTargets_UpOrDown_AndTheOutcomesComponent()
    {
        SuccessMetric[] metrics =
        [
            new("Hours saved per week", 10, 20, [new MetricMeasurement(D(6, 1), 15), new MetricMeasurement(D(10, 1), 25)]),
            new("Hours to resolve a ticket", 48, 24, [new MetricMeasurement(D(9, 1), 36)]),
            new("Active users", 0, 50),
        ];
        var value = ValueRealisation.Of(metrics, D(11, 30));
        Assert.Equal([1.5, 0.5, null], value.Progress.Select(p => p.Progress));
        Assert.Equal((2, 1), (value.Measured, value.Met));
        Assert.Equal(75, value.OutcomesScore);
        Assert.Equal(0.5, metrics[0].ProgressOn(D(7, 1)));
        Assert.Null(ValueRealisation.Of([metrics[2]], D(11, 30)).OutcomesScore);
    }

    [Fact]
    public void SuccessMetric_TargetEqualToBaseline_IsAnError()
    {
        var e = Assert.Throws<ArgumentException>(() => new SuccessMetric("NPS", 40, 40));
        Assert.Equal("target", e.ParamName);
        Assert.Contains("equal to its baseline", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agenda_MergesTheSameItem_KeepsTheMostUrgent_AndOrdersByDueThenPriority()
    {
        var asOf = D(11, 30);
        AgendaItem Item(string account, string what, LocalDate due, AgendaPriority p) => new(account, AgendaItemKind.Other, what, due, p, "rule", "ours", "CSM");
        var agenda = Agenda.Build(
        [
            Item("B", "Call", D(11, 29), AgendaPriority.Low),
            Item("A", "Call", D(11, 30), AgendaPriority.Low),
            Item("b", "call", D(11, 29), AgendaPriority.High),
            Item("C", "Later", D(12, 5), AgendaPriority.Critical),
            Item("D", "Urgent", D(11, 30), AgendaPriority.Critical),
        ], asOf);
        Assert.Equal([("b", AgendaPriority.High), ("D", AgendaPriority.Critical), ("A", AgendaPriority.Low)], agenda.Items.Select(i => (i.Account, i.Priority)));
        Assert.Single(agenda.Overdue);
        Assert.Equal(4, Agenda.Build(agenda.Items.Append(Item("C", "Later", D(12, 5), AgendaPriority.Critical)), asOf, lookaheadDays: 5).Items.Count);
    }

    [Fact]
    public void Agenda_InAnotherCalendar_MergesAndOrdersTheSameWay()
    {
        var asOf = D(11, 30).WithCalendar(CalendarSystem.Julian);
        AgendaItem Item(string account, string what, int daysBefore, AgendaPriority p) => new(account, AgendaItemKind.Other, what, asOf.PlusDays(-daysBefore), p, "rule", "ours", "CSM");
        var agenda = Agenda.Build(
        [
            Item("B", "Call", 1, AgendaPriority.Low),
            Item("A", "Call", 0, AgendaPriority.Low),
            Item("b", "call", 1, AgendaPriority.High),
            Item("D", "Urgent", 0, AgendaPriority.Critical),
        ], asOf);
        Assert.Equal([("b", AgendaPriority.High), ("D", AgendaPriority.Critical), ("A", AgendaPriority.Low)], agenda.Items.Select(i => (i.Account, i.Priority)));
    }
}
