using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Renewals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace CustomerSuccess.DependencyInjection.Tests;

public sealed class AddCustomerSuccessTests
{
    private static string RepositoryRoot =>
        typeof(AddCustomerSuccessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static string SampleJson => Path.Combine(RepositoryRoot, "docs", "appsettings.sample.json");

    private static IConfigurationSection InMemory(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("CustomerSuccess");

    private static ServiceProvider Provider(IConfigurationSection section, Action<CustomerSuccessBuilder>? configure = null) =>
        new ServiceCollection().AddCustomerSuccess(section, configure).BuildServiceProvider(validateScopes: true);

    [Fact]
    public void NoConfiguration_RegistersEveryServiceWithTheCoreDefaults()
    {
        using var provider = new ServiceCollection().AddCustomerSuccess().BuildServiceProvider();

        Assert.Same(HealthScoreModels.UsageEngagementSupport, provider.GetRequiredService<IHealthScoreModel>());
        Assert.IsType<RuleBasedChurnRiskAssessor>(provider.GetRequiredService<IChurnRiskAssessor>());
        Assert.IsType<ExpansionOpportunityScorer>(provider.GetRequiredService<IExpansionOpportunityScorer>());
        Assert.NotNull(provider.GetRequiredService<OnboardingTracker>());
        Assert.Equal(
            NpsFollowUpPlan.Default.Detractor.Select(st => st.DueAfter),
            provider.GetRequiredService<NpsFollowUpPlan>().Detractor.Select(st => st.DueAfter));
        Assert.Equal(90, provider.GetRequiredService<NpsSurveyCadence>().SecondAfterDays);
        Assert.Same(RenewalPlaybook.Seed004, provider.GetRequiredService<RenewalPlaybook>());
        Assert.Equal(0.85, provider.GetRequiredService<RenewalProbabilityTable>().DefaultProbability);
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void PresetByName_FromInMemoryConfiguration_IsTheDefaultModel()
    {
        using var provider = Provider(InMemory(new() { ["CustomerSuccess:DefaultHealthModel"] = "40-25-25-10" }));

        Assert.Same(HealthScoreModels.UsageEngagementOutcomesRelationship, provider.GetRequiredService<IHealthScoreModel>());
        Assert.Same(HealthScoreModels.Signals, provider.GetRequiredKeyedService<IHealthScoreModel>("20-25-25-15-15-signals"));
    }

    [Fact]
    public void SampleJsonFile_CustomModelScoresLikeTheSameModelBuiltInCode()
    {
        var section = new ConfigurationBuilder().AddJsonFile(SampleJson).Build().GetSection("CustomerSuccess");
        using var provider = Provider(section);
        var inCode = new WeightedHealthScoreModel(
            "ours",
            [new HealthComponent("usage", "usage", 0.5), new HealthComponent("nps", "nps", 0.3), new HealthComponent("tickets", "tickets", 0.2)],
            new HealthBandScheme("ours-bands", [new HealthBand("Red", 0, HealthBandColor.Red, 0), new HealthBand("Amber", 55, HealthBandColor.Yellow, 1), new HealthBand("Green", 75, HealthBandColor.Green, 2)]),
            new MissingDataPolicy(MissingDataHandling.TreatAsZero, 0.6));

        var configured = provider.GetRequiredService<IHealthScoreModel>();

        foreach (var row in new[] { new[] { 80.0, 60, 90 }, [50, double.NaN, 70], [double.NaN, double.NaN, 100], [100, 100, 100] })
        {
            var byKey = new Dictionary<string, double?> { ["usage"] = Value(row[0]), ["nps"] = Value(row[1]), ["tickets"] = Value(row[2]) };
            Assert.Equal(inCode.Evaluate(byKey).Score, configured.Evaluate(byKey).Score);
        }

        // Configuration keeps no key order: a configured model's components are in key order.
        Assert.Equal(["nps", "tickets", "usage"], configured.Components.Select(c => c.Key));

        Assert.Equal("ours", configured.Name);
        Assert.Equal("40-30-20-10-adoption", HealthScoreModels.AdoptionEngagementSentimentOutcomes.Name);
        Assert.Equal(["productAdoption", "engagement", "sentiment", "businessOutcomes"], provider.GetRequiredKeyedService<IHealthScoreModel>("board").Components.Select(c => c.Key));
        var churn = provider.GetRequiredService<IChurnRiskAssessor>().Assess(new CustomerSignals(new LocalDate(2026, 6, 1)) { LatePayments = 3, LastLoginDate = new LocalDate(2026, 5, 23) });
        Assert.Empty(churn.Factors);                                                  // late-payment is disabled; 9 days without login < 10
        Assert.Same(RenewalPlaybook.Seed003, provider.GetRequiredService<RenewalPlaybook>());
        Assert.Equal(Duration.FromHours(12), provider.GetRequiredService<NpsFollowUpPlan>().Detractor[0].DueAfter);
        Assert.Equal(0.4, provider.GetRequiredService<RenewalProbabilityTable>().ProbabilityOf("red"));
        Assert.Equal(0.95, provider.GetRequiredService<RenewalProbabilityTable>().ProbabilityOf("Green"));
    }

    [Fact]
    public void SampleJsonFile_IsTheOneShownInTheDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "dependency-injection.md")).ReplaceLineEndings("\n");

        Assert.Contains(File.ReadAllText(SampleJson).ReplaceLineEndings("\n").Trim(), docs);
    }

    [Fact]
    public void NamedModels_ResolveByKeyAndThroughTheProvider()
    {
        var custom = HealthScoreModels.UsageEngagementSupport.WithName("custom").WithBands(HealthBandSchemes.GreenYellowRed);
        using var provider = new ServiceCollection()
            .AddCustomerSuccess(b => b.AddHealthModel("Premium", "30-20-20-15-15").AddHealthModel("custom", custom).UseDefaultHealthModel("premium"))
            .BuildServiceProvider();

        Assert.Equal("Premium", provider.GetRequiredKeyedService<IHealthScoreModel>("premium").Name);
        Assert.Same(custom, provider.GetRequiredKeyedService<IHealthScoreModel>("custom"));
        Assert.Equal("Premium", provider.GetRequiredService<IHealthScoreModel>().Name);
        var ex = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IHealthScoreModelProvider>().Get("gold"));
        Assert.Contains("there is no health model named 'gold'; valid names: ", ex.Message);
    }

    [Fact]
    public void Replacement_UsersOwnAssessor_Wins()
    {
        using var viaBuilder = new ServiceCollection().AddCustomerSuccess(b => b.UseChurnRiskAssessor<AlwaysLow>()).BuildServiceProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IChurnRiskAssessor, AlwaysLow>();
        using var registeredFirst = services.AddCustomerSuccess().BuildServiceProvider();

        Assert.IsType<AlwaysLow>(viaBuilder.GetRequiredService<IChurnRiskAssessor>());
        Assert.IsType<AlwaysLow>(registeredFirst.GetRequiredService<IChurnRiskAssessor>());
    }

    [Fact]
    public void Clock_RegisteredByTheApplication_IsKept()
    {
        var fixedClock = new FixedClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(fixedClock);

        using var provider = services.AddCustomerSuccess().BuildServiceProvider();

        Assert.Same(fixedClock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddCustomerSuccess();
        var count = services.Count(d => !IsOptionsConfiguration(d));

        services.AddCustomerSuccess();

        Assert.Single(services, d => d.ServiceType == typeof(IChurnRiskAssessor));
        Assert.Single(services, d => d.ServiceType == typeof(IHealthScoreModel) && !d.IsKeyedService);
        Assert.Single(services, d => d.ServiceType == typeof(IHealthScoreModel) && d.IsKeyedService);
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CustomerSuccessOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Equal(count, services.Count(d => !IsOptionsConfiguration(d)));
    }

    // Options configuration (binding, start-up validation) may be added again; services may not.
    private static bool IsOptionsConfiguration(ServiceDescriptor d) =>
        d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>);

    public static TheoryData<Dictionary<string, string?>, string[]> BadConfigurations => new()
    {
        {
            new() { ["CustomerSuccess:HealthModels:default:Weights:usage"] = "0.5", ["CustomerSuccess:HealthModels:default:Weights:support"] = "0.45" },
            ["CustomerSuccess:HealthModels:default:Weights sum to 0.95, must sum to 1."]
        },
        {
            new() { ["CustomerSuccess:HealthModels:default:Weights:usage"] = "1.2", ["CustomerSuccess:HealthModels:default:Weights:support"] = "-0.2" },
            ["CustomerSuccess:HealthModels:default:Weights:support is -0.2; a weight must be a finite number, 0 or more."]
        },
        {
            new()
            {
                ["CustomerSuccess:HealthModels:default:Preset"] = "40-30-30",
                ["CustomerSuccess:HealthModels:default:Bands:0:Label"] = "Low",
                ["CustomerSuccess:HealthModels:default:Bands:0:LowerBound"] = "10",
                ["CustomerSuccess:HealthModels:default:Bands:1:Label"] = "High",
                ["CustomerSuccess:HealthModels:default:Bands:1:LowerBound"] = "10",
            },
            ["CustomerSuccess:HealthModels:default: Health band scheme 'default-bands' is invalid", "no band covers [0, 10)", "bands 'Low' and 'High' overlap: both start at 10"]
        },
        {
            new() { ["CustomerSuccess:HealthModels:default:Preset"] = "50-50" },
            ["CustomerSuccess:HealthModels:default:Preset '50-50' is not a preset; valid names: 40-30-30, 40-30-20-10-adoption,"]
        },
        {
            new() { ["CustomerSuccess:DefaultHealthModel"] = "gold" },
            ["CustomerSuccess:DefaultHealthModel 'gold' names no model; valid names: 40-30-30,"]
        },
        {
            new() { ["CustomerSuccess:Churn:ProbabilityMediumAt"] = "0.8", ["CustomerSuccess:Churn:MaxDaysWithoutContact"] = "-5" },
            ["CustomerSuccess:Churn: the probability thresholds must satisfy 0 < ProbabilityMediumAt < ProbabilityHighAt ≤ 1 but are 0.8, 0.7.", "CustomerSuccess:Churn: MaxDaysWithoutContact is -5; it must be 0 or more."]
        },
        {
            new() { ["CustomerSuccess:Nps:DetractorOutreachHours"] = "-1" },
            ["CustomerSuccess:Nps: step 'Immediate follow-up call to understand the score' must be due 0 or more after the response"]
        },
        {
            new()
            {
                ["CustomerSuccess:HealthModels:ours:Weights:usage"] = "0,5",
                ["CustomerSuccess:HealthModels:ours:Weights:support"] = "0.5",
                ["CustomerSuccess:HealthModels:ours:Bands:0:Label"] = "Red",
                ["CustomerSuccess:HealthModels:ours:Bands:0:LowerBound"] = "0",
                ["CustomerSuccess:HealthModels:ours:Bands:0:Color"] = "Amber",
                ["CustomerSuccess:HealthModels:ours:MissingData"] = "Renormalise",
                ["CustomerSuccess:Churn:DaysWithoutLogin"] = "ten",
                ["CustomerSuccess:Churn:HighLevelAt"] = "55",
                ["CustomerSuccess:Nps:MinimumResponses"] = "",
            },
            [
                "CustomerSuccess:HealthModels:ours:Weights:usage: '0,5' is not a number (write numbers with a point, as in 0.5).",
                "CustomerSuccess:HealthModels:ours:Bands:0:Color: 'Amber' is not a HealthBandColor; the values are Red, Yellow, Green.",
                "CustomerSuccess:HealthModels:ours:MissingData: 'Renormalise' is not a MissingDataHandling; the values are",
                "CustomerSuccess:Churn:DaysWithoutLogin: 'ten' is not a whole number.",
                "CustomerSuccess:Churn:HighLevelAt: no such setting; the settings here are",
                "CustomerSuccess:Nps:MinimumResponses: '' is empty; a whole number is expected.",
            ]
        },
        {
            new() { ["CustomerSuccess:Churn:DisabledRules:0"] = "late-paymnet", ["CustomerSuccess:Churn:LevelPolicy"] = "highest" },
            ["CustomerSuccess:Churn:LevelPolicy: LevelPolicy is set in code (it is a IChurnLevelPolicy), not in configuration."]
        },
        {
            new() { ["CustomerSuccess:Churn:DisabledRules:0"] = "late-paymnet" },
            ["CustomerSuccess:Churn: DisabledRules names 'late-paymnet', which is no rule's id"]
        },
        {
            new() { ["CustomerSuccess:HealthModels:default:Weights:usage"] = "0.5", ["CustomerSuccess:HealthModels:default:Weights:support"] = "0.2", ["CustomerSuccess:HealthModels:default:Weights:billing"] = "0.1" },
            ["CustomerSuccess:HealthModels:default:Weights sum to 0.8, must sum to 1."]
        },
        {
            new() { ["CustomerSuccess:Renewals:Playbook"] = "seed-009", ["CustomerSuccess:Nps:ConfidenceLevel"] = "95" },
            ["CustomerSuccess:Renewals:Playbook: 'seed-009' is not a renewal playbook; valid names: seed-003, seed-004.", "CustomerSuccess:Nps:ConfidenceLevel is 95; it must be in (0, 1)."]
        },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task BadConfiguration_HostFailsToStart_ListingEveryProblemWithItsPath(Dictionary<string, string?> values, string[] messages)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddCustomerSuccess(builder.Configuration.GetSection("CustomerSuccess"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        foreach (var message in messages)
        {
            Assert.Contains(ex.Failures, f => f.Contains(message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task UnknownConfigurationKey_HostFailsToStart_NamingTheKey()
    {
        // A setting the options do not have (here one removed in this version) must not be dropped silently.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CustomerSuccess:Churn:HighLevelAt"] = "55" });
        builder.Services.AddCustomerSuccess(builder.Configuration.GetSection("CustomerSuccess"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith("CustomerSuccess:Churn:HighLevelAt: no such setting; the settings here are ", failure, StringComparison.Ordinal);
        Assert.Contains(", DaysWithoutLogin, ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysMatchIgnoringCase_AsTheBinderMatchesThem()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["customersuccess:defaulthealthmodel"] = "ours",
            ["customersuccess:healthmodels:ours:weights:usage"] = "1",
            ["customersuccess:healthmodels:ours:missingdata"] = "treatASzero",
        });
        builder.Services.AddCustomerSuccess(builder.Configuration.GetSection("CustomerSuccess"));
        using var host = builder.Build();

        await host.StartAsync();

        var model = host.Services.GetRequiredService<IHealthScoreModel>();
        Assert.Equal(("ours", MissingDataHandling.TreatAsZero), (model.Name, model.MissingData.Handling));
        await host.StopAsync();
    }

    [Fact]
    public async Task GoodConfiguration_HostStarts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonFile(SampleJson);
        builder.Services.AddCustomerSuccess(builder.Configuration.GetSection("CustomerSuccess"));
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal("ours", host.Services.GetRequiredService<IHealthScoreModel>().Name);
        await host.StopAsync();
    }

    private static double? Value(double x) => double.IsNaN(x) ? null : x;

    private sealed class AlwaysLow : IChurnRiskAssessor
    {
        public ChurnAssessment Assess(CustomerSignals signals) =>
            new(signals.CustomerId, signals.AsOf, ChurnRiskLevel.Low, 0, [], null, null, null, null, 0, []);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
