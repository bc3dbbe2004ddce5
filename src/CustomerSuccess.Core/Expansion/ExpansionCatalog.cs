using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Expansion;

/// <summary>The plans and add-on products an account can expand into.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ExpansionCatalog
{
    /// <summary>Creates a catalogue.</summary>
    /// <param name="plans">The plans; names unique ignoring case; at least one.</param>
    /// <param name="products">The add-on products; ids unique ignoring case.</param>
    /// <exception cref="ArgumentNullException">An argument or item is null.</exception>
    /// <exception cref="ArgumentException">There is no plan, or a name or id is used twice.</exception>
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

        Plans = Array.AsReadOnly([.. planList.OrderBy(p => p.Tier)]);
        Products = Array.AsReadOnly([.. productList]);
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
