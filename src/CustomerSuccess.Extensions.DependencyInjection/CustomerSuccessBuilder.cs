using System;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using CustomerSuccess.Onboarding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerSuccess.DependencyInjection;

/// <summary>Configures what <c>AddCustomerSuccess</c> registers: models by preset or in code, options, and replacements.</summary>
public sealed class CustomerSuccessBuilder
{
    internal CustomerSuccessBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for registrations of your own.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Makes a named model or a preset the default <see cref="IHealthScoreModel"/>.</summary>
    /// <param name="name">A name added with <see cref="AddHealthModel(string, string)"/> or a preset name.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder UseDefaultHealthModel(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Configure(o => o.DefaultHealthModel = name);
    }

    /// <summary>Adds a named model that is a preset.</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="preset">A preset name such as "40-30-30".</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder AddHealthModel(string name, string preset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(preset);
        return Configure(o => o.HealthModels[name] = new HealthModelOptions { Preset = preset });
    }

    /// <summary>Adds a named model built in code.</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="model">The model.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder AddHealthModel(string name, IHealthScoreModel model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(model);
        return Configure(o => o.HealthModels[name] = new HealthModelOptions { Instance = model });
    }

    /// <summary>Changes churn options.</summary>
    /// <param name="configure">Changes to apply.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder ConfigureChurn(Action<ChurnRiskOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Configure(o => configure(o.Churn));
    }

    /// <summary>Changes expansion options.</summary>
    /// <param name="configure">Changes to apply.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder ConfigureExpansion(Action<ExpansionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Configure(o => configure(o.Expansion));
    }

    /// <summary>Changes onboarding options.</summary>
    /// <param name="configure">Changes to apply.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder ConfigureOnboarding(Action<OnboardingTrackerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Configure(o => configure(o.Onboarding));
    }

    /// <summary>Changes any option.</summary>
    /// <param name="configure">Changes to apply.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder Configure(Action<CustomerSuccessOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Replaces the churn assessor with your own implementation.</summary>
    /// <typeparam name="T">Your assessor; registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder UseChurnRiskAssessor<T>()
        where T : class, IChurnRiskAssessor
    {
        Services.Replace(ServiceDescriptor.Singleton<IChurnRiskAssessor, T>());
        return this;
    }

    /// <summary>Replaces the expansion scorer with your own implementation.</summary>
    /// <typeparam name="T">Your scorer; registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public CustomerSuccessBuilder UseExpansionOpportunityScorer<T>()
        where T : class, IExpansionOpportunityScorer
    {
        Services.Replace(ServiceDescriptor.Singleton<IExpansionOpportunityScorer, T>());
        return this;
    }
}
