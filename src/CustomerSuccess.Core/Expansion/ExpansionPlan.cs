using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Expansion;

/// <summary>A plan of the catalogue: a tier (higher is richer), a monthly price, a price per extra seat and its features.</summary>
/// <remarks>Immutable and thread-safe. Feature names are compared ignoring case.</remarks>
public sealed class ExpansionPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="name">The plan's name. Not empty.</param>
    /// <param name="tier">Its tier, 0 or more; a higher tier is a richer plan.</param>
    /// <param name="monthlyPrice">Its monthly price, 0 or more.</param>
    /// <param name="monthlyPricePerSeat">The monthly price of one more seat, 0 or more.</param>
    /// <param name="features">The features it includes.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tier or a price is negative.</exception>
    public ExpansionPlan(string name, int tier, decimal monthlyPrice, decimal monthlyPricePerSeat, IEnumerable<string> features)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(features);
        if (tier < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, $"the tier of plan '{name}' must be 0 or more but was {tier}.");
        }

        Money.NotNegative(monthlyPrice, $"the monthly price of plan '{name}'", nameof(monthlyPrice));
        Money.NotNegative(monthlyPricePerSeat, $"the monthly price per seat of plan '{name}'", nameof(monthlyPricePerSeat));
        Name = name;
        Tier = tier;
        MonthlyPrice = monthlyPrice;
        MonthlyPricePerSeat = monthlyPricePerSeat;
        var set = features.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Features = set;
        FeatureArray = [.. set];
    }

    /// <summary>The plan's name.</summary>
    public string Name { get; }

    /// <summary>Its tier; higher is richer.</summary>
    public int Tier { get; }

    /// <summary>Its monthly price.</summary>
    public decimal MonthlyPrice { get; }

    /// <summary>The monthly price of one more seat.</summary>
    public decimal MonthlyPricePerSeat { get; }

    /// <summary>The features it includes.</summary>
    public IReadOnlySet<string> Features { get; }

    /// <summary>The elements of <see cref="Features"/>, in its order, to walk without an enumerator.</summary>
    internal string[] FeatureArray { get; }

    /// <summary>For example "Business (tier 2, 900/month)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} (tier {Tier}, {MonthlyPrice}/month)");
}
