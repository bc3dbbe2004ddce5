using System;
using System.Linq;
using CustomerSuccess.Nps;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Nps;

public sealed class NpsSummaryTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Categorize_EveryBoundary_IsTheSeedCategory(int response, NpsCategory expected)
    {
        Assert.Equal(expected, NpsScale.Categorize(response));
        Assert.Equal(expected, NpsScale.Categorize((double)response));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Categorize_OutOfRange_ThrowsNamingValueAndRange(int response)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsScale.Categorize(response));

        Assert.Contains($"an NPS response must be a whole number in [0, 10] but was {response}", ex.Message);
    }

    [Theory]
    [InlineData(7.5)]
    [InlineData(double.NaN)]
    [InlineData(10.01)]
    public void Categorize_DoubleNotAWholeNumber_Throws(double response)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsScale.Categorize(response));

        Assert.Contains("must be a whole number in [0, 10]", ex.Message);
    }

    [Fact]
    public void From_30Promoters15Passives5Detractors_IsPlus50()
    {
        // 30 / 50 = 60 % promoters, 5 / 50 = 10 % detractors: 60 − 10 = +50 (Petra playbook's report).
        int[] responses = [.. Enumerable.Repeat(9, 20), .. Enumerable.Repeat(10, 10), .. Enumerable.Repeat(7, 15), .. Enumerable.Repeat(3, 5)];

        var summary = NpsSummary.From(responses);

        Assert.Equal(new NpsSummary(30, 15, 5), summary);
        Assert.Equal(50, summary.Total);
        Assert.Equal(50.0, summary.Score);
        Assert.Equal(60.0, summary.PromoterPercentage);
        Assert.Equal(30.0, summary.PassivePercentage);
        Assert.Equal(10.0, summary.DetractorPercentage);
        Assert.Equal(50, summary.RoundedScore());
        Assert.Equal("NPS +50 (30 promoters, 15 passives, 5 detractors)", summary.ToString());
    }

    [Fact]
    public void Score_OneThird_IsTheClosestDoubleAndRoundsLikeSurveyTools()
    {
        // 1 promoter, 2 passives: 100 × 1 / 3 = 33.33…; 1 promoter 1 passive: +50; 1 of 8 → 12.5 rounds to 13.
        Assert.Equal(100.0 / 3, new NpsSummary(1, 2, 0).Score);
        Assert.Equal(13, new NpsSummary(1, 7, 0).RoundedScore());
        Assert.Equal(-13, new NpsSummary(0, 7, 1).RoundedScore());
    }

    [Fact]
    public void Empty_HasNoScore_AndSaysSo()
    {
        var empty = NpsSummary.From(Array.Empty<int>());

        Assert.Equal(NpsSummary.Empty, empty);
        Assert.Equal(default, empty);
        Assert.False(empty.HasScore);
        Assert.Null(empty.ScoreOrNull);
        var ex = Assert.Throws<InvalidOperationException>(() => empty.Score);
        Assert.Contains("no responses has no score", ex.Message);
        Assert.Throws<InvalidOperationException>(() => empty.PromoterPercentage);
        Assert.Equal("NPS undefined (no responses)", empty.ToString());
    }

    [Fact]
    public void From_EveryInputShape_GivesTheSameSummary()
    {
        int[] responses = [10, 9, 8, 7, 6, 5, 0, 10, 3, 9];
        var fromBytes = NpsSummary.From(responses.Select(r => (byte)r).ToArray().AsSpan());
        var fromEnumerable = NpsSummary.From(responses.Where(_ => true));
        var fromList = NpsSummary.From(responses.ToList());
        var fromDated = NpsSummary.From(responses.Select(r => new NpsResponse(r, new LocalDate(2026, 1, 1))));

        var expected = new NpsSummary(4, 2, 4);
        Assert.Equal(expected, NpsSummary.From(responses));
        Assert.Equal(expected, fromBytes);
        Assert.Equal(expected, fromEnumerable);
        Assert.Equal(expected, fromList);
        Assert.Equal(expected, fromDated);
    }

    [Fact]
    public void From_IntsWithAnInvalidValueFarIn_ThrowsWithItsIndex()
    {
        var responses = Enumerable.Repeat(8, 1000).ToArray();
        responses[777] = 12;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsSummary.From(responses));

        Assert.Contains("responses[777] was 12", ex.Message);
    }

    [Fact]
    public void From_IntsWithANegativeValue_Throws()
    {
        var responses = Enumerable.Repeat(8, 100).ToArray();
        responses[40] = -1;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsSummary.From(responses));

        Assert.Contains("responses[40] was -1", ex.Message);
    }

    [Fact]
    public void From_BytesWithAnInvalidValue_ThrowsWithItsIndex()
    {
        var responses = Enumerable.Repeat((byte)10, 70_000).ToArray();
        responses[65_000] = 11;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsSummary.From(responses.AsSpan()));

        Assert.Contains("responses[65000] was 11", ex.Message);
    }

    [Fact]
    public void From_BytesLongerThanTheLaneFlush_CountsExactly()
    {
        // 255 vectors of 32 bytes is where byte lanes would wrap; 100 000 responses cross it many times.
        var responses = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 11)).ToArray();

        var summary = NpsSummary.From(responses.AsSpan());

        // Each full cycle of 0..10 has 2 promoters, 2 passives and 7 detractors; 100 000 = 9 090 cycles + 10 (0..9).
        Assert.Equal(new NpsSummary((9090 * 2) + 1, (9090 * 2) + 2, (9090 * 7) + 7), summary);
    }

    [Fact]
    public void Constructor_NegativeCount_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NpsSummary(1, -2, 0));

        Assert.Contains("the count of passives must be 0 or more but was -2", ex.Message);
    }

    [Fact]
    public void NpsResponse_BadScoreOrWeight_Throws()
    {
        var date = new LocalDate(2026, 3, 1);

        Assert.Contains("but was 11", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsResponse(11, date)).Message);
        Assert.Contains("but was -5", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsResponse(9, date, weight: -5)).Message);
        Assert.Contains("but was NaN", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsResponse(9, date, weight: double.NaN)).Message);
    }

    [Fact]
    public void Weighted_RevenueWeights_FollowTheFormula()
    {
        // Promoter 100 000, passive 20 000, detractors 30 000 + 50 000:
        // 100 × (100 000 − 80 000) / 200 000 = +10, while the unweighted NPS is 100 × (1 − 2) / 4 = −25.
        var date = new LocalDate(2026, 3, 1);
        NpsResponse[] responses = [new(10, date, weight: 100_000), new(8, date, weight: 20_000), new(2, date, weight: 30_000), new(6, date, weight: 50_000)];

        var weighted = WeightedNpsSummary.From(responses);

        Assert.Equal(10.0, weighted.Score, 1e-12);
        Assert.Equal(4, weighted.Responses);
        Assert.Equal(-25.0, NpsSummary.From(responses).Score);
    }

    [Fact]
    public void Weighted_AllWeightsZero_HasNoScore()
    {
        var weighted = WeightedNpsSummary.From([new NpsResponse(10, new LocalDate(2026, 3, 1), weight: 0)]);

        Assert.False(weighted.HasScore);
        Assert.Throws<InvalidOperationException>(() => weighted.Score);
        Assert.Equal(1, weighted.Responses);
    }

    [Fact]
    public void Targets_AreStrictlyAbove()
    {
        Assert.False(NpsTarget.AboveFifty.IsMetBy(new NpsSummary(30, 15, 5)));   // exactly +50
        Assert.True(NpsTarget.AboveFifty.IsMetBy(new NpsSummary(31, 14, 5)));    // +52
        Assert.False(NpsTarget.WorldClass.IsMetBy(new NpsSummary(31, 14, 5)));
        Assert.True(NpsTarget.WorldClass.IsMetBy(new NpsSummary(40, 10, 0)));    // +80
        Assert.False(NpsTarget.AboveFifty.IsMetBy(NpsSummary.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsTarget("too high", 150, "ours"));
    }
}
