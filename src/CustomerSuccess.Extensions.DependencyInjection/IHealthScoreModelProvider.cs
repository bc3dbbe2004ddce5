using System.Collections.Generic;
using CustomerSuccess.Health;

namespace CustomerSuccess.DependencyInjection;

/// <summary>The health models configured for an application: the default one and every named one.</summary>
/// <remarks>Registered as a singleton by <c>AddCustomerSuccess</c>; thread-safe.</remarks>
public interface IHealthScoreModelProvider
{
    /// <summary>The default model (<see cref="CustomerSuccessOptions.DefaultHealthModel"/>).</summary>
    IHealthScoreModel Default { get; }

    /// <summary>Every name that resolves: the configured models and the presets, ignoring case.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The model of that name: a configured model, or else a preset.</summary>
    /// <param name="name">A name from <see cref="Names"/>, ignoring case.</param>
    /// <returns>The model.</returns>
    /// <exception cref="System.ArgumentException">No model has that name; the message lists the valid names.</exception>
    IHealthScoreModel Get(string name);
}
