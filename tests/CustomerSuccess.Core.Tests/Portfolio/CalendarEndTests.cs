using System;
using CustomerSuccess.Churn;
using CustomerSuccess.Nps;
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
}
