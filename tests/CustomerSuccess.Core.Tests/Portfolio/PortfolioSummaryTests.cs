using System;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>The portfolio summary: its merge laws, its figures and its JSON.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class PortfolioSummaryTests
{
    private static readonly WeightedHealthScoreModel Model = HealthScoreModels.UsageSupportEngagementBillingOutcomes;

    private static readonly Gen<Customer> OneCustomer =
        from scores in Gen.ArrayOf(HealthGen.ScoreOrMissing, Model.Components.Count)
        from level in ChurnGen.Maybe(Gen.Elements(Enum.GetValues<ChurnRiskLevel>()))
        from revenue in ChurnGen.Maybe(Gen.Choose(0, 1_000_000).Select(c => c / 100m))
        from nps in ChurnGen.Maybe(Gen.Choose(0, 10))
        select new Customer(Model.Score(scores), level, revenue, nps);

    private static readonly Gen<Customer[]> ManyCustomers = Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(OneCustomer, n));

    [Property]
    public Property Merge_AnySplit_EqualsTheSummaryOfTheWhole()
    {
        var gen = from all in ManyCustomers from cut in Gen.Choose(0, all.Length) from cut2 in Gen.Choose(0, all.Length) select (all, Math.Min(cut, cut2), Math.Max(cut, cut2));
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (all, a, b) = c;
            var whole = Summarize(all);
            var parts = Summarize(all[..a]).Merge(Summarize(all[a..b])).Merge(Summarize(all[b..]));
            return whole.Equals(parts) && whole.ToJson() == parts.ToJson();
        });
    }

    [Property]
    public Property Merge_IsAssociativeAndCommutativeWithAnIdentity()
    {
        var gen = from x in ManyCustomers from y in ManyCustomers from z in ManyCustomers select (x, y, z);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (x, y, z) = (Summarize(c.x), Summarize(c.y), Summarize(c.z));
            var empty = PortfolioSummary.Empty(Model.Bands);
            return x.Merge(y).Merge(z).Equals(x.Merge(y.Merge(z)))
                && x.Merge(y).Equals(y.Merge(x))
                && x.Merge(empty).Equals(x)
                && empty.Merge(x).Equals(x);
        });
    }

    [Fact]
    public void Summary_WorkedExample_CountsAndFigures()
    {
        // Bands of 30-20-20-15-15: Critical < 40 <= At Risk < 60 <= Neutral < 80 <= Healthy.
        // Scores 90, 85 (Healthy), 70 (Neutral), 50 (At Risk), 20 (Critical), one without a score.
        var builder = new PortfolioSummaryBuilder(Model.Bands);
        // ARR and expected loss: the ARR at risk is the whole ARR of the High and Critical customers.
        builder.Add(Score(90), ChurnRiskLevel.Low, 0m, 10, 0m);
        builder.Add(Score(85), ChurnRiskLevel.Low, 1_000m, 9, 100m);
        builder.Add(Score(70), ChurnRiskLevel.Medium, 2_000m, 8, 250.50m);
        builder.Add(Score(50), ChurnRiskLevel.High, 4_000m, 3, 1000m);
        builder.Add(Score(20), ChurnRiskLevel.Critical, 8_000m, expectedLoss: 5000m, expectedLossIsEstimate: true);
        builder.Add(Model.Score([double.NaN, double.NaN, double.NaN, double.NaN, 10]));
        var s = builder.ToSummary();

        Assert.Equal(6, s.TotalCustomers);
        Assert.Equal(2, s.Healthy);          // green bands
        Assert.Equal(2, s.AtRisk);           // Neutral and At Risk
        Assert.Equal(1, s.Critical);         // the lowest band
        Assert.Equal(1, s.NotScored);
        Assert.Equal(63.0, s.MeanHealth!.Value, 12); // (90 + 85 + 70 + 50 + 20) / 5 = 315 / 5
        Assert.Equal(0.4, s.ShareGreen!.Value, 12);  // 2 of 5 scored
        Assert.False(s.MeetsGreenShareTarget);
        Assert.Equal(15_000m, s.TotalArr);        // 0 + 1 000 + 2 000 + 4 000 + 8 000
        Assert.Equal(12_000m, s.ArrAtRisk);       // 4 000 (High) + 8 000 (Critical)
        Assert.Equal(6350.50m, s.ExpectedLoss);   // 0 + 100 + 250.50 + 1 000 + 5 000
        Assert.True(s.ExpectedLossIsEstimate);

        // The KPI report carries the same revenue figures beside its targets.
        var report = KpiReport.Evaluate(PortfolioFigures.From(s));
        Assert.Equal((15_000m, 12_000m, 6350.50m), (report.Figures.TotalArr, report.Figures.ArrAtRisk, report.Figures.ExpectedLoss));
        Assert.EndsWith("ARR 15000.00, ARR at risk 12000.00, expected loss 6350.50 (estimated)", report.ToString(), StringComparison.Ordinal);
        Assert.Equal([2L, 1L, 1L, 1L], s.CustomersByRiskLevel);
        Assert.Equal(1, s.NotAssessed);
        Assert.Equal(2, s.Nps.Promoters);       // 10, 9
        Assert.Equal(1, s.Nps.Passives);        // 8
        Assert.Equal(1, s.Nps.Detractors);      // 3
        Assert.Equal(25.0, s.Nps.Score, 12);    // (2 - 1) / 4
    }

    [Fact]
    public void ToJson_HasTheSeed000ReportShape()
    {
        var builder = new PortfolioSummaryBuilder(Model.Bands);
        builder.Add(Score(90), ChurnRiskLevel.Low, null, 10);
        builder.Add(Score(50), ChurnRiskLevel.High, 500m, 2, 120.25m);
        builder.Add(Score(10), ChurnRiskLevel.Critical, 100m, 7, 80m);
        using var json = JsonDocument.Parse(builder.ToSummary().ToJson(indented: true));
        var customers = json.RootElement.GetProperty("customers");
        Assert.Equal(3, customers.GetProperty("total_managed").GetInt64());
        Assert.Equal(1, customers.GetProperty("healthy").GetInt64());
        Assert.Equal(1, customers.GetProperty("at_risk").GetInt64());
        Assert.Equal(1, customers.GetProperty("critical").GetInt64());
        var nps = json.RootElement.GetProperty("nps");
        Assert.Equal(0, nps.GetProperty("score").GetInt32()); // (1 promoter - 1 detractor) / 3
        Assert.Equal(1, nps.GetProperty("promoters").GetInt64());
        Assert.Equal(1, nps.GetProperty("passives").GetInt64());
        Assert.Equal(1, nps.GetProperty("detractors").GetInt64());
        var churn = json.RootElement.GetProperty("churn");
        Assert.Equal(600m, churn.GetProperty("total_arr").GetDecimal());
        Assert.Equal(600m, churn.GetProperty("arr_at_risk").GetDecimal());
        Assert.Equal(200.25m, churn.GetProperty("expected_loss").GetDecimal());
        Assert.False(churn.GetProperty("expected_loss_is_estimate").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("health").GetProperty("bands").GetProperty("Healthy").GetInt64());
    }

    [Fact]
    public void Builder_BadInput_Throws()
    {
        var builder = new PortfolioSummaryBuilder(Model.Bands);
        Assert.Equal("annualRecurringRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(Score(50), null, -1m)).ParamName);
        Assert.Equal("expectedLoss", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(Score(50), null, 10m, expectedLoss: 11m)).ParamName);
        Assert.Equal("expectedLoss", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(Score(50), null, 10m, expectedLoss: -1m)).ParamName);
        var full = new PortfolioSummaryBuilder(Model.Bands).Add(Score(50), ChurnRiskLevel.High, decimal.MaxValue);
        Assert.Equal("annualRecurringRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => full.Add(Score(50), ChurnRiskLevel.High, 1m)).ParamName);
        Assert.Equal(1, full.Count);
        Assert.Equal(decimal.MaxValue, full.ToSummary().TotalArr);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(Score(50), npsResponse: 11));
        var other = Model.WithBands(HealthBandSchemes.GreenYellowRed);
        Assert.Equal("health", Assert.Throws<ArgumentException>(() => builder.Add(other.Score([90, 90, 90, 90, 90]))).ParamName);
        Assert.Equal(0, builder.Count);
        Assert.Throws<ArgumentException>(() => builder.ToSummary().Merge(PortfolioSummary.Empty(other.Bands)));
    }

    private static HealthScore Score(double all) => Model.Score([all, all, all, all, all]);

    private static PortfolioSummary Summarize(Customer[] customers)
    {
        var builder = new PortfolioSummaryBuilder(Model.Bands);
        foreach (var c in customers)
        {
            builder.Add(c.Health, c.Level, c.Revenue, c.Nps);
        }

        return builder.ToSummary();
    }

    private sealed record Customer(HealthScore Health, ChurnRiskLevel? Level, decimal? Revenue, int? Nps);
}
