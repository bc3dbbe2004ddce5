using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.DependencyInjection;

/// <summary>
/// Reads a health profile set from configuration (<c>Profiles</c>, a list of <c>Name</c>, <c>Segment</c>,
/// <c>Stage</c> and <c>Model</c>, the model in the format <see cref="HealthModelConfiguration"/> reads; and
/// <c>Default</c>, a profile with a name and a model only; keys ignore case), for a set kept in a file of its own,
/// such as the command-line tool's <c>--profiles FILE</c>. Besides the model presets, a profile's <c>Preset</c> may
/// be "onboarding", the onboarding profile's model. Thread-safe: it keeps no state; the set it returns is immutable.
/// </summary>
public static class HealthProfileConfiguration
{
    /// <summary>Reads and checks a profile set; every problem is listed, each with its configuration path.</summary>
    /// <param name="section">The set's entry: a section of configuration, or a whole configuration built from one file.</param>
    /// <returns>The profile set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is null.</exception>
    /// <exception cref="OptionsValidationException">
    /// An entry cannot be used: an unknown key, a value that does not convert (a stage that is not a lifecycle stage's
    /// name), a profile without a name or a model, a default that names a segment or a stage, a model entry's own
    /// problems, two profiles with one name or one segment and stage; <see cref="OptionsValidationException.Failures"/> lists them all.
    /// </exception>
    public static HealthProfileSet Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var at = section is IConfigurationSection s ? s.Path : string.Empty;
        string Key(string key) => at.Length == 0 ? key : $"{at}:{key}";
        var problems = ConfigurationCheck.Problems(section, typeof(HealthProfileSetOptions));
        var options = new HealthProfileSetOptions();
        if (problems.Count == 0)
        {
            section.Bind(options);
            var profiles = options.Profiles ?? [];
            if (profiles.Count == 0 && options.Default is null)
            {
                problems.Add($"{(at.Length == 0 ? "the profile set" : at)} has no profiles; set Profiles, or a Default.");
            }

            for (var i = 0; i < profiles.Count; i++)
            {
                ProfileProblems(Key(string.Create(CultureInfo.InvariantCulture, $"Profiles:{i}")), profiles[i], isDefault: false, problems);
            }

            if (options.Default is { } fallback)
            {
                ProfileProblems(Key("Default"), fallback, isDefault: true, problems);
            }

            if (problems.Count == 0)
            {
                try
                {
                    return Build(options);
                }
                catch (ArgumentException ex)
                {
                    problems.Add($"{(at.Length == 0 ? "the profile set" : at)}: {OptionsCompiler.MessageOf(ex)}");
                }
            }
        }

        throw new OptionsValidationException(at.Length == 0 ? "profiles" : at, typeof(HealthProfileSetOptions), problems);
    }

    private static void ProfileProblems(string at, HealthProfileOptions? profile, bool isDefault, List<string> problems)
    {
        if (profile is null)
        {
            problems.Add($"{at} is empty; set Name and Model.");
            return;
        }

        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            problems.Add($"{at}:Name is missing; every profile needs a name.");
        }

        if (isDefault && (profile.Segment is not null || profile.Stage is not null))
        {
            problems.Add($"{at} names a segment or a stage; the default profile scores every customer no other profile matches, so it names neither.");
        }

        if (profile.Model is null)
        {
            problems.Add($"{at}:Model is missing; set its Preset or Weights.");
            return;
        }

        OptionsCompiler.ModelProblems($"{at}:Model", profile.Name ?? "profile", profile.Model, problems);
    }

    private static HealthProfileSet Build(HealthProfileSetOptions options)
    {
        HealthProfile Profile(HealthProfileOptions p) =>
            new(p.Name!, OptionsCompiler.BuildModel(p.Name!, p.Model!)) { Segment = p.Segment, Stage = p.Stage };

        var profiles = new List<HealthProfile>();
        foreach (var p in options.Profiles ?? [])
        {
            profiles.Add(Profile(p));
        }

        return new HealthProfileSet(profiles, options.Default is { } d ? Profile(d) : null);
    }
}
