using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Health;

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
    /// Reads a model file: <c>{"name": "...", "weights": {"usage": 0.5, ...}, "bands": "seed-000" or
    /// [{"label": "Red", "from": 0, "color": "red"}, ...], "missingData": {"handling": "renormalize", "minimumCoverage": 0.5}}</c>.
    /// </summary>
    public static WeightedHealthScoreModel Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(ReadBounded(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? Path.GetFileNameWithoutExtension(path) : Path.GetFileNameWithoutExtension(path);
            if (!root.TryGetProperty("weights", out var weights) || weights.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"model file '{path}': it needs \"weights\", an object of component keys and weights.");
            }

            var components = weights.EnumerateObject().Select(p => new HealthComponent(p.Name, p.Name, p.Value.GetDouble())).ToList();
            foreach (var component in components)
            {
                if (InputField.Named(component.Key) is { } field)
                {
                    throw new UsageException(
                        $"model file '{path}': the component key '{Echo.Of(component.Key)}' is the input field '{field.Name}' ({field.Description}); name the component otherwise.");
                }
            }

            var bands = root.TryGetProperty("bands", out var b) ? Bands(b, name, path) : HealthBandSchemes.HealthyNeutralAtRiskCritical;
            var policy = MissingDataPolicy.Default;
            if (root.TryGetProperty("missingData", out var m))
            {
                var handling = m.TryGetProperty("handling", out var h) ? Enum.Parse<MissingDataHandling>(h.GetString() ?? "Renormalize", ignoreCase: true) : MissingDataHandling.Renormalize;
                var coverage = m.TryGetProperty("minimumCoverage", out var c) ? c.GetDouble() : MissingDataPolicy.DefaultMinimumCoverage;
                policy = new MissingDataPolicy(handling, coverage);
            }

            return new WeightedHealthScoreModel(name, components, bands, policy);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException or IOException)
        {
            throw new UsageException($"model file '{path}': {e.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal)}");
        }
    }

    /// <summary>The most bytes a model file may have: 1 MiB, far above any real model, so that a wrong path (a device, a huge file) cannot exhaust memory.</summary>
    public const int MaxModelFileBytes = 1 << 20;

    private static string ReadBounded(string path)
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
            throw new UsageException($"model file '{path}': larger than {MaxModelFileBytes / 1024} KiB; a model file is a small JSON document.");
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static HealthBandScheme Bands(JsonElement bands, string name, string path)
    {
        if (bands.ValueKind == JsonValueKind.String)
        {
            var scheme = bands.GetString() ?? string.Empty;
            return HealthBandSchemes.TryGet(scheme, out var s)
                ? s
                : throw new UsageException($"model file '{path}': unknown band scheme '{scheme}'; the schemes are {string.Join(", ", HealthBandSchemes.All.Select(x => x.Name))}.");
        }

        var list = bands.EnumerateArray()
            .OrderBy(x => x.GetProperty("from").GetDouble())
            .Select((x, rank) => new HealthBand(
                x.GetProperty("label").GetString() ?? string.Empty,
                x.GetProperty("from").GetDouble(),
                x.TryGetProperty("color", out var color) ? Enum.Parse<HealthBandColor>(color.GetString() ?? "Red", ignoreCase: true) : HealthBandColor.Red,
                rank))
            .ToList();
        return new HealthBandScheme(name, list);
    }
}
