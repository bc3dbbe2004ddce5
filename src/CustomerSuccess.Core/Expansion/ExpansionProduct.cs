using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Expansion;

/// <summary>An add-on product of the catalogue: an id, a name, a monthly base price and the products or features it depends on.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ExpansionProduct
{
    /// <summary>Creates a product.</summary>
    /// <param name="id">Its id, unique in the catalogue (ignoring case). Not empty.</param>
    /// <param name="name">Its name. Not empty.</param>
    /// <param name="monthlyBasePrice">Its monthly base price, 0 or more.</param>
    /// <param name="dependencies">The ids of the products it needs first; may be empty; none empty.</param>
    /// <exception cref="ArgumentException">A text is empty, or a dependency is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="monthlyBasePrice"/> is negative.</exception>
    public ExpansionProduct(string id, string name, decimal monthlyBasePrice, IEnumerable<string>? dependencies = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Money.NotNegative(monthlyBasePrice, $"the monthly base price of product '{id}'", nameof(monthlyBasePrice));
        Id = id;
        Name = name;
        MonthlyBasePrice = monthlyBasePrice;
        var needs = (dependencies ?? []).ToArray();
        if (Array.Exists(needs, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"product '{id}' has an empty dependency; give the id of the product it needs.", nameof(dependencies));
        }

        Dependencies = Array.AsReadOnly(needs);
    }

    /// <summary>Its id.</summary>
    public string Id { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Its monthly base price.</summary>
    public decimal MonthlyBasePrice { get; }

    /// <summary>What it needs first.</summary>
    public IReadOnlyList<string> Dependencies { get; }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
