using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using CustomerSuccess.Churn;
using CustomerSuccess.Portfolio;
using NodaTime;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace CustomerSuccess.Data.Tests;

/// <summary>Churn risk from Parquet and Arrow files of signals, against <see cref="ChurnBatch"/> over the same customers.</summary>
public sealed class ChurnColumnarTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 22);
    private static readonly RuleBasedChurnRiskAssessor Assessor = new();

    [Fact]
    public async Task ParquetChurn_TwoRowGroups_EveryRowAsChurnBatchAssessesIt()
    {
        var customers = Customers(6000, seed: 40);
        using var input = await ParquetOfAsync(customers, 2500, 3500);
        using var output = new MemoryStream();

        var counts = await ParquetChurn.AssessAsync(Assessor, AsOf, input, output, new ColumnarChurnOptions { SourceName = "signals.parquet" });

        var (scores, levels, priorities) = Expected(customers);
        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output);
        Assert.Equal(["id", "churn_score", "churn_level", "churn_level_rank", "churn_priority"], reader.Schema.DataFields.Select(f => f.Name));
        var row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var ids = new string?[n];
            var score = new double[n];
            var level = new string?[n];
            var rank = new int[n];
            var priority = new double[n];
            var f = reader.Schema.DataFields;
            await group.ReadAsync(f[0], ids.AsMemory());
            await group.ReadAsync(f[1], score.AsMemory());
            await group.ReadAsync(f[2], level.AsMemory());
            await group.ReadAsync(f[3], rank.AsMemory());
            await group.ReadAsync(f[4], priority.AsMemory());
            for (var i = 0; i < n; i++, row++)
            {
                Assert.Equal(customers[row].CustomerId, ids[i]);
                Assert.Equal(scores[row], score[i]);
                Assert.Equal(levels[row].ToString(), level[i]);
                Assert.Equal((int)levels[row], rank[i]);
                Assert.Equal(priorities[row], priority[i]);
            }
        }

        Assert.Equal(6000, row);
        Assert.Equal(Enum.GetValues<ChurnRiskLevel>().Select(l => (long)levels.Count(x => x == l)), Enum.GetValues<ChurnRiskLevel>().Select(l => counts[l]));
        Assert.True(counts[ChurnRiskLevel.Critical] > 0 && counts[ChurnRiskLevel.Low] > 0, "the sample spans the levels");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ArrowChurn_FileOrStream_EveryRowAsChurnBatchAssessesIt(bool fileFormat)
    {
        var customers = Customers(5000, seed: 41);
        using var input = await ArrowOfAsync(customers, fileFormat, 4096, 904);
        using var output = new MemoryStream();

        await ArrowChurn.AssessAsync(Assessor, AsOf, input, output);

        var (scores, levels, priorities) = Expected(customers);
        output.Position = 0;
        using var reader = new ArrowFileReader(output);
        var row = 0;
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                var score = (DoubleArray)batch.Column("churn_score");
                var level = (StringArray)batch.Column("churn_level");
                var priority = (DoubleArray)batch.Column("churn_priority");
                var ids = (StringArray)batch.Column("id");
                for (var i = 0; i < batch.Length; i++, row++)
                {
                    Assert.Equal(customers[row].CustomerId, ids.GetString(i));
                    Assert.Equal(scores[row], score.GetValue(i));
                    Assert.Equal(levels[row].ToString(), level.GetString(i));
                    Assert.Equal(priorities[row], priority.GetValue(i));
                }
            }
        }

        Assert.Equal(5000, row);
    }

    [Fact]
    public async Task ParquetChurn_ASignalColumnTheFileLacks_IsUnknownForEveryone_UnlessItIsMapped()
    {
        var customers = Customers(300, seed: 42).Select(c => c with { ChampionLeaving = null }).ToList();
        using var input = await ParquetOfAsync(customers, [300], withChampion: false);

        await ParquetChurn.AssessAsync(Assessor, AsOf, input, new MemoryStream());
        input.Position = 0;
        var mapped = new ColumnarChurnOptions { Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["champion_leaving"] = "champion" } };
        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetChurn.AssessAsync(Assessor, AsOf, input, new MemoryStream(), mapped));

        Assert.Equal("champion", e.Column);
        Assert.Contains("has no column 'champion' for the signal 'champion_leaving'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetChurn_BadSignals_AreErrorsNamingTheColumnTheRowGroupAndTheRow()
    {
        var customers = Customers(100, seed: 43);
        customers[70] = customers[70] with { LastLoginDate = AsOf.PlusDays(3) };
        using var future = await ParquetOfAsync(customers, 50, 50);
        var text = new DataField<string>("renewal_date");
        var idField = new DataField<string>("id");
        using var wrongType = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(idField, text), wrongType))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(idField, new[] { "a" });
            await group.WriteAsync(text, new[] { "2026-12-01" });
        }

        wrongType.Position = 0;
        var options = new ColumnarChurnOptions { SourceName = "signals.parquet" };

        var late = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetChurn.AssessAsync(Assessor, AsOf, future, new MemoryStream(), options));
        var typed = await Assert.ThrowsAsync<ColumnarDataException>(() => ParquetChurn.AssessAsync(Assessor, AsOf, wrongType, new MemoryStream(), options));

        Assert.Equal(1, late.Batch);
        Assert.Contains("signals.parquet, row group 1 (its customer #0 is row 50 of the input): customer #20", late.Message, StringComparison.Ordinal);
        Assert.Contains("LastLoginDate 2026-11-25 is after the as-of date 2026-11-22", late.Message, StringComparison.Ordinal);
        Assert.Equal("renewal_date", typed.Column);
        Assert.Contains("the column 'renewal_date' (signal 'renewal_date') holds text, not dates", typed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArrowChurn_ACountThatIsNotWhole_IsAnErrorNamingTheRow()
    {
        var schema = new Schema.Builder()
            .Field(f => f.Name("id").DataType(Apache.Arrow.Types.StringType.Default))
            .Field(f => f.Name("late_payments").DataType(Apache.Arrow.Types.DoubleType.Default))
            .Build();
        using var input = new MemoryStream();
        using (var writer = new ArrowFileWriter(input, schema, leaveOpen: true))
        {
            using var batch = new RecordBatch(schema, [new StringArray.Builder().Append("a").Append("b").Build(), new DoubleArray.Builder().Append(1).Append(1.5).Build()], 2);
            await writer.WriteRecordBatchAsync(batch);
            await writer.WriteEndAsync();
        }

        input.Position = 0;

        var e = await Assert.ThrowsAsync<ColumnarDataException>(() => ArrowChurn.AssessAsync(Assessor, AsOf, input, new MemoryStream()));

        Assert.Equal((0, 1L, "late_payments"), (e.Batch!.Value, e.Row!.Value, e.Column));
        Assert.Contains("must be a whole number but was 1.5", e.Message, StringComparison.Ordinal);
    }

    private static (double[] Scores, ChurnRiskLevel[] Levels, double[] Priorities) Expected(List<CustomerSignals> customers)
    {
        var scores = new double[customers.Count];
        var levels = new ChurnRiskLevel[customers.Count];
        var priorities = new double[customers.Count];
        ChurnBatch.Assess(Assessor, customers, scores, levels, priorities);
        return (scores, levels, priorities);
    }

    private static List<CustomerSignals> Customers(int count, int seed)
    {
        var random = new Random(seed);
        T? Maybe<T>(Func<T> value)
            where T : struct => random.Next(7) == 0 ? null : value();

        return Enumerable.Range(0, count).Select(i => new CustomerSignals(AsOf)
        {
            CustomerId = $"C{i:D5}",
            HealthScore = Maybe(() => Math.Round(random.NextDouble() * 100, 2)),
            UsageChangePercent = Maybe(() => Math.Round((random.NextDouble() * 140) - 80, 1)),
            FeatureAdoptionRate = Maybe(() => Math.Round(random.NextDouble(), 3)),
            UnresolvedHighPriorityTickets = Maybe(() => random.Next(0, 5)),
            HighPriorityTicketsLast30Days = Maybe(() => random.Next(0, 5)),
            OpenEscalations = Maybe(() => random.Next(0, 3)),
            LastContactDate = Maybe(() => AsOf.PlusDays(-random.Next(0, 60))),
            LastLoginDate = Maybe(() => AsOf.PlusDays(-random.Next(0, 20))),
            LastActivityDate = Maybe(() => AsOf.PlusDays(-random.Next(0, 40))),
            LatePayments = Maybe(() => random.Next(0, 3)),
            ChampionLeaving = Maybe(() => random.Next(10) == 0),
            LatestNpsResponse = Maybe(() => random.Next(0, 11)),
            RenewalDate = Maybe(() => AsOf.PlusDays(random.Next(-30, 400))),
            AnnualRecurringRevenue = Maybe(() => (decimal)random.Next(1_000, 500_000)),
        }).ToList();
    }

    private static async Task<MemoryStream> ParquetOfAsync(List<CustomerSignals> customers, int[] groups, bool withChampion = true)
    {
        var id = new DataField<string>("id");
        var health = new DataField<double?>("health_score");
        var usage = new DataField<double?>("usage_change_percent");
        var adoption = new DataField<float?>("feature_adoption_rate");
        var unresolved = new DataField<int?>("unresolved_high_priority_tickets");
        var spike = new DataField<long?>("high_priority_tickets_last_30_days");
        var escalations = new DataField<int?>("open_escalations");
        var contact = new DataField<DateOnly?>("last_contact_date");
        var login = new DataField<DateTime?>("last_login_date");
        var activity = new DataField<DateOnly?>("last_activity_date");
        var late = new DataField<short?>("late_payments");
        var champion = new DataField<bool?>("champion_leaving");
        var nps = new DataField<int?>("latest_nps_response");
        var renewal = new DataField<DateOnly?>("renewal_date");
        var arr = new DataField<decimal?>("annual_recurring_revenue");
        var fields = new List<Parquet.Schema.Field> { id, health, usage, adoption, unresolved, spike, escalations, contact, login, activity, late };
        if (withChampion)
        {
            fields.Add(champion);
        }

        fields.AddRange([nps, renewal, arr]);
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            var start = 0;
            foreach (var size in groups)
            {
                var part = customers.GetRange(start, size);
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(id, part.Select(c => c.CustomerId!).ToArray());
                await group.WriteAsync<double>(health, part.Select(c => c.HealthScore).ToArray());
                await group.WriteAsync<double>(usage, part.Select(c => c.UsageChangePercent).ToArray());
                await group.WriteAsync<float>(adoption, part.Select(c => (float?)c.FeatureAdoptionRate).ToArray());
                await group.WriteAsync<int>(unresolved, part.Select(c => c.UnresolvedHighPriorityTickets).ToArray());
                await group.WriteAsync<long>(spike, part.Select(c => (long?)c.HighPriorityTicketsLast30Days).ToArray());
                await group.WriteAsync<int>(escalations, part.Select(c => c.OpenEscalations).ToArray());
                await group.WriteAsync<DateOnly>(contact, part.Select(c => c.LastContactDate?.ToDateOnly()).ToArray());
                await group.WriteAsync<DateTime>(login, part.Select(c => c.LastLoginDate?.ToDateOnly().ToDateTime(new TimeOnly(14, 30), DateTimeKind.Utc)).ToArray());
                await group.WriteAsync<DateOnly>(activity, part.Select(c => c.LastActivityDate?.ToDateOnly()).ToArray());
                await group.WriteAsync<short>(late, part.Select(c => (short?)c.LatePayments).ToArray());
                if (withChampion)
                {
                    await group.WriteAsync<bool>(champion, part.Select(c => c.ChampionLeaving).ToArray());
                }

                await group.WriteAsync<int>(nps, part.Select(c => c.LatestNpsResponse).ToArray());
                await group.WriteAsync<DateOnly>(renewal, part.Select(c => c.RenewalDate?.ToDateOnly()).ToArray());
                await group.WriteAsync<decimal>(arr, part.Select(c => c.AnnualRecurringRevenue).ToArray());
                start += size;
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static Task<MemoryStream> ParquetOfAsync(List<CustomerSignals> customers, params int[] groups) => ParquetOfAsync(customers, groups, withChampion: true);

    private static async Task<MemoryStream> ArrowOfAsync(List<CustomerSignals> customers, bool fileFormat, params int[] batches)
    {
        var schema = new Schema.Builder()
            .Field(f => f.Name("id").DataType(Apache.Arrow.Types.StringType.Default))
            .Field(f => f.Name("health_score").DataType(Apache.Arrow.Types.DoubleType.Default))
            .Field(f => f.Name("usage_change_percent").DataType(Apache.Arrow.Types.DoubleType.Default))
            .Field(f => f.Name("feature_adoption_rate").DataType(Apache.Arrow.Types.DoubleType.Default))
            .Field(f => f.Name("unresolved_high_priority_tickets").DataType(Apache.Arrow.Types.Int32Type.Default))
            .Field(f => f.Name("high_priority_tickets_last_30_days").DataType(Apache.Arrow.Types.Int64Type.Default))
            .Field(f => f.Name("open_escalations").DataType(Apache.Arrow.Types.Int32Type.Default))
            .Field(f => f.Name("last_contact_date").DataType(Apache.Arrow.Types.Date32Type.Default))
            .Field(f => f.Name("last_login_date").DataType(Apache.Arrow.Types.Date64Type.Default))
            .Field(f => f.Name("last_activity_date").DataType(Apache.Arrow.Types.Date32Type.Default))
            .Field(f => f.Name("late_payments").DataType(Apache.Arrow.Types.Int32Type.Default))
            .Field(f => f.Name("champion_leaving").DataType(Apache.Arrow.Types.BooleanType.Default))
            .Field(f => f.Name("latest_nps_response").DataType(Apache.Arrow.Types.Int32Type.Default))
            .Field(f => f.Name("renewal_date").DataType(Apache.Arrow.Types.Date32Type.Default))
            .Field(f => f.Name("annual_recurring_revenue").DataType(Apache.Arrow.Types.DoubleType.Default))
            .Build();
        var stream = new MemoryStream();
        using (ArrowStreamWriter writer = fileFormat ? new ArrowFileWriter(stream, schema, leaveOpen: true) : new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            var start = 0;
            foreach (var size in batches)
            {
                var part = customers.GetRange(start, size);
                IArrowArray[] arrays =
                [
                    new StringArray.Builder().AppendRange(part.Select(c => c.CustomerId!)).Build(),
                    Doubles(part.Select(c => c.HealthScore)),
                    Doubles(part.Select(c => c.UsageChangePercent)),
                    Doubles(part.Select(c => c.FeatureAdoptionRate)),
                    Ints(part.Select(c => c.UnresolvedHighPriorityTickets)),
                    Longs(part.Select(c => c.HighPriorityTicketsLast30Days)),
                    Ints(part.Select(c => c.OpenEscalations)),
                    Dates(part.Select(c => c.LastContactDate)),
                    Dates64(part.Select(c => c.LastLoginDate)),
                    Dates(part.Select(c => c.LastActivityDate)),
                    Ints(part.Select(c => c.LatePayments)),
                    Flags(part.Select(c => c.ChampionLeaving)),
                    Ints(part.Select(c => c.LatestNpsResponse)),
                    Dates(part.Select(c => c.RenewalDate)),
                    Doubles(part.Select(c => (double?)c.AnnualRecurringRevenue)),
                ];
                using var batch = new RecordBatch(schema, arrays, size);
                await writer.WriteRecordBatchAsync(batch);
                start += size;
            }

            await writer.WriteEndAsync();
        }

        stream.Position = 0;
        return stream;

        static DoubleArray Doubles(IEnumerable<double?> values)
        {
            var b = new DoubleArray.Builder();
            foreach (var v in values)
            {
                _ = v is { } x ? b.Append(x) : b.AppendNull();
            }

            return b.Build();
        }

        static Int32Array Ints(IEnumerable<int?> values)
        {
            var b = new Int32Array.Builder();
            foreach (var v in values)
            {
                _ = v is { } x ? b.Append(x) : b.AppendNull();
            }

            return b.Build();
        }

        static Int64Array Longs(IEnumerable<int?> values)
        {
            var b = new Int64Array.Builder();
            foreach (var v in values)
            {
                _ = v is { } x ? b.Append(x) : b.AppendNull();
            }

            return b.Build();
        }

        static BooleanArray Flags(IEnumerable<bool?> values)
        {
            var b = new BooleanArray.Builder();
            foreach (var v in values)
            {
                _ = v is { } x ? b.Append(x) : b.AppendNull();
            }

            return b.Build();
        }

        static Date32Array Dates(IEnumerable<LocalDate?> values)
        {
            var b = new Date32Array.Builder();
            foreach (var v in values)
            {
                _ = v is { } x ? b.Append(x.ToDateOnly().ToDateTime(TimeOnly.MinValue)) : b.AppendNull();
            }

            return b.Build();
        }

        static Date64Array Dates64(IEnumerable<LocalDate?> values)
        {
            var b = new Date64Array.Builder();
            foreach (var v in values)
            {
                _ = v is { } x ? b.Append(x.ToDateOnly().ToDateTime(TimeOnly.MinValue)) : b.AppendNull();
            }

            return b.Build();
        }
    }
}
