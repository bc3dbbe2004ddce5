using System;
using CustomerSuccess.Churn;
using CustomerSuccess.DependencyInjection;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Renewals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CustomerSuccess.Core's models and services.</summary>
public static class CustomerSuccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default and named <see cref="IHealthScoreModel"/>s (named ones as keyed services),
    /// <see cref="IHealthScoreModelProvider"/>, <see cref="IChurnRiskAssessor"/>, <see cref="IExpansionOpportunityScorer"/>,
    /// <see cref="OnboardingTracker"/>, <see cref="NpsFollowUpPlan"/> (the seed plan with configurable delays), <see cref="NpsSurveyCadence"/>,
    /// <see cref="RenewalPlaybook"/>, <see cref="RenewalProbabilityTable"/> and, unless the application registered one,
    /// NodaTime's system <see cref="IClock"/>; with <see cref="CustomerSuccessOptions"/> validated when the host starts.
    /// Calling it again registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the registration; optional.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCustomerSuccess(this IServiceCollection services, Action<CustomerSuccessBuilder>? configure = null) =>
        Add(services, null, configure);

    /// <summary>As <see cref="AddCustomerSuccess(IServiceCollection, Action{CustomerSuccessBuilder})"/>, with options bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("CustomerSuccess")</c>; validation messages name its paths.</param>
    /// <param name="configure">Configures the registration further; optional, applied after the section.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="section"/> is null.</exception>
    public static IServiceCollection AddCustomerSuccess(this IServiceCollection services, IConfigurationSection section, Action<CustomerSuccessBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(services, section, configure);
    }

    private static IServiceCollection Add(IServiceCollection services, IConfigurationSection? section, Action<CustomerSuccessBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CustomerSuccessOptions>();
        if (section is not null)
        {
            // Bound only when every entry converts: otherwise the binder would drop or stop at a bad entry, and start-up
            // validation lists every problem with its path instead.
            options.Configure(o =>
            {
                if (ConfigurationCheck.Problems(section, typeof(CustomerSuccessOptions)).Count == 0)
                {
                    section.Bind(o);
                }
            });
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<CustomerSuccessOptions>>(
                new ConfigurationChangeTokenSource<CustomerSuccessOptions>(section)));
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerSuccessOptions>>(
            new CustomerSuccessOptionsValidator(section?.Path ?? CustomerSuccessOptions.SectionName, section)));

        services.TryAddSingleton<IHealthScoreModelProvider, HealthModelProvider>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IHealthScoreModelProvider>().Default);
        services.TryAddKeyedSingleton<IHealthScoreModel>(KeyedService.AnyKey, (sp, key) =>
            sp.GetRequiredService<IHealthScoreModelProvider>().Get(key as string ?? throw new ArgumentException("health models are keyed by their name (a string).", nameof(key))));
        services.TryAddSingleton<IChurnRiskAssessor>(sp => new RuleBasedChurnRiskAssessor(Value(sp).Churn));
        services.TryAddSingleton<IExpansionOpportunityScorer>(sp => new ExpansionOpportunityScorer(Value(sp).Expansion));
        services.TryAddSingleton(sp => new OnboardingTracker(Value(sp).Onboarding));
        services.TryAddSingleton(sp => OptionsCompiler.FollowUps(Value(sp).Nps));
        services.TryAddSingleton(sp => OptionsCompiler.Cadence(Value(sp).Nps));
        services.TryAddSingleton(sp => OptionsCompiler.Playbook(Value(sp).Renewals));
        services.TryAddSingleton(sp => OptionsCompiler.Probabilities(Value(sp).Renewals));
#pragma warning disable RS0030 // The one place the system clock is meant: the application's default IClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030

        configure?.Invoke(new CustomerSuccessBuilder(services));
        return services;
    }

    private static CustomerSuccessOptions Value(IServiceProvider sp) => sp.GetRequiredService<IOptions<CustomerSuccessOptions>>().Value;
}
