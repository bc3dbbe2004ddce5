using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Renewals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Renewals;

public sealed class RenewalTests
{
    private static readonly Contract Annual = new("ACME-1", new LocalDate(2026, 1, 15), Period.FromYears(1), autoRenews: true, 120_000m);

    [Fact]
    public void RenewalDate_AnnualContract_IsTheEndOfTheTermInForce()
    {
        Assert.Equal(new LocalDate(2027, 1, 15), Annual.RenewalDateAsOf(new LocalDate(2026, 11, 22)));
        Assert.Equal(new LocalDate(2026, 1, 15).PlusYears(1), Annual.RenewalDateAsOf(Annual.Start));
        Assert.Equal(new LocalDate(2027, 1, 15), Annual.RenewalDateAsOf(new LocalDate(2027, 1, 15)));     // on the day: 0 days
        Assert.Equal(new LocalDate(2028, 1, 15), Annual.RenewalDateAsOf(new LocalDate(2027, 1, 16)));     // the next day: next term
        Assert.Equal(0, Annual.DaysUntilRenewal(new LocalDate(2027, 1, 15)));
        Assert.Equal(54, Annual.DaysUntilRenewal(new LocalDate(2026, 11, 22)));
    }

    [Fact]
    public void RenewalDate_MonthlyFrom31January_FollowsMonthEndsWithoutDrift()
    {
        // 31 January + 1 month = 28 February; + 2 months = 31 March (computed from the start, not from 28 February).
        var monthly = new Contract("M-1", new LocalDate(2026, 1, 31), Period.FromMonths(1), autoRenews: true, 1_200m);

        Assert.Equal(
            [new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 30), new LocalDate(2026, 5, 31)],
            Enumerable.Range(1, 4).Select(monthly.EndOfTerm));
        Assert.Equal(new LocalDate(2026, 3, 31), monthly.RenewalDateAsOf(new LocalDate(2026, 3, 1)));
        Assert.Equal(new LocalDate(2026, 2, 28), monthly.RenewalDateAsOf(new LocalDate(2026, 2, 28)));
        Assert.Equal(new LocalDate(2028, 2, 29), monthly.RenewalDateAsOf(new LocalDate(2028, 2, 10)));   // leap year
    }

    [Fact]
    public void RenewalDate_AnnualFromLeapDay_Is28FebruaryUntilTheNextLeapYear()
    {
        var leap = new Contract("L-1", new LocalDate(2024, 2, 29), Period.FromYears(1), autoRenews: true, 10_000m);

        Assert.Equal(
            [new LocalDate(2025, 2, 28), new LocalDate(2026, 2, 28), new LocalDate(2027, 2, 28), new LocalDate(2028, 2, 29)],
            Enumerable.Range(1, 4).Select(leap.EndOfTerm));
        Assert.Equal(new LocalDate(2028, 2, 29), leap.RenewalDateAsOf(new LocalDate(2028, 1, 1)));
    }

    [Fact]
    public void RenewalDate_MultiYearAndLongRun_StepsWholeTerms()
    {
        var threeYears = new Contract("T-1", new LocalDate(2020, 6, 30), Period.FromYears(3), autoRenews: true, 300_000m);
        var daily = new Contract("D-1", new LocalDate(2000, 1, 1), Period.FromDays(1), autoRenews: true, 1m);

        Assert.Equal(new LocalDate(2026, 6, 30), threeYears.RenewalDateAsOf(new LocalDate(2025, 1, 1)));
        Assert.Equal(new LocalDate(2026, 11, 22), daily.RenewalDateAsOf(new LocalDate(2026, 11, 22)));
    }

    [Fact]
    public void RenewalDate_SingleTermContract_EndsAndThenThrows()
    {
        var once = new Contract("O-1", new LocalDate(2026, 1, 1), Period.FromMonths(6), autoRenews: false, 5_000m);

        Assert.Equal(new LocalDate(2026, 7, 1), once.RenewalDateAsOf(new LocalDate(2026, 3, 1)));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => once.RenewalDateAsOf(new LocalDate(2026, 7, 2)));
        Assert.Contains("contract 'O-1' ended on 2026-07-01 and does not renew automatically", ex.Message);
    }

    [Fact]
    public void RenewalDate_AsOfBeforeStart_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Annual.RenewalDateAsOf(new LocalDate(2025, 12, 31)));

        Assert.Contains("the as-of date 2025-12-31 is before the start 2026-01-15 of contract 'ACME-1'", ex.Message);
    }

    public static TheoryData<Period> BadTerms => new() { Period.Zero, Period.FromMonths(-1), Period.FromHours(1), Period.FromMonths(1) + Period.FromDays(-1) };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public void Contract_NonPositiveTerm_Throws(Period term)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Contract("X", new LocalDate(2026, 1, 1), term, true, 1m));

        Assert.Equal("term", ex.ParamName);
        Assert.Contains("the term of contract 'X' must be a positive period", ex.Message);
    }

    [Fact]
    public void Contract_NegativeRevenue_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Contract("X", new LocalDate(2026, 1, 1), Period.FromYears(1), true, -1m));

        Assert.Contains("the annual recurring revenue of contract 'X' must be 0 or more but was -1", ex.Message);
    }

    [Fact]
    public void Timeline_Seed004_Dates54DaysOut()
    {
        // Renewal 2027-01-15 as of 2026-11-22 (54 days): 90 → 2026-10-17 (done), 60 → 2026-11-16 (overdue),
        // 30 → 2026-12-16, 14 → 2027-01-01, 7 → 2027-01-08, 0 → 2027-01-15 (upcoming). The window (90 days) is open.
        var playbook = RenewalPlaybook.Seed004;
        var timeline = RenewalTimeline.For(Annual, playbook, new LocalDate(2026, 11, 22), [playbook.Checkpoints[0]]);

        Assert.Equal(new LocalDate(2027, 1, 15), timeline.RenewalDate);
        Assert.Equal(54, timeline.DaysUntilRenewal);
        Assert.True(timeline.IsWindowOpen);
        Assert.Equal(
            [new LocalDate(2026, 10, 17), new LocalDate(2026, 11, 16), new LocalDate(2026, 12, 16), new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 8), new LocalDate(2027, 1, 15)],
            timeline.Checkpoints.Select(c => c.DueDate));
        Assert.Equal(
            [RenewalCheckpointState.Done, RenewalCheckpointState.Overdue, RenewalCheckpointState.Upcoming, RenewalCheckpointState.Upcoming, RenewalCheckpointState.Upcoming, RenewalCheckpointState.Upcoming],
            timeline.Checkpoints.Select(c => c.State));
        Assert.Equal("QBR with renewal discussion", timeline.NextAction!.Checkpoint.Action);
        Assert.Equal("CSM + Sales", timeline.NextAction.Checkpoint.Owner);
    }

    [Fact]
    public void Timeline_Seed003_167DaysOut_WindowClosed()
    {
        // Renewal 2027-01-15 as of 2026-08-01: 167 days. 120 → 2026-09-17, 90 → 2026-10-17, 60 → 2026-11-16, 30 → 2026-12-16.
        var timeline = RenewalTimeline.For(Annual, RenewalPlaybook.Seed003, new LocalDate(2026, 8, 1));

        Assert.Equal(167, timeline.DaysUntilRenewal);
        Assert.False(timeline.IsWindowOpen);
        Assert.Equal([new LocalDate(2026, 9, 17), new LocalDate(2026, 10, 17), new LocalDate(2026, 11, 16), new LocalDate(2026, 12, 16)], timeline.Checkpoints.Select(c => c.DueDate));
        Assert.All(timeline.Checkpoints, c => Assert.Equal(RenewalCheckpointState.Upcoming, c.State));
        Assert.Equal(120, timeline.NextAction!.Checkpoint.DaysBefore);
    }

    [Fact]
    public void Timeline_OnACheckpointsDay_ItIsDue_AndAllDoneLeavesNoNextAction()
    {
        var playbook = RenewalPlaybook.Seed004;

        var due = RenewalTimeline.For(Annual, playbook, new LocalDate(2026, 12, 16), playbook.Checkpoints.Take(2));
        var allDone = RenewalTimeline.For(Annual, playbook, new LocalDate(2027, 1, 15), playbook.Checkpoints);

        Assert.Equal(RenewalCheckpointState.Due, due.Checkpoints[2].State);
        Assert.Equal(30, due.NextAction!.Checkpoint.DaysBefore);
        Assert.Null(allDone.NextAction);
    }

    [Fact]
    public void Timeline_DoneCheckpointNotInThePlaybook_Throws()
    {
        var foreign = new RenewalCheckpoint(45, "Something else", "CSM");

        var ex = Assert.Throws<ArgumentException>(() => RenewalTimeline.For(Annual, RenewalPlaybook.Seed004, new LocalDate(2026, 11, 22), [foreign]));

        Assert.Contains("checkpoint '45 days out: Something else (CSM)' is not in playbook 'Renewal playbook (CS Agent playbook)'", ex.Message);
    }

    [Fact]
    public void Playbook_NegativeDaysAndDuplicates_Throw()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new RenewalCheckpoint(-5, "Call", "CSM"));
        var duplicate = Assert.Throws<ArgumentException>(() => new RenewalPlaybook("dup", "ours", [new(30, "Call", "CSM"), new(30, "call", "Sales")]));

        Assert.Contains("must be 0 or more but were -5", negative.Message);
        Assert.Contains("renewal playbook 'dup' has two checkpoints on one day (30 days before: 'Call', 'call'); put their actions in one checkpoint", duplicate.Message);
    }

    [Fact]
    public void Forecast_FourContracts_ExpectedRevenueByHand()
    {
        // A 100 000 Green (0.95) renews 2027-02-01; B 50 000 High (0.50) renews 2027-02-20; C 20 000 unknown (0.85)
        // renews 2027-04-10; D ended. Expected 95 000 + 25 000 + 17 000 = 137 000 of 170 000: rate 0.805882…
        var asOf = new LocalDate(2026, 11, 22);
        RenewalForecastInput[] inputs =
        [
            new(new Contract("A", new LocalDate(2026, 2, 1), Period.FromYears(1), true, 100_000m), "green"),
            new(new Contract("B", new LocalDate(2025, 2, 20), Period.FromYears(1), true, 50_000m), "High"),
            new(new Contract("C", new LocalDate(2026, 4, 10), Period.FromYears(1), true, 20_000m)),
            new(new Contract("D", new LocalDate(2025, 1, 1), Period.FromMonths(6), false, 9_000m), "Green"),
        ];

        var forecast = RenewalForecast.Build(inputs, asOf);

        Assert.Equal(170_000m, forecast.TotalRevenue);
        Assert.Equal(137_000m, forecast.ExpectedRevenue);
        Assert.Equal(137.0 / 170, forecast.ExpectedGrossRenewalRate!.Value, 1e-12);
        Assert.Equal(1, forecast.Ended);
        Assert.Equal(["A", "B", "C"], forecast.Renewals.Select(r => r.Contract.Id));
        Assert.Equal([2, 0, 1], forecast.Buckets.Select(b => b.Contracts));              // February, March (empty), April
        Assert.Equal([120_000m, 0m, 17_000m], forecast.Buckets.Select(b => b.ExpectedRevenue));
        Assert.Equal(new DateInterval(new LocalDate(2027, 2, 1), new LocalDate(2027, 2, 28)), forecast.Buckets[0].Period);
        Assert.Equal(["A"], forecast.Within(71).Select(r => r.Contract.Id));                 // 2027-02-01 is 71 days out
        Assert.Equal(2, RenewalForecast.Build(inputs, asOf, period: RenewalForecastPeriod.Quarter).Buckets.Count);
    }

    [Fact]
    public void Forecast_ProbabilityOutOfRange_Throws()
    {
        var contract = new Contract("A", new LocalDate(2026, 2, 1), Period.FromYears(1), true, 1m);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RenewalForecastInput(contract, probability: 1.5));
        var table = Assert.Throws<ArgumentException>(() => new RenewalProbabilityTable(new Dictionary<string, double> { ["Green"] = -0.1 }, 2));

        Assert.Contains("the renewal probability of contract 'A' must be in [0, 1] but was 1.5", ex.Message);
        Assert.Contains("the renewal probability of 'Green' is -0.1", table.Message);
        Assert.Contains("the default renewal probability is 2", table.Message);
    }
}
