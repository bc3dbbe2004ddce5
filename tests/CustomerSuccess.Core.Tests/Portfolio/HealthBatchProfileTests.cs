using System;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>Bulk scoring with a profile set: the same as resolving each record's profile and scoring it alone.</summary>
[Properties(MaxTest = PropertySeed.MaxTest / 4, Replay = PropertySeed.Replay)]
public sealed class HealthBatchProfileTests
{
    /// <summary>The profiles' segments: "Mid" and "Smb" are as long as each other, and so share a slot of the bulk path's look-up table.</summary>
    private static readonly string?[] Segments = ["Smb", "Enterprise", null, "Mid"];

    /// <summary>The records' segments: the profiles', and "Smb" again as another string (the look-up compares segments by reference), and one no profile names.</summary>
    private static readonly string?[] RowSegments = [.. Segments, new string("Smb".AsSpan()), "Other"];
    private static readonly LifecycleStage?[] Stages = [null, LifecycleStage.Onboarding, LifecycleStage.Adoption];

    private sealed record Row(string? Segment, LifecycleStage? Stage, double[] Scores);

    private static void Select(in Row r, out string? segment, out LifecycleStage? stage) => (segment, stage) = (r.Segment, r.Stage);

    private static void Read(in Row r, HealthProfile profile, Span<double> scores) => r.Scores.AsSpan(0, scores.Length).CopyTo(scores);

    private static readonly Gen<HealthProfileSet> Sets =
        from count in Gen.Choose(1, 4)
        from keys in Gen.Shuffle(Enumerable.Range(0, Segments.Length * 3).ToArray())
        from models in Gen.ArrayOf(HealthGen.Model, count + 1)
        from withDefault in Gen.Elements(true, false)
        select new HealthProfileSet(
            Enumerable.Range(0, count).Select(i => new HealthProfile("p" + i, models[i]) { Segment = Segments[keys[i] / 3], Stage = Stages[keys[i] % 3] }),
            withDefault ? new HealthProfile("default", models[count]) : null);

    private static readonly Gen<Row[]> Rows =
        from n in Gen.Choose(0, 700)
        from rows in Gen.ArrayOf(
            from segment in Gen.Elements(RowSegments)
            from stage in Gen.Elements(Stages)
            from scores in Gen.ArrayOf(HealthGen.ScoreOrMissing, 7)
            select new Row(segment, stage, scores), n)
        select rows;

    [Property]
    public Property Bulk_EqualsEachRecordResolvedAndScoredAlone() =>
        Prop.ForAll((from set in Sets from rows in Rows select (set, rows)).ToArbitrary(), c =>
        {
            var (set, rows) = c;
            var scores = new double[rows.Length];
            var ranks = new byte[rows.Length];
            var used = new byte[rows.Length];
            var unmatched = Array.FindIndex(rows, r => !set.TryResolve(r.Segment, r.Stage, out _));
            try
            {
                HealthBatch.Score(set, rows.AsSpan(), Select, Read, scores, ranks, used);
            }
            catch (ArgumentException e)
            {
                return unmatched >= 0 && e.Message.Contains($"customer #{unmatched}: no health profile matches", StringComparison.Ordinal) && e.ParamName == "records";
            }

            for (var i = 0; i < rows.Length; i++)
            {
                var match = set.Resolve(rows[i].Segment, rows[i].Stage).Profile;
                var expected = match.Model.Score(rows[i].Scores.AsSpan(0, match.Model.Components.Count));
                var index = ReferenceEquals(match, set.Default) ? set.Profiles.Count : set.Profiles.ToList().IndexOf(match);
                var same = expected.HasScore
                    ? scores[i].Equals(expected.Value) && ranks[i] == expected.Band.Rank
                    : double.IsNaN(scores[i]) && ranks[i] == HealthBatch.NoBand;
                if (!same || used[i] != index)
                {
                    return false;
                }
            }

            return unmatched < 0;
        });

    /// <summary>On every core (partitions of a few records each), from an array, a list and a list of another kind: the span path's scores, ranks and profiles.</summary>
    [Property]
    public Property TheListPath_OnEveryCore_EqualsTheSpanPath() =>
        Prop.ForAll((from set in Sets.Where(s => s.Default is not null) from rows in Rows select (set, rows)).ToArbitrary(), c =>
        {
            var (set, rows) = c;
            var n = rows.Length;
            var (scores, ranks, used) = (new double[n], new byte[n], new byte[n]);
            HealthBatch.Score(set, rows.AsSpan(), Select, Read, scores, ranks, used);
            var parallel = new BulkScoringOptions { MaxDegreeOfParallelism = 2, ParallelThreshold = 1 };
            foreach (var list in new System.Collections.Generic.IReadOnlyList<Row>[] { rows, rows.ToList(), Array.AsReadOnly(rows) })
            {
                var (s2, r2, u2) = (new double[n], new byte[n], new byte[n]);
                HealthBatch.Score(set, list, Select, Read, s2, r2, u2, parallel);
                if (!s2.AsSpan().SequenceEqual(scores) || !r2.AsSpan().SequenceEqual(ranks) || !u2.AsSpan().SequenceEqual(used))
                {
                    return false;
                }
            }

            return true;
        });

    /// <summary>Each record's profile given as an index (as <c>IndexOf</c> tells it once per segment and stage): the selector path's scores and ranks.</summary>
    [Property]
    public Property TheIndexedPath_EqualsTheSelectorPath() =>
        Prop.ForAll((from set in Sets.Where(s => s.Default is not null) from rows in Rows select (set, rows)).ToArbitrary(), c =>
        {
            var (set, rows) = c;
            var n = rows.Length;
            var (scores, ranks, used) = (new double[n], new byte[n], new byte[n]);
            HealthBatch.Score(set, rows.AsSpan(), Select, Read, scores, ranks, used);
            var indexes = rows.Select(r => (byte)set.IndexOf(r.Segment, r.Stage)).ToArray();
            var (s2, r2) = (new double[n], new byte[n]);
            HealthBatch.Score(set, rows.AsSpan(), indexes, Read, s2, r2);
            return indexes.AsSpan().SequenceEqual(used) && s2.AsSpan().SequenceEqual(scores) && r2.AsSpan().SequenceEqual(ranks);
        });

    /// <summary>
    /// A columnar batch whose columns are named by key (every key of the set's models, in an order of their own): each
    /// customer scored as the records path scores it when it reads each profile's components from those columns by key.
    /// </summary>
    [Property]
    public Property TheColumnarPath_EqualsTheRecordsPath() =>
        Prop.ForAll((from set in Sets.Where(s => s.Default is not null)
                     from n in Gen.Choose(0, 700)
                     from values in Gen.ArrayOf(HealthGen.ScoreOrMissing, n * 40)
                     from picks in Gen.ArrayOf(Gen.Choose(0, 254), n)
                     select (set, n, values, picks)).ToArbitrary(), c =>
        {
            var (set, n, values, picks) = c;
            var models = set.Profiles.Select(p => p.Model).Append(set.Default!.Model).ToArray();
            var keys = models.SelectMany(m => m.Components.Select(k => k.Key)).Distinct(StringComparer.OrdinalIgnoreCase).Reverse().ToArray();
            var columns = keys.Select((_, k) => new ReadOnlyMemory<double>(values.Skip(k * n).Take(n).ToArray())).ToArray();
            var indexes = picks.Select(p => (byte)(p % models.Length)).ToArray();
            var (scores, ranks) = (new double[n], new byte[n]);
            HealthBatch.Score(set, keys, columns, indexes, scores, ranks);

            var rows = Enumerable.Range(0, n).ToArray();
            void ReadColumns(in int row, HealthProfile profile, Span<double> s)
            {
                for (var k = 0; k < s.Length; k++)
                {
                    s[k] = columns[Array.FindIndex(keys, x => string.Equals(x, profile.Model.Components[k].Key, StringComparison.OrdinalIgnoreCase))].Span[row];
                }
            }

            var (s2, r2) = (new double[n], new byte[n]);
            HealthBatch.Score(set, rows.AsSpan(), indexes, ReadColumns, s2, r2);
            return s2.AsSpan().SequenceEqual(scores) && r2.AsSpan().SequenceEqual(ranks);
        });

    [Fact]
    public void TheColumnarPath_NamesAMissingColumn_AndABadIndex()
    {
        var set = new HealthProfileSet([new HealthProfile("smb", HealthScoreModels.UsageEngagementSupport) { Segment = "Smb" }]);
        ReadOnlyMemory<double>[] two = [new double[] { 50, 60 }, new double[] { 70, 80 }];

        var missing = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, ["usage", "engagement"], two, [0, 0], new double[2], new byte[2]));
        var twice = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, ["usage", "USAGE"], two, [0, 0], new double[2], new byte[2]));
        var uneven = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, ["usage", "engagement", "support"], [.. two, new double[] { 1 }], [0, 0], new double[2], new byte[2]));
        var noDefault = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, ["usage", "engagement", "support"], [.. two, new double[] { 1, 2 }], [0, 1], new double[2], new byte[2]));

        Assert.Contains("the profile 'smb' scores the component 'support', which no column holds.", missing.Message, StringComparison.Ordinal);
        Assert.Equal("columnKeys", missing.ParamName);
        Assert.Contains("the key 'USAGE' names two columns.", twice.Message, StringComparison.Ordinal);
        Assert.Equal("columns", uneven.ParamName);
        Assert.StartsWith("customer #1: profile index 1 is the default's", noDefault.Message, StringComparison.Ordinal);

        // Usage 50 × 0.4 + engagement 70 × 0.3 + support 90 × 0.3 = 68; the columns in an order of their own.
        var scores = new double[1];
        HealthBatch.Score(set, ["support", "usage", "engagement"], [new double[] { 90 }, new double[] { 50 }, new double[] { 70 }], [0], scores, new byte[1]);
        Assert.Equal(68, scores[0], 12);
    }

    /// <summary>The stream paths, synchronous and asynchronous: each record's score and band as the span path gives them; the count of one scheme's bands.</summary>
    [Property]
    public Property TheStreams_EqualTheSpanPath() =>
        Prop.ForAll((from set in Sets.Where(s => s.Default is not null) from rows in Rows select (set, rows)).ToArbitrary(), c =>
        {
            var (set, rows) = c;
            var n = rows.Length;
            var (scores, ranks, used) = (new double[n], new byte[n], new byte[n]);
            HealthBatch.Score(set, rows.AsSpan(), Select, Read, scores, ranks, used);
            var streamed = HealthBatch.ScoreStream(set, rows, Select, Read).ToArray();
            var asynchronous = HealthBatch.ScoreStreamAsync(set, rows.ToAsyncEnumerable(), Select, Read).ToArrayAsync().AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < n; i++)
            {
                var score = streamed[i].Score;
                var same = score.HasScore ? score.Value.Equals(scores[i]) && score.Band.Rank == ranks[i] : double.IsNaN(scores[i]) && ranks[i] == HealthBatch.NoBand;
                if (!same || !ReferenceEquals(streamed[i].Record, rows[i]) || !asynchronous[i].Equals(streamed[i]))
                {
                    return false;
                }
            }

            return streamed.Length == n && asynchronous.Length == n;
        });

    [Fact]
    public async System.Threading.Tasks.Task CountBands_WithProfiles_CountsOneSchemesBands_AndRefusesMixedSchemes()
    {
        var model = HealthScoreModels.UsageEngagementSupport;
        var set = new HealthProfileSet(
            [new HealthProfile("smb", model) { Segment = "Smb" }],
            new HealthProfile("default", new WeightedHealthScoreModel("even", model.Components.Select(c => new HealthComponent(c.Key, c.DisplayName, 1.0 / 3)), model.Bands)));
        Row[] rows = [new("Smb", null, [90, 90, 90]), new("Other", null, [90, 30, 30]), new("Smb", null, [double.NaN, double.NaN, double.NaN])];

        var histogram = HealthBatch.CountBands(set, rows, Select, Read);
        var asynchronous = await HealthBatch.CountBandsAsync(set, rows.ToAsyncEnumerable(), Select, Read);

        // Smb 90 is Healthy; the default's (90 + 30 + 30) / 3 = 50 is At Risk; the third has no score.
        Assert.Equal(1, histogram.NotScored);
        Assert.Equal(2, histogram.Scored);
        Assert.Equal(140, histogram.ScoreSum, 9);
        Assert.Equal(histogram.ScoreSum, asynchronous.ScoreSum);
        var mixed = new HealthProfileSet([new HealthProfile("smb", model) { Segment = "Smb" }], new HealthProfile("other", model.WithBands(HealthBandSchemes.GreenYellowRed)));
        Assert.Contains("band differently", Assert.Throws<ArgumentException>(() => HealthBatch.CountBands(mixed, rows, Select, Read)).Message, StringComparison.Ordinal);
        var noDefault = new HealthProfileSet([new HealthProfile("smb", model) { Segment = "Smb" }]);
        Assert.StartsWith("customer #1: no health profile matches segment 'Other'", Assert.Throws<ArgumentException>(() => HealthBatch.ScoreStream(noDefault, rows, Select, Read).ToList()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIndexedPath_RefusesAnIndexThatNamesNoProfile()
    {
        var set = new HealthProfileSet([new HealthProfile("smb", HealthScoreModels.UsageEngagementSupport) { Segment = "Smb" }]);
        var rows = Enumerable.Range(0, 3).Select(_ => new Row("Smb", null, [50, 50, 50])).ToArray();

        var noDefault = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, rows.AsSpan(), [0, 1, 0], Read, new double[3], new byte[3]));
        var past = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, rows.AsSpan(), [0, 0, 7], Read, new double[3], new byte[3]));
        var short_ = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, rows.AsSpan(), [0, 0], Read, new double[3], new byte[3]));

        Assert.Equal("customer #1: profile index 1 is the default's, and the set has no default. (Parameter 'profileIndexes')", noDefault.Message);
        Assert.Equal("customer #2: profile index 7 names no profile; the set has 1 (0 to 0) and 1 for the default. (Parameter 'profileIndexes')", past.Message);
        Assert.Equal("profileIndexes", short_.ParamName);
        var scores = new double[3];
        HealthBatch.Score(set, rows.AsSpan(), [0, 0, 0], Read, scores, new byte[3]);
        Assert.All(scores, s => Assert.Equal(50, s, 12));
    }

    [Fact]
    public void TheListPath_NamesTheRecordAcrossPartitions_AndChecksItsArguments()
    {
        var set = new HealthProfileSet([new HealthProfile("smb", HealthScoreModels.UsageEngagementSupport) { Segment = "Smb" }]);
        var rows = Enumerable.Range(0, 5000).Select(i => new Row(i == 4321 ? "Enterprise" : "Smb", null, [50, 50, 50])).ToList();
        var parallel = new BulkScoringOptions { MaxDegreeOfParallelism = 2, ParallelThreshold = 1 };

        var error = Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, rows, Select, Read, new double[5000], new byte[5000], new byte[5000], parallel));

        Assert.StartsWith("customer #4321: no health profile matches segment 'Enterprise'", error.Message, StringComparison.Ordinal);
        Assert.Equal("records", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => HealthBatch.Score(set, (System.Collections.Generic.IReadOnlyList<Row>)null!, Select, Read, [], [], []));
        Assert.Throws<ArgumentException>(() => HealthBatch.Score(set, rows, Select, Read, new double[10], new byte[5000], new byte[5000]));
    }

    [Fact]
    public void ABadScore_NamesTheRecord()
    {
        var set = HealthProfileSet.ByStage(OnboardingHealth.Model, HealthScoreModels.UsageEngagementSupport);
        var rows = Enumerable.Range(0, 300).Select(i => new Row("Smb", LifecycleStage.Adoption, [50, 50, i == 299 ? 101 : 50])).ToArray();

        var error = Assert.ThrowsAny<ArgumentException>(() => HealthBatch.Score(set, rows.AsSpan(), Select, Read, new double[300], new byte[300], new byte[300]));

        Assert.Contains("customer #299", error.Message, StringComparison.Ordinal);
        Assert.Equal("records", error.ParamName);
    }
}
