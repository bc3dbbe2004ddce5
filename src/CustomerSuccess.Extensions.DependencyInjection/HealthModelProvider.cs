using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.DependencyInjection;

/// <summary>Builds every configured model once, from validated options.</summary>
internal sealed class HealthModelProvider : IHealthScoreModelProvider
{
    private readonly Dictionary<string, IHealthScoreModel> _models = new(StringComparer.OrdinalIgnoreCase);

    public HealthModelProvider(IOptions<CustomerSuccessOptions> options)
    {
        var o = options.Value;
        foreach (var preset in HealthScoreModels.All)
        {
            _models[preset.Name] = preset;
        }

        foreach (var (name, model) in o.HealthModels)
        {
            _models[name] = OptionsCompiler.BuildModel(name, model);
        }

        Default = Get(o.DefaultHealthModel);
        Names = _models.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    public IHealthScoreModel Default { get; }

    public IReadOnlyCollection<string> Names { get; }

    public IHealthScoreModel Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _models.TryGetValue(name, out var model)
            ? model
            : throw new ArgumentException($"there is no health model named '{name}'; valid names: {string.Join(", ", Names)}.", nameof(name));
    }
}
