using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Renewals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Renewals;

/// <summary>The edges of the renewal area's checks and figures, each one a boundary a mutation of the code would move.</summary>
public sealed class RenewalEdgeTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 22);

    private static Contract Annual(string id = "A", decimal arr = 100_000m, bool autoRenews = false) =>
        new(id, new LocalDate(2026, 1, 1), Period.FromYears(1), autoRenews, arr);

    [Theory]
    [InlineData("Green", 0.95)]
    [InlineData("yellow", 0.80)]
    [InlineData("RED", 0.50)]
    [InlineData("Low", 0.95)]
    [InlineData("Medium", 0.80)]
    [InlineData("High", 0.50)]
    [InlineData("Critical", 0.25)]
    [InlineData("Purple", 0.85)]
    [InlineData(null, 0.85)]
    public void DefaultTable_GivesEachLabelItsProbability_IgnoringCase(string? label, double p) =>
        Assert.Equal(p, RenewalProbabilityTable.Default.ProbabilityOf(label));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Table_AcceptsTheEndsOfZeroToOne(double p)
    {
        var table = new RenewalProbabilityTable(new Dictionary<string, double> { ["x"] = p }, p);
        Assert.Equal(p, table.ProbabilityOf("x"));
        Assert.Equal(p, table.ProbabilityOf("other"));
        Assert.Equal(p, new RenewalForecastInput(Annual(), probability: p).Probability);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Table_AndInput_RefuseAProbabilityOutsideZeroToOne(double p)
    {
        var label = Assert.Throws<ArgumentException>(() => new RenewalProbabilityTable(new Dictionary<string, double> { ["x"] = p }, 0.5));
        Assert.Equal("byLabel", label.ParamName);
        Assert.Contains("Renewal probability table", label.Message, StringComparison.Ordinal);
        Assert.Contains("the renewal probability of 'x'", label.Message, StringComparison.Ordinal);
        Assert.Contains("the default renewal probability", Assert.Throws<ArgumentException>(() => new RenewalProbabilityTable(new Dictionary<string, double>(), p)).Message, StringComparison.Ordinal);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => new RenewalForecastInput(Annual(), probability: p)).ParamName);
    }

    [Fact]
    public void Table_TwoLabelsDifferingInCase_AreRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RenewalProbabilityTable(new Dictionary<string, double> { ["Green"] = 0.9, ["green"] = 0.8 }, 0.5));
        Assert.Contains("appears 2 times ignoring case", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_AProbabilityOverridesTheLabel_AndAGivenTableIsUsed()
    {
        var table = new RenewalProbabilityTable(new Dictionary<string, double> { ["Green"] = 0.5 }, 0.1);
        var forecast = RenewalForecast.Build([new RenewalForecastInput(Annual("A"), "Green"), new RenewalForecastInput(Annual("B"), "Green", probability: 1)], AsOf, table);

        Assert.Equal(50_000m + 100_000m, forecast.ExpectedRevenue);
        Assert.Equal(200_000m, forecast.TotalRevenue);
        Assert.Equal(200_000m, Assert.Single(forecast.Buckets).Revenue);
        Assert.Equal(0.75, forecast.ExpectedGrossRenewalRate);
    }

    [Fact]
    public void Forecast_NoRevenueUpForRenewal_HasNoRate_AndSameDayRenewalsAreOrderedById()
    {
        var zero = RenewalForecast.Build([new RenewalForecastInput(Annual("Z", arr: 0m), "Green")], AsOf);
        Assert.Null(zero.ExpectedGrossRenewalRate);

        var forecast = RenewalForecast.Build([new RenewalForecastInput(Annual("B"), "Green"), new RenewalForecastInput(Annual("A"), "Red")], AsOf);
        Assert.Equal(["A", "B"], forecast.Renewals.Select(r => r.Contract.Id));
        Assert.Equal("inputs", Assert.Throws<ArgumentNullException>(() => RenewalForecast.Build([null!], AsOf)).ParamName);
    }

    [Fact]
    public void Forecast_AContractEndingOnTheForecastDate_IsStillUpForRenewal_TheDayAfterItHasEnded()
    {
        var end = Annual().EndOfTerm(1);                   // 2027-01-01
        Assert.Single(RenewalForecast.Build([new RenewalForecastInput(Annual(), "Green")], end).Renewals);
        var after = RenewalForecast.Build([new RenewalForecastInput(Annual(), "Green")], end.PlusDays(1));
        Assert.Empty(after.Renewals);
        Assert.Equal(1, after.Ended);
        Assert.Equal(0, Annual().DaysUntilRenewal(end));
    }

    [Fact]
    public void Within_ZeroDays_IsTheRenewalsDueToday_AndANegativeHorizonIsRefused()
    {
        var end = Annual().EndOfTerm(1);
        var forecast = RenewalForecast.Build([new RenewalForecastInput(Annual(), "Green")], end);
        Assert.Single(forecast.Within(0));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => forecast.Within(-1));
        Assert.Equal("days", ex.ParamName);
        Assert.Contains("the horizon must be 0 days or more", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_ZeroRevenueIsValid_AndTermNumbersStartAtOne()
    {
        Assert.Equal(0m, Annual(arr: 0m).AnnualRecurringRevenue);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Annual().EndOfTerm(0)).ParamName);
        Assert.Contains("A: from 2026-01-01", Annual().ToString(), StringComparison.Ordinal);
        Assert.Contains("single term", Annual().ToString(), StringComparison.Ordinal);
        Assert.Contains("auto-renews", Annual(autoRenews: true).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_AutoRenewing_LongTermsFindTheRenewalInForce()
    {
        // Mixed terms: the search starts from a term that cannot be past the answer, for years, months, weeks and days.
        var mixed = new Contract("M", new LocalDate(2000, 1, 31), new PeriodBuilder { Years = 1, Months = 2, Weeks = 1, Days = 3 }.Build(), true, 1m);
        var asOf = new LocalDate(2026, 11, 22);
        var date = mixed.RenewalDateAsOf(asOf);
        Assert.True(date >= asOf);
        var n = 1;
        while (mixed.EndOfTerm(n) < asOf)
        {
            n++;
        }

        Assert.Equal(mixed.EndOfTerm(n), date);
    }

    [Fact]
    public void Timeline_TheWindowOpensOnItsLastDay_AndItsArgumentsAreChecked()
    {
        var contract = Annual();
        var renewal = contract.EndOfTerm(1);
        Assert.True(RenewalTimeline.For(contract, RenewalPlaybook.Seed004, renewal.PlusDays(-90)).IsWindowOpen);
        Assert.False(RenewalTimeline.For(contract, RenewalPlaybook.Seed004, renewal.PlusDays(-91)).IsWindowOpen);
        Assert.True(RenewalTimeline.For(contract, RenewalPlaybook.Seed004, renewal, windowDays: 0).IsWindowOpen);
        Assert.Equal("contract", Assert.Throws<ArgumentNullException>(() => RenewalTimeline.For(null!, RenewalPlaybook.Seed004, AsOf)).ParamName);
        Assert.Equal("playbook", Assert.Throws<ArgumentNullException>(() => RenewalTimeline.For(contract, null!, AsOf)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RenewalTimeline.For(contract, RenewalPlaybook.Seed004, AsOf, windowDays: -1));
        Assert.Contains("the renewal window must be 0 days or more", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Playbook_NullAndEmptyCheckpoints_AreRefused_AndThePresetsAreNamed()
    {
        Assert.Contains("has a null checkpoint", Assert.Throws<ArgumentNullException>(() => new RenewalPlaybook("p", "ours", [null!])).Message, StringComparison.Ordinal);
        Assert.Contains("has no checkpoints", Assert.Throws<ArgumentException>(() => new RenewalPlaybook("p", "ours", [])).Message, StringComparison.Ordinal);
        Assert.Equal("Renewal playbook (CS Expert playbook)", RenewalPlaybook.Seed003.Name);
        Assert.Equal("Renewal playbook (CS Agent playbook)", RenewalPlaybook.Seed004.Name);
        Assert.Empty(new RenewalCheckpoint(30, "Call", "CSM").Deliverables);
        Assert.Equal(["Deck"], new RenewalCheckpoint(30, "Call", "CSM", ["Deck"]).Deliverables);
    }

    [Fact]
    public void Presets_NameTheirSources()
    {
        Assert.Equal("CS Expert playbook (owners ours)", RenewalPlaybook.Seed003.Source);
        Assert.Equal("CS Agent playbook", RenewalPlaybook.Seed004.Source);
    }

    [Fact]
    public void BadInput_Messages_SayWhatWasExpected()
    {
        var contract = Annual();
        Assert.Contains("the term number must be 1 or more but was 0", Assert.Throws<ArgumentOutOfRangeException>(() => contract.EndOfTerm(0)).Message, StringComparison.Ordinal);

        var last = new Contract("L", new LocalDate(9999, 1, 1), Period.FromMonths(6), autoRenews: true, 1m);
        var late = Assert.Throws<ArgumentOutOfRangeException>(() => last.RenewalDateAsOf(new LocalDate(9999, 12, 1)));
        Assert.Contains("would fall after the last date of the calendar, 9999-12-31", late.Message, StringComparison.Ordinal);

        var overflow = Assert.Throws<ArgumentException>(() => RenewalForecast.Build([new(Annual("A", decimal.MaxValue)), new(Annual("B", decimal.MaxValue))], AsOf, period: RenewalForecastPeriod.Quarter));
        Assert.Contains("adds up to more than a decimal holds", overflow.Message, StringComparison.Ordinal);

        var sameDay = Assert.Throws<ArgumentException>(() => new RenewalPlaybook("p", "ours", [new(30, "a", "CSM"), new(30, "b", "CSM")]));
        Assert.Contains("has two checkpoints on one day", sameDay.Message, StringComparison.Ordinal);
    }
}
