using System;
using System.Linq;
using CustomerSuccess.Engagement;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Engagement;

/// <summary>The edges of the engagement area: the day a step starts, a date on the as-of date, bad cadences, plans and matrices.</summary>
public sealed class EngagementBoundaryTests
{
    private static readonly LocalDate Kickoff = new(2026, 9, 1);

    [Fact]
    public void CheckIn_Day31_TakesTheFourteenDayStep_AndDay30TheWeekly()
    {
        // Day 30 is 2026-09-30 (weekly: due 10-07); day 31 is 10-01 (every 14 days: due 10-15).
        var asOf = new LocalDate(2026, 10, 20);
        Assert.Equal(new LocalDate(2026, 10, 7), CheckInCadence.Seed001.Status(Kickoff, [new LocalDate(2026, 9, 30)], asOf).NextDue);
        Assert.Equal(new LocalDate(2026, 10, 15), CheckInCadence.Seed001.Status(Kickoff, [new LocalDate(2026, 10, 1)], asOf).NextDue);
    }

    [Fact]
    public void CheckIn_TheLatestTouchOfAStep_AndOverall_Count_WhateverTheirOrder()
    {
        var asOf = new LocalDate(2026, 9, 20);
        var status = CheckInCadence.Seed001.Status(Kickoff, [new LocalDate(2026, 9, 12), new LocalDate(2026, 9, 3), new LocalDate(2026, 9, 10)], asOf);
        Assert.Equal(new LocalDate(2026, 9, 12), status.LastTouch);
        Assert.Equal(new LocalDate(2026, 9, 19), status.NextDue);
        Assert.Equal(1, status.DaysOverdue);
    }

    [Fact]
    public void CheckIn_ATouchOnTheAsOfDate_IsFine_TheDayAfterIsAnError()
    {
        var asOf = new LocalDate(2026, 9, 20);
        Assert.Equal(asOf, CheckInCadence.Seed001.Status(Kickoff, [asOf], asOf).LastTouch);
        var e = Assert.Throws<ArgumentException>(() => CheckInCadence.Seed001.Status(Kickoff, [asOf.PlusDays(1)], asOf));
        Assert.Equal("touchpoints", e.ParamName);
        Assert.Contains("2026-09-21 is after the as-of date 2026-09-20", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckIn_InAnotherCalendar_FollowsTheSameSteps()
    {
        var kickoff = Kickoff.WithCalendar(CalendarSystem.Julian);
        var asOf = kickoff.PlusDays(49);
        var status = CheckInCadence.Seed001.Status(kickoff, [kickoff.PlusDays(31), kickoff.PlusDays(29)], asOf);
        Assert.Equal(kickoff.PlusDays(31), status.LastTouch);
        Assert.Equal(kickoff.PlusDays(45), status.NextDue);
        Assert.Throws<ArgumentException>(() => CheckInCadence.Seed001.Status(kickoff, [asOf.PlusDays(1)], asOf));
    }

    [Fact]
    public void Cadence_WithoutSteps_OrWithANullStep_IsRefused()
    {
        Assert.Contains("it has no step", Assert.Throws<ArgumentException>(() => new CheckInCadence("none", [])).Message, StringComparison.Ordinal);
        Assert.Contains("step 2 is null", Assert.Throws<ArgumentException>(() => new CheckInCadence("gap", [new CadenceStep(1, Period.FromWeeks(1)), null!])).Message, StringComparison.Ordinal);
        Assert.StartsWith("30-60-90: ", CheckInCadence.Seed001.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessPlan_OfOneDay_AndMilestonesOnItsEdges_AreFine_OutsideOrTwiceAreNot()
    {
        var start = new LocalDate(2026, 1, 1);
        var end = new LocalDate(2026, 12, 31);
        Assert.Empty(new SuccessPlan(start, start).Milestones);
        Assert.Throws<ArgumentException>(() => new SuccessPlan(start, start.PlusDays(-1)));
        var edges = new SuccessPlan(start, end, milestones: [new Milestone("First", start, start), new Milestone("Last", end)]);
        Assert.Equal(2, edges.Milestones.Count);
        Assert.Throws<ArgumentException>(() => new SuccessPlan(start, end, milestones: [new Milestone("Late", end.PlusDays(1))]));
        Assert.Throws<ArgumentException>(() => new SuccessPlan(start, end, milestones: [new Milestone("Early", start, start.PlusDays(-1))]));
        var twice = Assert.Throws<ArgumentException>(() => new SuccessPlan(start, end, milestones: [new Milestone("Go-live", start), new Milestone("Go-live", end)]));
        Assert.Contains("'Go-live' is given twice", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SuccessPlan(start, end, objectives: [" "]));
    }

    [Fact]
    public void SuccessPlan_MilestoneStates_OnTheirDays()
    {
        var start = new LocalDate(2026, 1, 1);
        var end = new LocalDate(2026, 12, 31);
        var due = new LocalDate(2026, 3, 1);
        var reached = new SuccessPlan(start, end, milestones: [new Milestone("On time", due, due), new Milestone("Late", due, due.PlusDays(2))]);
        Assert.Equal([(MilestoneState.Done, 0), (MilestoneState.DoneLate, 2)], reached.MilestonesOn(due.PlusDays(2)).Select(s => (s.State, s.DaysLate)));
        var early = Assert.Throws<ArgumentException>(() => reached.MilestonesOn(due.PlusDays(1)));
        Assert.Contains("'Late' is recorded as reached on 2026-03-03", early.Message, StringComparison.Ordinal);

        var open = new SuccessPlan(start, end, milestones: [new Milestone("Open", due)]);
        Assert.Equal(MilestoneState.Upcoming, open.MilestonesOn(due.PlusDays(-1))[0].State);
        Assert.Equal(MilestoneState.Due, open.MilestonesOn(due)[0].State);
        Assert.Equal((MilestoneState.Late, 1), (open.MilestonesOn(due.PlusDays(1))[0].State, open.MilestonesOn(due.PlusDays(1))[0].DaysLate));
        Assert.Equal(["Milestone: Open"], open.ToAgendaItems("Acme", dueBy: due).Select(i => i.What));
        Assert.Empty(open.ToAgendaItems("Acme", dueBy: due.PlusDays(-1)));
        Assert.Empty(reached.ToAgendaItems("Acme"));
    }

    [Fact]
    public void SuccessPlan_ElementsAreMissing_UntilGiven_AndABlankStrategyIsNone()
    {
        var start = new LocalDate(2026, 1, 1);
        var end = new LocalDate(2026, 12, 31);
        var empty = new SuccessPlan(start, end, renewalStrategy: "  ");
        Assert.Equal(Enum.GetValues<SuccessPlanElement>(), empty.MissingElements);
        Assert.Null(empty.RenewalStrategy);
        var full = new SuccessPlan(start, end, ["Cut handling time"], [new SuccessMetric("Hours", 10, 20)], ["Ann"], [new Milestone("Go-live", end)],
            CheckInCadence.Monthly, "Multi-year", ["Add seats"]);
        Assert.True(full.IsComplete);
    }

    [Fact]
    public void Matrix_WithoutRoles_OrARoleTwice_IsRefused_AndFindTrimsAndIgnoresCase()
    {
        Assert.Throws<ArgumentException>(() => new StakeholderMatrix([]));
        var champion = new StakeholderRole("Champion", Period.FromDays(14));
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => new StakeholderMatrix([champion, new StakeholderRole("champion", Period.FromDays(7))])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new StakeholderMatrix([champion, null!]));
        Assert.Same(StakeholderMatrix.Seed003.Roles[1], StakeholderMatrix.Seed003.Find("  champion "));
        Assert.Null(StakeholderMatrix.Seed003.Find("Legal"));
        Assert.Equal(["Business outcomes", "Competitive advantage", "ROI and cost optimization", "Strategic initiatives"], StakeholderMatrix.Seed003.Roles[0].CaresAbout);
    }

    [Fact]
    public void Stakeholders_OnePersonInTwoRoles_IsOneContact_AndTheSameRoleTwiceIsAnError()
    {
        var asOf = new LocalDate(2026, 11, 30);
        var coverage = StakeholderMatrix.Seed003.Assess([new Stakeholder("Ann", "Champion", asOf), new Stakeholder("ann", "Power user", asOf)], asOf);
        Assert.Equal(1, coverage.Contacts);
        Assert.Equal(0.5, coverage.Coverage);
        var twice = Assert.Throws<ArgumentException>(() => StakeholderMatrix.Seed003.Assess([new Stakeholder("Ann", "Champion"), new Stakeholder("ANN", "champion")], asOf));
        Assert.Contains("listed twice as champion", twice.Message, StringComparison.Ordinal);

        // Past 16 people the checks use sets: the same answers.
        var many = Enumerable.Range(0, 20).Select(i => new Stakeholder($"P{i}", i % 2 == 0 ? "Champion" : "Legal", asOf)).Append(new Stakeholder("p3", "Power user", asOf)).ToArray();
        Assert.Equal(20, StakeholderMatrix.Seed003.Assess(many, asOf).Contacts);
        Assert.Throws<ArgumentException>(() => StakeholderMatrix.Seed003.Assess(many.Append(new Stakeholder("p18", "CHAMPION")), asOf));
    }
}
