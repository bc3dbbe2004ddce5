using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.DependencyInjection;
using CustomerSuccess.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.Cli;

/// <summary>Turns <c>--model</c> into a model: a preset name, or the path of a JSON model file.</summary>
internal static class ModelResolver
{
    /// <summary>The preset used when <c>--model</c> is not given: the five-component model the sample data is made for.</summary>
    public const string DefaultModel = "30-20-20-15-15";

    /// <summary>Where each preset comes from, for <c>models</c>.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["40-30-30"] = "Petra",
        ["40-30-20-10-adoption"] = "CS Manager",
        ["40-30-20-10-metrics"] = "CS Expert",
        ["30-20-20-15-15"] = "CS Specialist",
        ["40-25-25-10"] = "CS Agent",
        ["20-25-25-15-15-signals"] = "CS Agent",
    };

    public static IHealthScoreModel Resolve(string? nameOrPath)
    {
        var name = nameOrPath ?? DefaultModel;
        if (HealthScoreModels.TryGet(name, out var preset))
        {
            return preset;
        }

        if (File.Exists(name))
        {
            return Load(name);
        }

        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"the model file '{name}' does not exist.");
        }

        throw new UsageException(
            $"unknown model '{name}'; the presets are {string.Join(", ", HealthScoreModels.All.Select(m => m.Name))}, or give the path of a JSON model file.");
    }

    /// <summary>
    /// Reads a model file: JSON in the format of an entry of the dependency-injection package's <c>HealthModels</c>
    /// (<c>{"Weights": {"usage": 0.5, ...}, "Bands": [{"Label": "Red", "LowerBound": 0, "Color": "Red"}, ...],
    /// "MissingData": "Renormalize", "MinimumCoverage": 0.5}</c>, or <c>"Preset"</c>, or <c>"BandScheme"</c>; keys
    /// ignore case), read and checked by <see cref="HealthModelConfiguration.Read"/>. The model's name is the file's.
    /// </summary>
    public static IHealthScoreModel Load(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        IHealthScoreModel model;
        try
        {
            using var json = ReadBounded(path, "model");
            var configuration = new ConfigurationBuilder().AddJsonStream(json).Build();
            model = HealthModelConfiguration.Read(configuration, name);
        }
        catch (OptionsValidationException e)
        {
            throw new UsageException($"model file '{path}': {string.Join("; ", e.Failures.Select(f => f.TrimEnd('.')))}.");
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException)
        {
            throw new UsageException($"model file '{path}': not a JSON object of settings ({e.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal)})");
        }

        CheckKeys(model, $"model file '{path}'");
        return model;
    }

    /// <summary>
    /// Reads a profile set file: JSON with <c>"Profiles"</c>, a list of <c>{"Name", "Segment", "Stage", "Model"}</c>
    /// whose <c>Model</c> is in the model file's format, and an optional <c>"Default"</c> (<c>{"Name", "Model"}</c>),
    /// read and checked by <see cref="HealthProfileConfiguration.Read"/>; its models must band alike.
    /// </summary>
    public static RunModels LoadProfiles(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"the profiles file '{path}' does not exist.");
        }

        HealthProfileSet profiles;
        try
        {
            using var json = ReadBounded(path, "profiles");
            var configuration = new ConfigurationBuilder().AddJsonStream(json).Build();
            profiles = HealthProfileConfiguration.Read(configuration);
        }
        catch (OptionsValidationException e)
        {
            throw new UsageException($"profiles file '{path}': {string.Join("; ", e.Failures.Select(f => f.TrimEnd('.')))}.");
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException)
        {
            throw new UsageException($"profiles file '{path}': not a JSON object of settings ({e.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal)})");
        }

        foreach (var profile in profiles.Profiles.Concat(profiles.Default is { } d ? [d] : []))
        {
            CheckKeys(profile.Model, $"profiles file '{path}', profile '{profile.Name}'");
        }

        return RunModels.Of(profiles, path);
    }

    /// <summary>A component may not take the name of an input field: its column would feed both.</summary>
    private static void CheckKeys(IHealthScoreModel model, string where)
    {
        foreach (var component in model.Components)
        {
            if (InputField.Named(component.Key) is { } field)
            {
                throw new UsageException(
                    $"{where}: the component key '{Echo.Of(component.Key)}' is the input field '{field.Name}' ({field.Description}); name the component otherwise.");
            }
        }
    }

    /// <summary>The most bytes a model file may have: 1 MiB, far above any real model, so that a wrong path (a device, a huge file) cannot exhaust memory.</summary>
    public const int MaxModelFileBytes = 1 << 20;

    private static MemoryStream ReadBounded(string path, string what)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxModelFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxModelFileBytes)
        {
            throw new UsageException($"{what} file '{path}': larger than {MaxModelFileBytes / 1024} KiB; a {what} file is a small JSON document.");
        }

        return new MemoryStream(buffer, 0, length, writable: false);
    }
}
