using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Expansion;

/// <summary>The plans and add-on products an account can expand into.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ExpansionCatalog
{
    /// <summary>Creates a catalogue.</summary>
    /// <param name="plans">The plans; names unique ignoring case, tiers unique; at least one.</param>
    /// <param name="products">
    /// The add-on products; ids unique ignoring case; each dependency a product or a plan feature of the catalogue,
    /// with no circle of dependencies between products.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument or item is null.</exception>
    /// <exception cref="ArgumentException">
    /// There is no plan, a name or id is used twice, two plans share a tier (naming <paramref name="plans"/>); a
    /// product depends on something that is neither a product nor a plan feature, or dependencies go round in a circle (naming
    /// <paramref name="products"/>).
    /// </exception>
    public ExpansionCatalog(IEnumerable<ExpansionPlan> plans, IEnumerable<ExpansionProduct>? products = null)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var planList = plans.ToList();
        var productList = (products ?? []).ToList();
        if (planList.Contains(null!) || productList.Contains(null!))
        {
            throw new ArgumentNullException(nameof(plans), "the catalogue has a null plan or product.");
        }

        if (planList.Count == 0)
        {
            throw new ArgumentException("a catalogue needs at least one plan.", nameof(plans));
        }

        var duplicates = planList.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"plan '{g.Key}'")
            .Concat(productList.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"product '{g.Key}'"))
            .ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"the catalogue names {string.Join(", ", duplicates)} more than once.", nameof(plans));
        }

        var sameTier = planList.GroupBy(p => p.Tier).Where(g => g.Count() > 1)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{string.Join(" and ", g.Select(p => $"'{p.Name}'"))} share tier {g.Key}"))
            .ToList();
        if (sameTier.Count > 0)
        {
            throw new ArgumentException($"each plan needs a tier of its own, but {string.Join("; ", sameTier)}.", nameof(plans));
        }

        var known = productList.Select(p => p.Id).Concat(planList.SelectMany(p => p.Features)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = productList.SelectMany(p => p.Dependencies.Where(d => !known.Contains(d)).Select(d => $"'{p.Id}' depends on '{d}'")).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{string.Join(", ", unknown)}, which is neither a product nor a plan feature of the catalogue.", nameof(products));
        }

        if (Cycle(productList) is { } cycle)
        {
            throw new ArgumentException($"the products' dependencies go round in a circle: {string.Join(" → ", cycle.Select(id => $"'{id}'"))}.", nameof(products));
        }

        Plans = Array.AsReadOnly([.. planList.OrderBy(p => p.Tier)]);
        Products = Array.AsReadOnly([.. productList]);
    }

    /// <summary>A chain of product ids that leads back to its first (a product depending on itself, or a longer circle), or null.</summary>
    private static List<string>? Cycle(List<ExpansionProduct> products)
    {
        var byId = products.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false: on the path; true: done
        var path = new List<string>();

        List<string>? Visit(ExpansionProduct product)
        {
            if (state.TryGetValue(product.Id, out var done))
            {
                return done ? null : [.. path.SkipWhile(id => !string.Equals(id, product.Id, StringComparison.OrdinalIgnoreCase)), product.Id];
            }

            state[product.Id] = false;
            path.Add(product.Id);
            foreach (var dependency in product.Dependencies)
            {
                if (byId.TryGetValue(dependency, out var needed) && Visit(needed) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[product.Id] = true;
            return null;
        }

        return products.Select(Visit).FirstOrDefault(c => c is not null);
    }

    /// <summary>The plans, lowest tier first.</summary>
    public IReadOnlyList<ExpansionPlan> Plans { get; }

    /// <summary>The add-on products.</summary>
    public IReadOnlyList<ExpansionProduct> Products { get; }

    /// <summary>The plan of that name, ignoring case.</summary>
    /// <param name="name">A plan name.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">No plan has that name; the message lists the plans.</exception>
    public ExpansionPlan Plan(string name)
    {
        for (var i = 0; i < Plans.Count; i++)
        {
            if (string.Equals(Plans[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Plans[i];
            }
        }

        throw new ArgumentException($"the catalogue has no plan '{name}'; its plans are {string.Join(", ", Plans.Select(p => p.Name))}.", nameof(name));
    }
}
