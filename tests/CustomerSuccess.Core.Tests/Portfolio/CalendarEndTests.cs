using System;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Nps;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Renewals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>Dates near the end of the calendar (9999-12-31 is a common "no end date") meet a clear error or a result, never NodaTime's overflow.</summary>
public sealed class CalendarEndTests
{
    private static readonly LocalDate LastDay = new(9999, 12, 31);

    [Fact]
    public void NpsTrend_AResponseOnTheLastDay_IsInTheLastMonth()
    {
        var month = Assert.Single(NpsTrend.ByMonth([new NpsResponse(10, LastDay)]));
        Assert.Equal(new LocalDate(9999, 12, 1), month.Period.Start);
        Assert.Equal(LastDay, month.Period.End);
        Assert.Single(NpsTrend.ByQuarter([new NpsResponse(3, LastDay)]));
    }

    [Fact]
    public void Planner_StepsPastTheLastDay_AreAnArgumentError()
    {
        var assessment = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(new LocalDate(9999, 12, 25)) { HealthScore = 10 });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnActionPlanner().Plan(assessment, new LocalDate(9999, 12, 25)));
        Assert.Equal("start", ex.ParamName);
        Assert.Contains("9999-12-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaybookStep_AnOffsetBeyondTheCalendar_IsRefused() =>
        Assert.Equal("dayOffset", Assert.Throws<ArgumentOutOfRangeException>(() => new PlaybookStep(int.MaxValue, "x", "CSM", "email")).ParamName);

    [Fact]
    public void Contract_RenewalBeyondTheLastDay_IsAnErrorNamingAsOf()
    {
        var contract = new Contract("LAST", new LocalDate(9999, 1, 1), Period.FromYears(1), autoRenews: true, 1m);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => contract.DaysUntilRenewal(new LocalDate(9999, 12, 31)));
        Assert.Equal("asOf", ex.ParamName);
    }

    [Fact]
    public void SurveyCadence_NearTheLastDay_EndsTheScheduleThere_AndNamesStartWhenNothingIsLeft()
    {
        // 9999-01-01: first survey +30 days (01-31), second +90 (04-01), then quarterly: 07-01, 10-01; 9999-12-31 is the last day.
        var dates = NpsSurveyCadence.Seed004.ScheduledDates(new LocalDate(9999, 1, 1)).ToList();
        Assert.Equal([new LocalDate(9999, 1, 31), new LocalDate(9999, 4, 1), new LocalDate(9999, 7, 1), new LocalDate(9999, 10, 1)], dates);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsSurveyCadence.Seed004.NextDue(new LocalDate(9999, 1, 1), LastDay, lastSurveyed: new LocalDate(9999, 12, 30)));
        Assert.Equal("start", ex.ParamName);
        Assert.Contains("9999-12-31", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(9999, 12, 1), NpsSurveyCadence.Seed004.NextDue(new LocalDate(9999, 11, 1), LastDay).NextDue);
    }

    [Fact]
    public void OnboardingTracker_StartedNearTheLastDay_TracksWithoutOverflow()
    {
        // The 90-day enterprise plan started on 9999-12-01: tasks due after 9999-12-31 are never overdue.
        var plan = OnboardingTemplates.Seed003Enterprise;
        var progress = new OnboardingTracker().Track(plan, new LocalDate(9999, 12, 1), [], LastDay);

        Assert.All(progress.Overdue, o => Assert.True(o.DueDate < LastDay));
        Assert.DoesNotContain(progress.Overdue, o => o.Task.DayOffset > 30);
        Assert.NotEmpty(progress.NextActions);

        // A pace that would finish after the last day gives no projected date.
        var slow = new OnboardingTracker().Track(plan, new LocalDate(9999, 6, 1), [new TaskCompletion(plan.Tasks[0].Id, new LocalDate(9999, 12, 30))], LastDay);
        Assert.Null(slow.ProjectedCompletion);
    }

    [Fact]
    public void NpsFollowUps_PastTheLastInstant_AreAnErrorNamingRespondedAt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsFollowUpPlan.Default.Schedule(2, Instant.FromUtc(9999, 12, 31, 12, 0)));
        Assert.Equal("respondedAt", ex.ParamName);
        Assert.All(NpsFollowUpPlan.Default.Schedule(2, Instant.FromUtc(9999, 12, 1, 0, 0)), f => Assert.True(f.Due > Instant.FromUtc(9999, 12, 1, 0, 0)));
    }

    [Fact]
    public void RenewalForecast_ATermEndingOnTheLastDay_IsBucketedInTheLastMonthAndQuarter()
    {
        var input = new RenewalForecastInput(new Contract("LAST", new LocalDate(9998, 12, 31), Period.FromYears(1), autoRenews: false, 10m), "Green");
        var monthly = RenewalForecast.Build([input], new LocalDate(9999, 6, 1));
        var quarterly = RenewalForecast.Build([input], new LocalDate(9999, 6, 1), period: RenewalForecastPeriod.Quarter);

        Assert.Equal(new DateInterval(new LocalDate(9999, 12, 1), LastDay), Assert.Single(monthly.Buckets).Period);
        Assert.Equal(new DateInterval(new LocalDate(9999, 10, 1), LastDay), Assert.Single(quarterly.Buckets).Period);
    }
}
