using System;
using System.Linq;
using CustomerSuccess.Onboarding;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Onboarding;

/// <summary>The templates' playbook text, the tracker's boundaries (a day either side of each), and the plan's and task's checks.</summary>
public sealed class OnboardingEdgeTests
{
    private static readonly LocalDate Start = new(2026, 3, 2);

    private static TaskCompletion Done(string id, int day) => new(id, Start.PlusDays(day));

    /// <summary>A plan of a kickoff (day 1), a first value (day 5) and two tasks due on day 10 (ids b and a).</summary>
    private static readonly OnboardingPlan Small = new("small", "test",
    [
        new OnboardingPhase("only", 0, 20,
        [
            new("kickoff", "Kickoff", 1, "CSM"),
            new("value", "First value", 5, "CSM", isFirstValue: true),
            new("b", "Task B", 10, "CSM"),
            new("a", "Task A", 10, "CSM"),
        ]),
    ]);

    /// <summary>The CS Expert playbook's enterprise plan as the playbook states it: each day, task, owner and deliverable.</summary>
    [Fact]
    public void TheEnterprisePlan_IsThePlaybooksTable()
    {
        var plan = OnboardingTemplates.Seed003Enterprise;

        Assert.Equal(("Enterprise 90-day plan", "CS Expert playbook"), (plan.Name, plan.Source));
        Assert.Equal(["Foundation (days 1-14)", "Adoption (days 15-45)", "Optimization (days 46-90)"], plan.Phases.Select(p => p.ToString()));
        Assert.Equal(
        [
            "1 Kickoff call with stakeholders / CSM / Success plan document",
            "3 Technical integration workshop / Solutions Engineer / Integration completed",
            "7 Admin training session / CSM / Certified admins",
            "15 Department pilot launch / Customer Champion / Pilot feedback",
            "21 End user training sessions / Training Team / Trained users",
            "30 First value milestone review / CSM / ROI metrics",
            "60 Business review meeting / CSM + Executive Sponsor / Success metrics report",
            "75 Advanced features training / Product Specialist / Power users identified",
            "90 Graduation and expansion planning / CSM / Growth roadmap",
        ], plan.Tasks.Select(t => $"{t.DayOffset} {t.Name} / {t.Owner} / {t.Deliverable}"));
        Assert.Equal("first-value-review", plan.FirstValue.Id);
    }

    /// <summary>Each template's name, its source as the docs show it, and its phases' days.</summary>
    [Fact]
    public void EveryTemplate_NamesItsSource_AndItsPhases()
    {
        Assert.Equal(
        [
            "Customer journey | Petra playbook | Signup 0-0, Activation 1-3, Engagement 4-13, Conversion 14-14, Success 15-29, Expansion 30-60",
            "30-60-90 day plan | CS Manager playbook (step days ours) | Implement and train 1-30, Adopt and optimize 31-60, Expand and advocate 61-90",
            "Enterprise 90-day plan | CS Expert playbook | Foundation 1-14, Adoption 15-45, Optimization 46-90",
            "Mid-market 60-day plan | ours, after the CS Expert playbook | Foundation 1-7, Adoption 8-30, Optimization 31-60",
            "SMB 30-day plan | ours, after the CS Expert playbook | Setup 1-3, Adoption 4-14, Growth 15-30",
            "Onboarding timeline | CS Agent playbook | Onboarding 0-30",
            "Onboarding stages | CS Specialist playbook (first value ours) | Initial Setup 0-3, User Training 4-10",
        ], OnboardingTemplates.All.Select(p => $"{p.Name} | {p.Source} | {string.Join(", ", p.Phases.Select(f => $"{f.Name} {f.StartDay}-{f.EndDay}"))}"));
    }

    /// <summary>The CS Agent timeline's days and steps, the CS Specialist stages' criteria, the journey's and the 30-60-90 plan's steps.</summary>
    [Fact]
    public void TheOtherPlaybookPlans_HaveTheirStepsAndCriteria()
    {
        Assert.Equal(["0 Welcome", "1 First login", "3 First key action", "7 First milestone", "14 First value", "30 Activated"],
            OnboardingTemplates.Seed004Timeline.Tasks.Select(t => $"{t.DayOffset} {t.Name}"));
        var stages = OnboardingTemplates.Seed002Stages.Tasks;
        Assert.Equal(["Account created and verified", "Initial team members added", "Basic settings configured"], stages[0].SuccessCriteria);
        Assert.Equal(["Training sessions completed", "Key features demonstrated", "Questions addressed"], stages[1].SuccessCriteria);
        Assert.Equal([3, 7], stages.Select(t => t.ExpectedDurationDays!.Value));
        Assert.Equal(["Initial Setup", "User Training"], stages.Select(t => t.Name));
        Assert.Equal(
            ["0 Account created", "1 First value reached", "3 Activated: first key action done", "13 Regular use established", "14 Converted to a paid plan", "29 Success criteria met", "30 Expansion conversation"],
            OnboardingTemplates.Seed000Journey.Tasks.Select(t => $"{t.DayOffset} {t.Name}"));
        Assert.Equal(
            ["3 Kickoff call", "7 Configure the account", "10 Import data", "14 Admin training", "21 End-user training", "30 First value achieved",
             "45 Advanced features adopted", "60 Power users identified", "75 First business review", "80 ROI documented", "90 Reference or expansion conversation"],
            OnboardingTemplates.Seed001ThirtySixtyNinety.Tasks.Select(t => $"{t.DayOffset} {t.Name}"));
        Assert.Equal(["Success plan", "Trained admins", "Trained users", "First outcome", "Business review deck", "ROI summary"],
            OnboardingTemplates.Seed001ThirtySixtyNinety.Tasks.Select(t => t.Deliverable).OfType<string>());
        Assert.Equal(["Kickoff call", "Integration set up", "Admin training", "Team pilot", "End-user training", "First value review", "Business review", "Graduation from onboarding"],
            OnboardingTemplates.MidMarket.Tasks.Select(t => t.Name));
        Assert.Equal(["Kickoff call", "Account set up", "Training webinar", "First value achieved", "Check-in call", "Graduation from onboarding"],
            OnboardingTemplates.Smb.Tasks.Select(t => t.Name));
    }

    [Fact]
    public void TwoTasksEquallyLate_AreListedById_AndATaskDueToday_IsANextActionNotOverdue()
    {
        var tracker = new OnboardingTracker();

        var late = tracker.Track(Small, Start, [Done("kickoff", 1), Done("value", 5)], Start.PlusDays(12));
        var dueToday = tracker.Track(Small, Start, [Done("kickoff", 1), Done("value", 5)], Start.PlusDays(10));

        Assert.Equal(["a 2", "b 2"], late.Overdue.Select(o => $"{o.Task.Id} {o.DaysLate}"));
        Assert.Empty(dueToday.Overdue);
        Assert.Equal(["b", "a"], dueToday.NextActions.Select(t => t.Id).OrderDescending());
        Assert.Equal(OnboardingStatus.OnTrack, dueToday.Status);
    }

    [Fact]
    public void Stuck_StartsOnTheDayTheThresholdIsReached()
    {
        var tracker = new OnboardingTracker(new OnboardingTrackerOptions { StuckAfterDaysWithoutProgress = 5 });

        // Last progress on day 5; tasks a and b overdue from day 11.
        var behind = tracker.Track(Small, Start, [Done("kickoff", 1), Done("value", 5)], Start.PlusDays(9 + 2));
        var stuck = tracker.Track(Small, Start, [Done("kickoff", 1), Done("value", 5)], Start.PlusDays(10 + 2));

        Assert.Equal((OnboardingStatus.Stuck, OnboardingStatus.Stuck), (behind.Status, stuck.Status));
        var justBehind = new OnboardingTracker(new OnboardingTrackerOptions { StuckAfterDaysWithoutProgress = 7 }).Track(Small, Start, [Done("kickoff", 1), Done("value", 5)], Start.PlusDays(11));
        var justStuck = new OnboardingTracker(new OnboardingTrackerOptions { StuckAfterDaysWithoutProgress = 6 }).Track(Small, Start, [Done("kickoff", 1), Done("value", 5)], Start.PlusDays(11));
        Assert.Equal(OnboardingStatus.Behind, justBehind.Status);   // 6 days without progress, 7 needed
        Assert.Equal(OnboardingStatus.Stuck, justStuck.Status);     // 6 days, 6 needed
    }

    [Fact]
    public void TheOptions_AreUsed_AndEveryBadOneIsListed()
    {
        var one = new OnboardingTracker(new OnboardingTrackerOptions { NextActionCount = 1 }).Track(Small, Start, [], Start);
        Assert.Equal(["kickoff"], one.NextActions.Select(t => t.Id));
        Assert.Null(one.ProjectedCompletion);   // nothing done: no pace to project from

        var error = Assert.Throws<ArgumentException>(() => new OnboardingTracker(new OnboardingTrackerOptions
        {
            StuckAfterDaysWithoutProgress = 0, NextActionCount = 0, KickoffWithinDays = -1, CompleteWithinDays = 0, KickoffTaskId = " ",
        }));
        foreach (var name in new[] { "StuckAfterDaysWithoutProgress", "NextActionCount", "KickoffWithinDays", "CompleteWithinDays", "KickoffTaskId is empty" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheKickoffAndCompletionDeadlines_IncludeTheirLastDay()
    {
        var tracker = new OnboardingTracker(new OnboardingTrackerOptions { KickoffWithinDays = 3, CompleteWithinDays = 12 });

        Assert.True(tracker.Track(Small, Start, [Done("kickoff", 3)], Start.PlusDays(4)).KickoffOnTime);
        Assert.False(tracker.Track(Small, Start, [Done("kickoff", 4)], Start.PlusDays(4)).KickoffOnTime);
        Assert.Null(tracker.Track(Small, Start, [], Start.PlusDays(3)).KickoffOnTime);
        Assert.False(tracker.Track(Small, Start, [], Start.PlusDays(4)).KickoffOnTime);

        TaskCompletion[] all(int last) => [Done("kickoff", 1), Done("value", 5), Done("a", 10), Done("b", last)];
        Assert.True(tracker.Track(Small, Start, all(12), Start.PlusDays(12)).CompletedOnTime);
        Assert.False(tracker.Track(Small, Start, all(13), Start.PlusDays(13)).CompletedOnTime);
        Assert.Null(tracker.Track(Small, Start, [], Start.PlusDays(12)).CompletedOnTime);
        Assert.False(tracker.Track(Small, Start, [], Start.PlusDays(13)).CompletedOnTime);
        Assert.Equal(1.0, tracker.Track(Small, Start, all(12), Start.PlusDays(12)).Progress);
    }

    /// <summary>
    /// The portfolio's time-to-value targets at their boundaries: first value on day 1 is not under 24 hours (the Petra
    /// playbook's "under"), day 0 is; 30 days meets the CS Manager playbook's "within 30 days", 31 does not. The average
    /// is a mean: first values on days 0 and 2 average 1.
    /// </summary>
    [Fact]
    public void ThePortfoliosTimeToValueTargets_AtTheirBoundaries()
    {
        var tracker = new OnboardingTracker();
        OnboardingProgress ValueOn(int day) => tracker.Track(Small, Start, [Done("value", day)], Start.PlusDays(Math.Max(day, 1)));

        var sameDay = OnboardingPortfolio.Summarize([ValueOn(0)]);
        var nextDay = OnboardingPortfolio.Summarize([ValueOn(1)]);
        var mixed = OnboardingPortfolio.Summarize([ValueOn(0), ValueOn(2)]);
        var thirty = OnboardingPortfolio.Summarize([tracker.Track(OnboardingTemplates.Seed003Enterprise, Start, [Done("first-value-review", 30)], Start.PlusDays(30))]);
        var late = OnboardingPortfolio.Summarize([tracker.Track(OnboardingTemplates.Seed003Enterprise, Start, [Done("first-value-review", 31)], Start.PlusDays(31))]);

        Assert.True(sameDay.MeetsFastTimeToFirstValue);
        Assert.False(nextDay.MeetsFastTimeToFirstValue);
        Assert.Equal(1.0, mixed.AverageTimeToFirstValueDays);
        Assert.True(thirty.MeetsTimeToValue);
        Assert.False(late.MeetsTimeToValue);
        Assert.Contains("customer #1 is null", Assert.Throws<ArgumentException>(() => OnboardingPortfolio.Summarize([ValueOn(0), null!])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APhasesTasks_AreByDay_AndAPhaseWithoutTasksIsDone()
    {
        var phase = new OnboardingPhase("p", 0, 9, [new("late", "Late", 9, "CSM"), new("early", "Early", 2, "CSM")]);

        Assert.Equal(["early", "late"], phase.Tasks.Select(t => t.Id));
        Assert.Equal(1.0, new PhaseProgress(new OnboardingPhase("empty", 0, 1, []), 0, 0).Progress);
        Assert.Equal(0.5, new PhaseProgress(phase, 1, 2).Progress);
        Assert.Contains("is due on day -1", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingTask("t", "T", -1, "CSM")).Message, StringComparison.Ordinal);
        Assert.Contains("the id of the task", Assert.Throws<ArgumentException>(() => new TaskCompletion(" ", Start)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlansTasks_AreByDay_AndItsChecksNameEveryProblem()
    {
        Assert.Equal(["kickoff", "value", "b", "a"], Small.Tasks.Select(t => t.Id));
        var late = new OnboardingPhase("late", 10, 20, [new("z", "Z", 12, "CSM", isFirstValue: true)]);
        var early = new OnboardingPhase("early", 0, 5, [new("y", "Y", 2, "CSM")]);
        var plan = new OnboardingPlan("p", "s", [late, early]);
        Assert.Equal(["early", "late"], plan.Phases.Select(p => p.Name));
        Assert.Equal(["y", "z"], plan.Tasks.Select(t => t.Id));
        Assert.Equal("p", plan.ToString());

        var error = Assert.Throws<ArgumentException>(() => new OnboardingPlan("bad", "s",
        [
            new OnboardingPhase("one", 0, 5, [new("x", "X", 6, "CSM"), new("X", "X again", 1, "CSM")]),
        ]));
        Assert.Contains("task 'x' is due on day 6, outside phase 'one' (days 0-5).", error.Message, StringComparison.Ordinal);
        Assert.Contains("the task id 'X' is used 2 times", error.Message, StringComparison.Ordinal);
        Assert.Contains("no task is the first-value milestone", error.Message, StringComparison.Ordinal);
        var noTasks = Assert.Throws<ArgumentException>(() => new OnboardingPlan("empty", "s", [new OnboardingPhase("none", 0, 1, [])])).Message;
        Assert.Contains("it has no tasks.", noTasks, StringComparison.Ordinal);
        Assert.DoesNotContain("first-value", noTasks, StringComparison.Ordinal);   // one problem, not a second about the milestone
        Assert.Contains("it has no phases.", Assert.Throws<ArgumentException>(() => new OnboardingPlan("empty", "s", [])).Message, StringComparison.Ordinal);
        Assert.Contains("has a null phase", Assert.Throws<ArgumentNullException>(() => new OnboardingPlan("n", "s", [null!])).Message, StringComparison.Ordinal);
        Assert.Contains("has a null task", Assert.Throws<ArgumentNullException>(() => new OnboardingPhase("n", 0, 1, [null!])).Message, StringComparison.Ordinal);
        Assert.Contains("starts on day -1", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingPhase("n", -1, 1, [])).Message, StringComparison.Ordinal);
        Assert.Contains("ends on day 0, before it starts on day 1", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingPhase("n", 1, 0, [])).Message, StringComparison.Ordinal);
        Assert.Contains("takes 0 days", Assert.Throws<ArgumentOutOfRangeException>(() => new OnboardingTask("t", "T", 1, "CSM", expectedDurationDays: 0)).Message, StringComparison.Ordinal);
        Assert.Equal(1, new OnboardingTask("t", "T", 1, "CSM", expectedDurationDays: 1).ExpectedDurationDays);
        Assert.Empty(new OnboardingTask("t", "T", 1, "CSM").SuccessCriteria);
    }
}
