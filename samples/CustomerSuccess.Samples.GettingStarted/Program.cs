// Each method below holds one code block of docs/getting-started.md, as the page shows it (a test checks that every
// line of every block is here, in order); the usings the blocks show are at the top.
using CustomerSuccess.Health;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerSuccess.Samples.GettingStarted;

public static class Program
{
    public static void Main()
    {
        ScoreACustomer();
        YourOwnModel();
        ScoringManyCustomers();
        Trends();
        DependencyInjection();
    }

    private static void ScoreACustomer()
    {
        IHealthScoreModel model = HealthScoreModels.UsageEngagementSupport;   // "40-30-30", the Petra playbook

        HealthScoreResult result = model.Evaluate(new Dictionary<string, double?>
        {
            ["usage"] = 80,
            ["engagement"] = 70,
            ["support"] = null,          // missing: the model renormalizes over usage and engagement
        });

        if (result.Score.HasScore)
        {
            Console.WriteLine($"{result.Score.Value:0.0} {result.Score.Band.Label}");   // 75.7 Neutral
            foreach (var drag in result.BiggestDrags())
            {
                Console.WriteLine($"{drag.Component.DisplayName}: {drag.PointsLost:0.0} points below perfect");
            }
        }
    }

    private static void YourOwnModel()
    {
        var bands = new HealthBandScheme("ours",
        [
            new HealthBand("Red", 0, HealthBandColor.Red, rank: 0),
            new HealthBand("Amber", 55, HealthBandColor.Yellow, rank: 1),
            new HealthBand("Green", 75, HealthBandColor.Green, rank: 2),
        ]);

        var model = new WeightedHealthScoreModel("ours",
        [
            new HealthComponent("usage", "Usage", 0.5),
            new HealthComponent("nps", "NPS", 0.3),
            new HealthComponent("tickets", "Support tickets", 0.2),
        ], bands, new MissingDataPolicy(MissingDataHandling.TreatAsZero, minimumCoverage: 0.6));
        Console.WriteLine(model.Name);
    }

    private static void ScoringManyCustomers()
    {
        var model = HealthScoreModels.UsageEngagementSupport;        // components: usage, engagement, support
        double[][] customers = [[80, 70, 50], [40, double.NaN, 60]];  // one row per customer, NaN for a missing score

        Span<double> row = stackalloc double[model.Components.Count];
        foreach (var customer in customers)
        {
            customer.CopyTo(row);
            HealthScore score = model.Score(row);                      // 68 Neutral, then 48.57 At Risk
            Console.WriteLine($"{score.Value:0.##} {score.Band.Label}");
        }
    }

    private static void Trends()
    {
        var model = HealthScoreModels.UsageEngagementSupport;
        DatedHealthScore[] history =                                   // oldest first
        [
            new(new LocalDate(2026, 9, 1), 82),
            new(new LocalDate(2026, 10, 1), 74),
            new(new LocalDate(2026, 11, 1), 61),
        ];

        var trend = new HealthTrendAnalyzer().Analyze(history, model.Bands);
        Console.WriteLine($"{trend.SlopePerWeek:0.0} points a week, {trend.Direction}, now {trend.CurrentBand?.Label}");
        // trend.Transitions: the band changes, with a 2-point hysteresis margin
    }

    private static void DependencyInjection()
    {
        var services = new ServiceCollection();
        services.AddCustomerSuccess();                                 // or AddCustomerSuccess(configuration.GetSection("CustomerSuccess"))

        using var provider = services.BuildServiceProvider();
        var model = provider.GetRequiredService<IHealthScoreModel>();  // the default model, 40-30-30
        Console.WriteLine(model.Name);
    }
}
