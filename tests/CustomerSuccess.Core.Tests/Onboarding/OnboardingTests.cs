using System;
using System.Linq;
using CustomerSuccess.Onboarding;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Onboarding;

public sealed class OnboardingTests
{
    private static readonly LocalDate Start = new(2026, 3, 2);
    private static readonly OnboardingTracker Tracker = new();

    private static TaskCompletion Done(string id, int day) => new(id, Start.PlusDays(day));

    [Fact]
    public void Enterprise_Day20WithThePilotNotDone_IsBehindWithOneTask5DaysLate()
    {
        // Kickoff (day 1), workshop (3) and admin training (7) done on time; the day-15 pilot is not done on day 20.
        var progress = Tracker.Track(OnboardingTemplates.Seed003Enterprise, Start,
            [Done("kickoff", 1), Done("integration-workshop", 3), Done("admin-training", 7)], Start.PlusDays(20));

        Assert.Equal(OnboardingStatus.Behind, progress.Status);
        var late = Assert.Single(progress.Overdue);
        Assert.Equal("pilot", late.Task.Id);
        Assert.Equal(5, late.DaysLate);
        Assert.Equal(Start.PlusDays(15), late.DueDate);
        Assert.Equal(3.0 / 9, progress.Progress, 1e-12);
        Assert.Equal("Adoption", progress.CurrentPhase!.Name);
        Assert.Equal([1.0, 0.0, 0.0], progress.Phases.Select(p => p.Progress));
        Assert.Equal(["end-user-training", "first-value-review", "business-review"], progress.NextActions.Select(t => t.Id));
        Assert.True(progress.KickoffOnTime);
        Assert.Null(progress.CompletedOnTime);            // the 30-day window is still open
        Assert.Null(progress.TimeToFirstValueDays);
        Assert.Equal(Start.PlusDays(60), progress.ProjectedCompletion);   // 20 days for 3 of 9 tasks → 60 days
    }

    [Fact]
    public void Enterprise_NothingDoneFor16DaysWithTasksOverdue_IsStuck()
    {
        var progress = Tracker.Track(OnboardingTemplates.Seed003Enterprise, Start,
            [Done("kickoff", 1), Done("integration-workshop", 3), Done("admin-training", 7)], Start.PlusDays(23));

        Assert.Equal(OnboardingStatus.Stuck, progress.Status);
        Assert.Equal(["pilot", "end-user-training"], progress.Overdue.Select(o => o.Task.Id));
        Assert.Equal([8, 2], progress.Overdue.Select(o => o.DaysLate));
    }

    [Fact]
    public void Seed004_EveryTaskOnItsDay_IsCompleteWithFirstValueOnDay14()
    {
        var plan = OnboardingTemplates.Seed004Timeline;

        var progress = Tracker.Track(plan, Start, plan.Tasks.Select(t => Done(t.Id, t.DayOffset)), Start.PlusDays(40));

        Assert.Equal(OnboardingStatus.Complete, progress.Status);
        Assert.Equal(1.0, progress.Progress);
        Assert.Empty(progress.Overdue);
        Assert.Null(progress.CurrentPhase);
        Assert.Equal(14, progress.TimeToFirstValueDays);
        Assert.Equal(Start.PlusDays(30), progress.ProjectedCompletion);
        Assert.True(progress.CompletedOnTime);
        Assert.Null(progress.KickoffOnTime);              // the CS Agent playbook's timeline has no kickoff task
        Assert.Equal([0, 1, 3, 7, 14, 30], plan.Tasks.Select(t => t.DayOffset));
    }

    [Fact]
    public void Seed001_LateKickoffAndUnfinishedAfter30Days_FailBothChecks()
    {
        var progress = Tracker.Track(OnboardingTemplates.Seed001ThirtySixtyNinety, Start, [Done("kickoff", 5)], Start.PlusDays(31));

        Assert.False(progress.KickoffOnTime);
        Assert.False(progress.CompletedOnTime);
        Assert.Equal(3, OnboardingTemplates.Seed001ThirtySixtyNinety.Find("kickoff")!.DayOffset);
        Assert.Equal(30, OnboardingTemplates.Seed001ThirtySixtyNinety.FirstValue.DayOffset);
    }

    [Fact]
    public void Templates_HaveTheSeedDaysAndASegmentHelper()
    {
        Assert.Equal([1, 3, 7, 15, 21, 30, 60, 75, 90], OnboardingTemplates.Seed003Enterprise.Tasks.Select(t => t.DayOffset));
        Assert.Equal(["Signup", "Activation", "Engagement", "Conversion", "Success", "Expansion"], OnboardingTemplates.Seed000Journey.Phases.Select(p => p.Name));
        Assert.Equal([3, 7], OnboardingTemplates.Seed002Stages.Tasks.Select(t => t.ExpectedDurationDays!.Value));
        Assert.Same(OnboardingTemplates.Seed003Enterprise, OnboardingTemplates.ForSegment(CustomerSegment.Enterprise));
        Assert.Same(OnboardingTemplates.MidMarket, OnboardingTemplates.ForSegment(CustomerSegment.MidMarket));
        Assert.Same(OnboardingTemplates.Smb, OnboardingTemplates.ForSegment(CustomerSegment.Smb));
        Assert.Equal(60, OnboardingTemplates.MidMarket.Tasks[^1].DayOffset);
        Assert.Equal(30, OnboardingTemplates.Smb.Tasks[^1].DayOffset);
    }

    [Fact]
    public void Track_CompletionBeforeStartOrAfterAsOf_ThrowsNamingTheTask()
    {
        var before = Assert.Throws<ArgumentException>(() => Tracker.Track(OnboardingTemplates.Smb, Start, [Done("kickoff", -1)], Start.PlusDays(5)));
        var after = Assert.Throws<ArgumentException>(() => Tracker.Track(OnboardingTemplates.Smb, Start, [Done("setup", 9)], Start.PlusDays(5)));

        Assert.Contains("task 'kickoff' was completed on 2026-03-01, outside the onboarding so far (2026-03-02 to 2026-03-07)", before.Message);
        Assert.Contains("task 'setup' was completed on 2026-03-11", after.Message);
    }

    [Fact]
    public void Track_UnknownTaskTwiceDoneOrAsOfBeforeStart_Throw()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Tracker.Track(OnboardingTemplates.Smb, Start, [new TaskCompletion("launch", Start)], Start));
        var twice = Assert.Throws<ArgumentException>(() => Tracker.Track(OnboardingTemplates.Smb, Start, [Done("kickoff", 1), Done("KICKOFF", 2)], Start.PlusDays(5)));
        var early = Assert.Throws<ArgumentException>(() => Tracker.Track(OnboardingTemplates.Smb, Start, [], Start.PlusDays(-1)));

        Assert.Contains("plan 'SMB 30-day plan' has no task 'launch'; its tasks are kickoff, setup,", unknown.Message);
        Assert.Contains("task 'kickoff' is completed twice", twice.Message);
        Assert.Contains("the as-of date 2026-03-01 is before the onboarding start 2026-03-02", early.Message);
    }

    [Fact]
    public void Plan_Invalid_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OnboardingPlan("broken", "ours",
        [
            new OnboardingPhase("One", 0, 10, [new("a", "A", 5, "CSM"), new("b", "B", 12, "CSM")]),
            new OnboardingPhase("Two", 11, 20, [new("A", "A again", 15, "CSM")]),
        ]));

        Assert.Contains("Onboarding plan 'broken' is invalid (3 problems)", ex.Message);
        Assert.Contains("task 'b' is due on day 12, outside phase 'One' (days 0-10)", ex.Message);
        Assert.Contains("the task id 'a' is used 2 times", ex.Message);
        Assert.Contains("no task is the first-value milestone", ex.Message);
    }

    [Fact]
    public void TaskAndPhase_BadDays_AreRejectedAtConstruction_NamingTheParameter()
    {
        Assert.Equal("dayOffset", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingTask("c", "C", -2, "CSM")).ParamName);
        Assert.Equal("expectedDurationDays", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingTask("c", "C", 2, "CSM", expectedDurationDays: 0)).ParamName);
        Assert.Equal("startDay", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingPhase("P", -1, 10, [])).ParamName);
        Assert.Equal("endDay", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingPhase("P", 10, 9, [])).ParamName);
        Assert.Equal("responses", Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSuccess.Nps.WeightedNpsSummary(5, 0, 0, responses: 0)).ParamName);
    }

    [Fact]
    public void Portfolio_FourOfFiveComplete_MeetsThe80PercentTarget()
    {
        var plan = OnboardingTemplates.Smb;
        var all = plan.Tasks.Select(t => Done(t.Id, t.DayOffset)).ToArray();
        var progress = Enumerable.Range(0, 4).Select(_ => Tracker.Track(plan, Start, all, Start.PlusDays(40)))
            .Append(Tracker.Track(plan, Start, [Done("kickoff", 1)], Start.PlusDays(40)))
            .ToList();

        var portfolio = OnboardingPortfolio.Summarize(progress);

        Assert.Equal(0.8, portfolio.CompletionRate);
        Assert.True(portfolio.MeetsCompletionTarget);
        Assert.Equal(7.0, portfolio.AverageTimeToFirstValueDays);    // first value on day 7 for the four complete ones
        Assert.Equal(4, portfolio.CustomersWithFirstValue);
        Assert.False(portfolio.MeetsFastTimeToFirstValue);           // the Petra playbook: under 24 hours
        Assert.True(portfolio.MeetsTimeToValue);                     // the CS Manager playbook: within 30 days
        Assert.Null(OnboardingPortfolio.Summarize([]).CompletionRate);
    }
}
