using System;
using System.Linq;
using CustomerSuccess.Nps;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerSuccess.Tests.Nps;

/// <summary>Seeded FsCheck properties of NPS summaries.</summary>
public sealed class NpsPropertyTests
{
    private static readonly Gen<int[]> Responses =
        from length in Gen.Choose(0, 300)
        from values in Gen.ArrayOf(Gen.Choose(0, 10), length)
        select values;

    private static readonly Gen<NpsSummary> Summary =
        from p in Gen.Choose(0, 500)
        from pa in Gen.Choose(0, 500)
        from d in Gen.Choose(0, 500)
        select new NpsSummary(p, pa, d);

    [Fact]
    public void Score_IsWithinMinus100And100_AndCountsAddUp() =>
        PropertyCheck.ForAll(Responses, r =>
        {
            var s = NpsSummary.From(r);
            return s.Total == r.Length
                && s.Promoters + s.Passives + s.Detractors == r.Length
                && (!s.HasScore || (s.Score >= -100 && s.Score <= 100));
        });

    [Fact]
    public void VectorizedCount_EqualsTheScalarDefinition() =>
        PropertyCheck.ForAll(Responses, r =>
        {
            var expected = new NpsSummary(r.Count(x => x >= 9), r.Count(x => x is 7 or 8), r.Count(x => x <= 6));
            var bytes = r.Select(x => (byte)x).ToArray();
            return NpsSummary.From(r) == expected && NpsSummary.From(bytes.AsSpan()) == expected;
        });

    [Fact]
    public void Merge_IsAssociativeAndCommutative_WithEmptyAsIdentity() =>
        PropertyCheck.ForAll(
            from a in Summary
            from b in Summary
            from c in Summary
            select (a, b, c),
            t => (t.a + t.b) + t.c == t.a + (t.b + t.c)
                && t.a + t.b == t.b + t.a
                && t.a + NpsSummary.Empty == t.a
                && NpsSummary.Empty + t.a == t.a);

    [Fact]
    public void Merge_OfAnySplit_EqualsTheSummaryOfTheWhole() =>
        PropertyCheck.ForAll(
            from r in Responses
            from cut in Gen.Choose(0, r.Length)
            select (r, cut),
            t => NpsSummary.From(t.r[..t.cut]) + NpsSummary.From(t.r[t.cut..]) == NpsSummary.From(t.r));

    [Fact]
    public void AddingAPromoter_NeverLowersTheScore_AndADetractorNeverRaisesIt() =>
        PropertyCheck.ForAll(Summary, s =>
        {
            var withPromoter = s.Add(NpsCategory.Promoter).Score;
            var withDetractor = s.Add(NpsCategory.Detractor).Score;
            return !s.HasScore || (withPromoter >= s.Score && withDetractor <= s.Score);
        });

    [Fact]
    public void AllPromoters_Is100_AndAllDetractors_IsMinus100() =>
        PropertyCheck.ForAll(Gen.Choose(1, 10_000), n =>
            new NpsSummary(n, 0, 0).Score == 100 && new NpsSummary(0, 0, n).Score == -100);

    [Fact]
    public void ConfidenceInterval_AtCommonLevels_ContainsThePointEstimate() =>
        PropertyCheck.ForAll(
            from s in Summary.Where(s => s.Total >= NpsStatistics.DefaultMinimumResponses)
            from level in Gen.Elements(0.90, 0.95, 0.99)
            select (s, level),
            t =>
            {
                var interval = NpsStatistics.ConfidenceInterval(t.s, t.level);
                return interval.HasInterval
                    && interval.Contains(t.s.Score)
                    && interval.Lower >= -100 && interval.Upper <= 100
                    && Math.Abs(interval.Upper - interval.Lower) <= 2 * interval.MarginOfError + 1e-9;
            });

    [Fact]
    public void ConfidenceInterval_AllPromotersAtTheMinimum_StillContains100() =>
        Assert.True(NpsStatistics.ConfidenceInterval(new NpsSummary(30, 0, 0), 0.90).Contains(100));
}
