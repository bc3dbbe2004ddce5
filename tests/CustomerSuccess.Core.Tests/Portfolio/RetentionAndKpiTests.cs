using System;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Portfolio;

/// <summary>Retention metrics on hand-made subscription tables, churn-rate conversion and the KPI report.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class RetentionAndKpiTests
{
    private static readonly LocalDate Q1 = new(2026, 1, 1);
    private static readonly LocalDate Q2 = new(2026, 4, 1);

    [Fact]
    public void Compute_HandMadeTable_MatchesTheHandComputation()
    {
        SubscriptionRecord[] table =
        [
            new("A", new(2025, 1, 1), null, 1000m),                  // retained unchanged: 1000 -> 1000
            new("B", new(2025, 6, 1), new(2026, 2, 15), 500m),       // churned: 500 -> 0
            new("C", new(2025, 3, 1), new(2026, 3, 1), 800m),        // downsell: 800 -> 600
            new("C", new(2026, 3, 1), null, 600m),
            new("D", new(2025, 1, 1), null, 400m),                   // expansion: 400 -> 700 (an add-on of 300)
            new("D", new(2026, 2, 1), null, 300m),
            new("E", new(2026, 2, 1), null, 700m),                   // new during the period: must not count in NRR or GRR
            new("F", new(2024, 1, 1), new(2025, 12, 31), 900m),      // gone before the period: not counted at all
        ];

        var m = RetentionMetrics.Compute(table, Q1, Q2);

        // Start MRR = 1000 + 500 + 800 + 400 = 2700; the cohort's end MRR = 1000 + 0 + 600 + 700 = 2300.
        Assert.Equal(2700m, m.StartMrr);
        Assert.Equal(2300m, m.RetainedMrr);
        Assert.Equal(3000m, m.EndMrr);          // 2300 + E's 700
        Assert.Equal(700m, m.NewMrr);
        Assert.Equal(500m, m.ChurnedMrr);
        Assert.Equal(200m, m.DownsellMrr);
        Assert.Equal(300m, m.ExpansionMrr);
        Assert.Equal(2300.0 / 2700, m.NetRevenueRetention!.Value, 12);            // 0.8519
        Assert.Equal((2700.0 - 500 - 200) / 2700, m.GrossRevenueRetention!.Value, 12); // 0.7407
        Assert.Equal(4, m.AccountsAtStart);
        Assert.Equal(1, m.AccountsChurned);
        Assert.Equal(1, m.NewAccounts);
        Assert.Equal(4, m.AccountsAtEnd);       // A, C, D, E
        Assert.Equal(0.25, m.LogoChurnRate!.Value, 12);
        Assert.Equal(90, m.PeriodDays);         // 31 + 28 + 31
        Assert.Equal(1 - Math.Pow(0.75, 365.0 / 90), m.AnnualLogoChurnRate!.Value, 12);
        Assert.Equal(300.0 / 2700, m.ExpansionShareOfMrr!.Value, 12);
    }

    [Fact]
    public void Compute_ExpansionOnly_GivesNrrAboveOneAndGrrOfOne()
    {
        // X grows 100 -> 150, Y stays 100: NRR = 250 / 200 = 1.25, GRR = (200 - 0 - 0) / 200 = 1.
        SubscriptionRecord[] table =
        [
            new("X", new(2025, 1, 1), new(2026, 2, 1), 100m),
            new("X", new(2026, 2, 1), null, 150m),
            new("Y", new(2025, 1, 1), null, 100m),
        ];
        var m = RetentionMetrics.Compute(table, Q1, Q2);
        Assert.Equal(1.25, m.NetRevenueRetention!.Value, 12);
        Assert.Equal(1.0, m.GrossRevenueRetention!.Value, 12);
        Assert.Equal(0, m.LogoChurnRate);
    }

    [Property]
    public Property Compute_RandomTables_GrrNeverExceedsOneNorNrr()
    {
        var record =
            from account in Gen.Choose(0, 9)
            from start in Gen.Choose(-400, 120)
            from length in ChurnGen.Maybe(Gen.Choose(0, 500))
            from mrr in Gen.Choose(0, 100_000)
            select new SubscriptionRecord($"A{account}", Q1.PlusDays(start), length is { } l ? Q1.PlusDays(start + l) : null, mrr / 100m);
        return Prop.ForAll(Gen.ArrayOf(record).ToArbitrary(), table =>
        {
            var m = RetentionMetrics.Compute(table, Q1, Q2);
            return m.StartMrr == 0
                ? m.GrossRevenueRetention is null && m.NetRevenueRetention is null
                : m.GrossRevenueRetention <= 1 && m.GrossRevenueRetention >= 0 && m.GrossRevenueRetention <= m.NetRevenueRetention + 1e-12
                  && m.StartMrr - m.ChurnedMrr - m.DownsellMrr + m.ExpansionMrr == m.RetainedMrr;
        });
    }

    [Fact]
    public void BadInput_ThrowsNamingTheArgument()
    {
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => new SubscriptionRecord("A", Q2, Q1, 10m)).ParamName);
        Assert.Equal("monthlyRecurringRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => new SubscriptionRecord("A", Q1, null, -0.01m)).ParamName);
        Assert.Equal("periodEnd", Assert.Throws<ArgumentException>(() => RetentionMetrics.Compute([], Q1, Q1)).ParamName);
        Assert.Equal("periodEnd", Assert.Throws<ArgumentException>(() => RetentionMetrics.Compute([], Q2, Q1)).ParamName);
        Assert.Equal("subscriptions", Assert.Throws<ArgumentException>(() => RetentionMetrics.Compute([null!], Q1, Q2)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => RetentionMetrics.AnnualizeChurnRate(1.5, 30)).ParamName);
        Assert.Equal("fromDays", Assert.Throws<ArgumentOutOfRangeException>(() => RetentionMetrics.ConvertChurnRate(0.1, 0, 30)).ParamName);
    }

    [Fact]
    public void ConvertChurnRate_HandExamples()
    {
        // 19 % over half a year: 1 - 0.81^2 = 0.3439 a year.
        Assert.Equal(0.3439, RetentionMetrics.AnnualizeChurnRate(0.19, 182.5), 12);
        // And back: 1 - (1 - 0.3439)^(1/2) = 1 - 0.81 = 0.19.
        Assert.Equal(0.19, RetentionMetrics.ConvertChurnRate(0.3439, 365, 182.5), 12);
        Assert.Equal(0, RetentionMetrics.AnnualizeChurnRate(0, 30));
        Assert.Equal(1, RetentionMetrics.AnnualizeChurnRate(1, 30));
    }

    [Fact]
    public void ConvertChurnRate_TheDocsExample_MonthlyTwoPercent()
    {
        // 1 − 0.98^12 = 0.21528 (21.5 %); 1 − 0.98^(365/30) = 0.21832 (21.8 %).
        Assert.Equal(1 - Math.Pow(0.98, 12), RetentionMetrics.ConvertChurnRate(0.02, 1, 12), 12);
        Assert.Equal("21.5%", RetentionMetrics.ConvertChurnRate(0.02, 1, 12).ToString("0.0%", CultureInfo.InvariantCulture));
        Assert.Equal("21.8%", RetentionMetrics.AnnualizeChurnRate(0.02, 30).ToString("0.0%", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToString_EmptyCohort_SaysSoInsteadOfBlanks()
    {
        var m = RetentionMetrics.Compute([], Q1, Q2);

        Assert.Null(m.NetRevenueRetention);
        Assert.EndsWith("NRR n/a (no accounts at the start), GRR n/a (no accounts at the start), logo churn n/a (no accounts at the start)", m.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KpiReport_DefaultTargets_ReportsEachWithFigureAndTarget()
    {
        var figures = new PortfolioFigures
        {
            NetRevenueRetention = 1.12,      // > 1.10 met
            GrossRevenueRetention = 0.90,    // > 0.90 not met (strictly above)
            AnnualChurnRate = 0.07,          // < 0.10 met (001), < 0.05 not met (000)
            NetPromoterScore = 52,           // > 50 met, twice
            ShareGreen = 0.79,               // > 0.80 not met
            OnboardingCompletion = 0.80,     // >= 0.80 met
        };
        var report = KpiReport.Evaluate(figures);

        Assert.Equal(KpiTargets.Seed001.Count + KpiTargets.Seed000.Count, report.Results.Count);
        bool? Met(KpiMetric metric, string source) => report.Results.Single(r => r.Target.Metric == metric && r.Target.Source == source).Met;
        Assert.True(Met(KpiMetric.NetRevenueRetention, "CS Manager playbook"));
        Assert.False(Met(KpiMetric.GrossRevenueRetention, "CS Manager playbook"));
        Assert.True(Met(KpiMetric.AnnualChurnRate, "CS Manager playbook"));
        Assert.False(Met(KpiMetric.AnnualChurnRate, "Petra playbook"));
        Assert.True(Met(KpiMetric.NetPromoterScore, "Petra playbook"));
        Assert.False(Met(KpiMetric.ShareGreen, "CS Manager playbook"));
        Assert.True(Met(KpiMetric.OnboardingCompletion, "Petra playbook"));
        Assert.Null(Met(KpiMetric.ExpansionRevenueShare, "Petra playbook"));
        Assert.Equal(5, report.MetCount);  // NRR, churn (001), NPS twice, onboarding
        Assert.Equal(3, report.MissedCount);
        Assert.Equal(9, report.UnknownCount); // expansion share, and the eight time and share targets no figure was given for
        Assert.Contains("NetRevenueRetention > 110 % (CS Manager playbook): 112 %, met", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("ProductAdoption > 70 % (CS Manager playbook): no figure: ProductAdoption is not known from the input", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KpiTargets_EveryStatedTarget_HasAPreset()
    {
        // CS Manager playbook: "Product adoption: >70% of key features", "QBR completion: 100% of strategic accounts",
        // "Expansion opportunities identified in >50% of accounts", ">30% of customers converted to advocates",
        // "Respond to customer inquiries within 4 hours", "Time to value: <30 days", "onboarding within 30 days";
        // Petra playbook: "Time to first value: <24 hours"; CS Agent playbook: "NRR: >100%".
        var figures = new PortfolioFigures
        {
            ProductAdoption = 0.71,
            QbrCompletion = 0.99,
            ExpansionOpportunityShare = 0.5,
            AdvocateShare = 0.31,
            ResponseTimeHours = 4,
            TimeToFirstValueHours = 23.5,
            TimeToValueDays = 30,
            OnboardingDurationDays = 30,
            NetRevenueRetention = 1.05,
            NetPromoterScore = 71,
        };
        var report = KpiReport.Evaluate(figures, [.. KpiTargets.Default, .. KpiTargets.Seed004, KpiTargets.WorldClassNps]);
        bool? Met(KpiMetric metric, string source) => report.Results.Single(r => r.Target.Metric == metric && r.Target.Source == source).Met;

        Assert.True(Met(KpiMetric.ProductAdoption, "CS Manager playbook"));
        Assert.False(Met(KpiMetric.QbrCompletion, "CS Manager playbook"));
        Assert.False(Met(KpiMetric.ExpansionOpportunityShare, "CS Manager playbook"));   // more than half, strictly
        Assert.True(Met(KpiMetric.AdvocateShare, "CS Manager playbook"));
        Assert.True(Met(KpiMetric.ResponseTimeHours, "CS Manager playbook"));            // within 4 hours
        Assert.True(Met(KpiMetric.TimeToFirstValueHours, "Petra playbook"));             // 23.5 h, not rounded to a day
        Assert.False(Met(KpiMetric.TimeToValueDays, "CS Manager playbook"));             // under 30 days, strictly
        Assert.True(Met(KpiMetric.OnboardingDurationDays, "CS Manager playbook"));
        Assert.True(Met(KpiMetric.NetRevenueRetention, "CS Agent playbook"));
        Assert.False(Met(KpiMetric.NetRevenueRetention, "CS Manager playbook"));
        Assert.True(Met(KpiMetric.NetPromoterScore, "CS Manager playbook (world-class)"));
        Assert.Contains("TimeToFirstValueHours < 24 h (Petra playbook): 23.5 h, met", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("TimeToValueDays < 30 days (CS Manager playbook): 30 days, not met", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KpiReport_CustomTargets_AreUsedInstead()
    {
        var report = KpiReport.Evaluate(new PortfolioFigures { NetPromoterScore = 30 }, [new KpiTarget(KpiMetric.NetPromoterScore, KpiComparison.AtLeast, 30, "our board")]);
        Assert.True(report.Results.Single().Met);
        Assert.Throws<ArgumentException>(() => new KpiTarget(KpiMetric.ShareGreen, KpiComparison.Above, 0.8, " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KpiTarget(KpiMetric.ShareGreen, KpiComparison.Above, double.NaN, "x"));
    }
}
