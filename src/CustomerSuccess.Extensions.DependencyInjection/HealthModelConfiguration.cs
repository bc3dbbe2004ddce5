using System;
using CustomerSuccess.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.DependencyInjection;

/// <summary>
/// Reads one health model from configuration in the format of an entry of <see cref="CustomerSuccessOptions.HealthModels"/>
/// (<c>Preset</c> or <c>Weights</c>, <c>BandScheme</c> or <c>Bands</c>, <c>MissingData</c>, <c>MinimumCoverage</c>;
/// keys ignore case), for a model kept in a file of its own, such as the command-line tool's <c>--model FILE</c>.
/// Thread-safe: it keeps no state; the model it returns is immutable.
/// </summary>
public static class HealthModelConfiguration
{
    /// <summary>Reads and checks a model; every problem is listed, each with its configuration path.</summary>
    /// <param name="section">The model's entry: a section of configuration, or a whole configuration built from one file.</param>
    /// <param name="name">The model's name.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="OptionsValidationException">An entry cannot be used: an unknown key, a value that does not convert, weights that do not sum to 1, a band scheme that does not cover 0 to 100; <see cref="OptionsValidationException.Failures"/> lists them all.</exception>
    public static IHealthScoreModel Read(IConfiguration section, string name)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(name);
        var at = section is IConfigurationSection s ? s.Path : string.Empty;
        var problems = ConfigurationCheck.Problems(section, typeof(HealthModelOptions));
        var options = new HealthModelOptions();
        if (problems.Count == 0)
        {
            section.Bind(options);
            OptionsCompiler.ModelProblems(at, name, options, problems);
        }

        return problems.Count > 0
            ? throw new OptionsValidationException(name, typeof(HealthModelOptions), problems)
            : OptionsCompiler.BuildModel(name, options);
    }
}
