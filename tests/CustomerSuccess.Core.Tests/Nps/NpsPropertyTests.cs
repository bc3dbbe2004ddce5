using System;
using System.Linq;
using CustomerSuccess.Nps;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Nps;

/// <summary>Seeded FsCheck properties of NPS summaries.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
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

    [Property]
    public Property Score_IsWithinMinus100And100_AndCountsAddUp() =>
        Prop.ForAll(Responses.ToArbitrary(), r =>
        {
            var s = NpsSummary.From(r);
            return s.Total == r.Length
                && s.Promoters + s.Passives + s.Detractors == r.Length
                && (!s.HasScore || (s.Score >= -100 && s.Score <= 100));
        });

    [Property]
    public Property VectorizedCount_EqualsTheScalarDefinition() =>
        Prop.ForAll(Responses.ToArbitrary(), r =>
        {
            var expected = new NpsSummary(r.Count(x => x >= 9), r.Count(x => x is 7 or 8), r.Count(x => x <= 6));
            var bytes = r.Select(x => (byte)x).ToArray();
            return NpsSummary.From(r) == expected && NpsSummary.From(bytes.AsSpan()) == expected;
        });

    [Property]
    public Property Merge_IsAssociativeAndCommutative_WithEmptyAsIdentity() =>
        Prop.ForAll(
            (from a in Summary
            from b in Summary
            from c in Summary
            select (a, b, c)).ToArbitrary(),
            t => (t.a + t.b) + t.c == t.a + (t.b + t.c)
                && t.a + t.b == t.b + t.a
                && t.a + NpsSummary.Empty == t.a
                && NpsSummary.Empty + t.a == t.a);

    [Property]
    public Property Merge_OfAnySplit_EqualsTheSummaryOfTheWhole() =>
        Prop.ForAll(
            (from r in Responses
            from cut in Gen.Choose(0, r.Length)
            select (r, cut)).ToArbitrary(),
            t => NpsSummary.From(t.r[..t.cut]) + NpsSummary.From(t.r[t.cut..]) == NpsSummary.From(t.r));

    [Property]
    public Property AddingAPromoter_NeverLowersTheScore_AndADetractorNeverRaisesIt() =>
        Prop.ForAll(Summary.ToArbitrary(), s =>
        {
            var withPromoter = s.Add(NpsCategory.Promoter).Score;
            var withDetractor = s.Add(NpsCategory.Detractor).Score;
            return !s.HasScore || (withPromoter >= s.Score && withDetractor <= s.Score);
        });

    [Property]
    public Property AllPromoters_Is100_AndAllDetractors_IsMinus100() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), n =>
            new NpsSummary(n, 0, 0).Score == 100 && new NpsSummary(0, 0, n).Score == -100);

    [Property]
    public Property ConfidenceInterval_AtCommonLevels_ContainsThePointEstimate() =>
        Prop.ForAll(
            (from s in Summary.Where(s => s.Total >= NpsStatistics.DefaultMinimumResponses)
            from level in Gen.Elements(0.90, 0.95, 0.99)
            select (s, level)).ToArbitrary(),
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
