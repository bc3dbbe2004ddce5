using System;
using System.Linq;
using CustomerSuccess.Nps;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Nps;

public sealed class NpsTrendTests
{
    private static readonly NpsResponse[] Responses =
    [
        new(10, new LocalDate(2026, 1, 5), "enterprise", 50_000),
        new(9, new LocalDate(2026, 1, 31), "smb", 5_000),
        new(3, new LocalDate(2026, 3, 2), "Enterprise", 80_000),
        new(8, new LocalDate(2026, 3, 31)),
        new(10, new LocalDate(2026, 4, 1), "smb", 4_000),
    ];

    [Fact]
    public void ByMonth_ListsEveryMonthIncludingEmptyOnes()
    {
        var months = NpsTrend.ByMonth(Responses);

        Assert.Equal(4, months.Count);
        Assert.Equal(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)), months[0].Period);
        Assert.Equal(new NpsSummary(2, 0, 0), months[0].Summary);
        Assert.False(months[1].Summary.HasScore);                       // February: no responses, no score
        Assert.Equal(new LocalDate(2026, 2, 28), months[1].Period.End);
        Assert.Equal(new NpsSummary(0, 1, 1), months[2].Summary);       // March: −50
        Assert.Equal(-50.0, months[2].Summary.Score);
        Assert.Equal(new NpsSummary(1, 0, 0), months[3].Summary);
        Assert.Equal(-100.0 * 80_000 / 80_001, months[2].Weighted.Score, 1e-9);
    }

    [Fact]
    public void ByQuarter_GroupsCalendarQuarters()
    {
        var quarters = NpsTrend.ByQuarter(Responses);

        Assert.Equal(2, quarters.Count);
        Assert.Equal(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)), quarters[0].Period);
        Assert.Equal(new NpsSummary(2, 1, 1), quarters[0].Summary);
        Assert.Equal(new LocalDate(2026, 6, 30), quarters[1].Period.End);
    }

    [Fact]
    public void RollingByMonth_ThreeMonths_MergesTheWindow()
    {
        var rolling = NpsTrend.RollingByMonth(Responses, 3);

        Assert.Equal(4, rolling.Count);
        Assert.Equal(new NpsSummary(2, 1, 1), rolling[2].Summary);      // January to March
        Assert.Equal(new NpsSummary(1, 1, 1), rolling[3].Summary);      // February to April
        Assert.Equal(new LocalDate(2026, 2, 1), rolling[3].Period.Start);
        Assert.Equal(new LocalDate(2025, 11, 1), rolling[0].Period.Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsTrend.RollingByMonth(Responses, 0));
    }

    [Fact]
    public void BySegment_GroupsIgnoringCase_AndKeepsResponsesWithoutASegment()
    {
        var segments = NpsTrend.BySegment(Responses);

        Assert.Equal(new NpsSummary(1, 0, 1), segments["ENTERPRISE"]);
        Assert.Equal(new NpsSummary(2, 0, 0), segments["smb"]);
        Assert.Equal(new NpsSummary(0, 1, 0), segments[NpsTrend.NoSegment]);
    }

    [Fact]
    public void ByMonth_NoResponses_IsEmpty()
    {
        Assert.Empty(NpsTrend.ByMonth([]));
    }

    [Fact]
    public void FollowUpPlan_Detractor_IsDueAt24And48HoursAndAWeek()
    {
        var respondedAt = Instant.FromUtc(2026, 3, 2, 9, 30);

        var followUps = NpsFollowUpPlan.Default.Schedule(4, respondedAt);

        Assert.Equal(
            [respondedAt + Duration.FromHours(24), respondedAt + Duration.FromHours(48), respondedAt + Duration.FromDays(7)],
            followUps.Select(f => f.Due));
        Assert.All(followUps, f => Assert.Equal(NpsCategory.Detractor, f.Category));
        Assert.Contains("Executive escalation", followUps[2].Step.Action);
    }

    [Fact]
    public void FollowUpPlan_PassiveAndPromoter_FollowTheSeeds()
    {
        var respondedAt = Instant.FromUtc(2026, 3, 2, 9, 30);

        var passive = NpsFollowUpPlan.Default.Schedule(8, respondedAt);
        var promoter = NpsFollowUpPlan.Default.Schedule(10, respondedAt);
        var detractor = NpsFollowUpPlan.Default.Schedule(3, respondedAt);

        // CS Expert playbook: passives "Understand barriers" (CSM, within 1 week) and "Value reinforcement" (CSM, ongoing).
        Assert.Equal(respondedAt + Duration.FromDays(7), passive[0].Due);
        Assert.Contains("What would make it a 10?", passive[0].Step.Action);
        Assert.StartsWith("Value reinforcement", passive[1].Step.Action, StringComparison.Ordinal);

        // Promoters: "Share internally" (CSM, immediate), thank-you (CSM, 48 hours), advocacy invitation (Customer Marketing, 1 week).
        Assert.Equal([Duration.Zero, Duration.FromHours(48), Duration.FromDays(7)], promoter.Select(f => f.Step.DueAfter));
        Assert.StartsWith("Share internally", promoter[0].Step.Action, StringComparison.Ordinal);
        Assert.Equal(["CSM", "CSM", "Customer Marketing"], promoter.Select(f => f.Step.Owner));

        // Detractors: call (CSM, 24 hours), recovery plan (CSM + Manager, 48 hours), escalation (VP of Customer Success, 1 week).
        Assert.Equal(["CSM", "CSM + Manager", "VP of Customer Success"], detractor.Select(f => f.Step.Owner));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsFollowUpPlan.Default.Schedule(11, respondedAt));
    }

    [Fact]
    public void FollowUpStep_NegativeDelay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsFollowUpStep("Call", "CSM", Duration.FromHours(-1)));
    }

    [Fact]
    public void Cadence_Seed004_Is30And90DaysThenQuarterly()
    {
        // From 31 January 2026: +30 days = 2 March, +90 days = 1 May, then 1 August, 1 November, 1 February 2027.
        var dates = NpsSurveyCadence.Seed004.ScheduledDates(new LocalDate(2026, 1, 31)).Take(5);

        Assert.Equal(
            [new LocalDate(2026, 3, 2), new LocalDate(2026, 5, 1), new LocalDate(2026, 8, 1), new LocalDate(2026, 11, 1), new LocalDate(2027, 2, 1)],
            dates);
    }

    [Fact]
    public void Cadence_NextDue_IsOverdueWhenPastAndCoveredBySurveys()
    {
        var start = new LocalDate(2026, 1, 31);
        var cadence = NpsSurveyCadence.Seed004;

        var never = cadence.NextDue(start, new LocalDate(2026, 3, 10));
        var afterFirst = cadence.NextDue(start, new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 3));
        var early = cadence.NextDue(start, new LocalDate(2026, 2, 10));

        Assert.Equal(new NpsSurveyStatus(new LocalDate(2026, 3, 2), true, 8), never);
        Assert.Equal(new NpsSurveyStatus(new LocalDate(2026, 5, 1), false, 0), afterFirst);
        Assert.Equal(new NpsSurveyStatus(new LocalDate(2026, 3, 2), false, 0), early);
    }

    [Fact]
    public void Cadence_DatesOutOfOrder_Throw()
    {
        var start = new LocalDate(2026, 1, 31);

        Assert.Throws<ArgumentException>(() => NpsSurveyCadence.Seed004.NextDue(start, new LocalDate(2026, 1, 1)));
        Assert.Throws<ArgumentException>(() => NpsSurveyCadence.Seed004.NextDue(start, new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSurveyCadence(90, 30, 3));
    }
}
