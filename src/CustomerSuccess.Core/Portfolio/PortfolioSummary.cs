using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// The state of a portfolio: customers per health band and per churn risk level, the share green against the
/// the CS Manager playbook target, the mean health, total ARR, ARR at risk and expected loss, and an NPS summary. Build one with
/// <see cref="PortfolioSummaryBuilder"/>.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. Summaries merge exactly: the summary of any partition of the customers, merged in any
/// order and grouping, equals the summary of the whole (<see cref="Merge"/> is associative and commutative, with
/// <see cref="Empty"/> as identity), so shards can be summarized separately. The health sum is kept as a
/// <see cref="decimal"/> of each score (15 significant digits), which adds exactly; the amounts are exact too.
/// </para>
/// <para>
/// The Petra playbook report's groups: <see cref="Healthy"/> is the customers in green bands, <see cref="Critical"/> those in
/// the lowest band (when it is not green), <see cref="AtRisk"/> every other scored customer.
/// </para>
/// </remarks>
public sealed class PortfolioSummary : IEquatable<PortfolioSummary>
{
    /// <summary>The CS Manager playbook target for the share of scored customers in green bands: above 80 %.</summary>
    public const double GreenShareTarget = 0.80;

    private static readonly int LevelCount = Enum.GetValues<ChurnRiskLevel>().Length;
    private readonly long[] _byBand;
    private readonly long[] _byLevel;
    private readonly PortfolioRevenue _revenue;

    internal PortfolioSummary(HealthBandScheme bands, long[] byBand, long notScored, decimal healthSum, long[] byLevel, long notAssessed, PortfolioRevenue revenue, NpsSummary nps)
    {
        Bands = bands;
        _byBand = byBand;
        _byLevel = byLevel;
        CustomersByBand = Array.AsReadOnly(_byBand);
        CustomersByRiskLevel = Array.AsReadOnly(_byLevel);
        NotScored = notScored;
        HealthSum = healthSum;
        NotAssessed = notAssessed;
        _revenue = revenue;
        Nps = nps;
        Scored = byBand.Sum();
        foreach (var band in bands.Bands)
        {
            if (band.Color == HealthBandColor.Green)
            {
                Healthy += byBand[band.Rank];
            }
            else if (band.Rank == 0)
            {
                Critical += byBand[band.Rank];
            }
            else
            {
                AtRisk += byBand[band.Rank];
            }
        }
    }

    /// <summary>The summary of no customers, for a band scheme: the identity of <see cref="Merge"/>.</summary>
    /// <param name="bands">The band scheme.</param>
    /// <returns>An empty summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> is null.</exception>
    public static PortfolioSummary Empty(HealthBandScheme bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return new PortfolioSummary(bands, new long[bands.Bands.Count], 0, 0m, new long[LevelCount], 0, default, NpsSummary.Empty);
    }

    /// <summary>The band scheme the band counts belong to.</summary>
    public HealthBandScheme Bands { get; }

    /// <summary>Every customer counted, with a score or not.</summary>
    public long TotalCustomers => Scored + NotScored;

    /// <summary>Customers per band, by rank (lowest band first).</summary>
    public IReadOnlyList<long> CustomersByBand { get; }

    /// <summary>Customers with a health score.</summary>
    public long Scored { get; }

    /// <summary>Customers without a health score (too little data).</summary>
    public long NotScored { get; }

    /// <summary>Customers in green bands (the Petra playbook report's "healthy").</summary>
    public long Healthy { get; }

    /// <summary>Scored customers neither healthy nor critical (the Petra playbook report's "at risk").</summary>
    public long AtRisk { get; }

    /// <summary>Customers in the lowest band, when it is not green (the Petra playbook report's "critical").</summary>
    public long Critical { get; }

    /// <summary>The exact sum of the scored customers' health scores.</summary>
    public decimal HealthSum { get; }

    /// <summary>The mean health of the scored customers, or <see langword="null"/> when none was scored.</summary>
    public double? MeanHealth => Scored == 0 ? null : (double)(HealthSum / Scored);

    /// <summary>The share of scored customers in green bands, or <see langword="null"/> when none was scored.</summary>
    public double? ShareGreen => Scored == 0 ? null : (double)Healthy / Scored;

    /// <summary>Whether <see cref="ShareGreen"/> is above <see cref="GreenShareTarget"/>; <see langword="null"/> when none was scored.</summary>
    public bool? MeetsGreenShareTarget => ShareGreen > GreenShareTarget;

    /// <summary>Customers per churn risk level, indexed by <see cref="ChurnRiskLevel"/> (Low, Medium, High, Critical).</summary>
    public IReadOnlyList<long> CustomersByRiskLevel { get; }

    /// <summary>Customers counted without a churn assessment.</summary>
    public long NotAssessed { get; }

    /// <summary>The sum of the ARR of the customers whose ARR is known.</summary>
    public decimal TotalArr => _revenue.Total;

    /// <summary>
    /// The ARR at risk, as the CS Expert playbook counts it: the whole ARR of the customers at a High
    /// or Critical level.
    /// </summary>
    public decimal ArrAtRisk => _revenue.AtRisk;

    /// <summary>
    /// The expected loss: the sum of ARR × churn probability of the assessed customers; where
    /// <see cref="ExpectedLossIsEstimate"/>, some of it stands on risk scores instead of probabilities.
    /// </summary>
    public decimal ExpectedLoss => _revenue.ExpectedLoss;

    /// <summary>Whether any customer's expected loss was estimated from a risk score (a rule-based assessment) rather than a churn probability.</summary>
    public bool ExpectedLossIsEstimate => _revenue.Estimated;

    /// <summary>The NPS of the responses counted.</summary>
    public NpsSummary Nps { get; }

    /// <summary>The number of customers in a band.</summary>
    /// <param name="band">A band of <see cref="Bands"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The band is not one of the scheme's.</exception>
    public long CustomersIn(HealthBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return _byBand[Bands.RankOfMember(band, nameof(band))];
    }

    /// <summary>The number of customers at a churn risk level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is not defined.</exception>
    public long CustomersAt(ChurnRiskLevel level)
    {
        if ((uint)level >= (uint)_byLevel.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level is not a defined ChurnRiskLevel.");
        }

        return _byLevel[(int)level];
    }

    /// <summary>The summary of the customers of both summaries.</summary>
    /// <param name="other">A summary over the same band scheme.</param>
    /// <returns>The merged summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The band schemes differ.</exception>
    /// <exception cref="OverflowException">The merged ARR sums would pass the largest <see cref="decimal"/>.</exception>
    public PortfolioSummary Merge(PortfolioSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Bands.SameAs(other.Bands))
        {
            throw new ArgumentException($"summaries over different band schemes ('{Bands.Name}' and '{other.Bands.Name}') cannot be merged.", nameof(other));
        }

        return new PortfolioSummary(
            Bands,
            [.. _byBand.Zip(other._byBand, (a, b) => a + b)],
            NotScored + other.NotScored,
            HealthSum + other.HealthSum,
            [.. _byLevel.Zip(other._byLevel, (a, b) => a + b)],
            NotAssessed + other.NotAssessed,
            _revenue.Merge(other._revenue),
            Nps.Merge(other.Nps));
    }

    /// <summary>Writes the summary as JSON in the shape of the Petra playbook report, with the detail after it.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <example>
    /// <code>
    /// {"customers":{"total_managed":50,"healthy":35,"at_risk":10,"critical":5,"not_scored":0},
    ///  "nps":{"score":50,"promoters":30,"passives":15,"detractors":5,"responses":50},
    ///  "health":{"scheme":"...","mean":71.2,"share_green":0.7,"share_green_target":0.8,"meets_share_green_target":false,"bands":{"Critical":5,...}},
    ///  "churn":{"levels":{"Low":30,...},"not_assessed":0,"total_arr":500000,"arr_at_risk":60000,
    ///            "expected_loss":12345.67,"expected_loss_is_estimate":true}}
    /// </code>
    /// </example>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("customers");
        writer.WriteNumber("total_managed", TotalCustomers);
        writer.WriteNumber("healthy", Healthy);
        writer.WriteNumber("at_risk", AtRisk);
        writer.WriteNumber("critical", Critical);
        writer.WriteNumber("not_scored", NotScored);
        writer.WriteEndObject();

        writer.WriteStartObject("nps");
        if (Nps.HasScore)
        {
            writer.WriteNumber("score", Nps.RoundedScore());
        }
        else
        {
            writer.WriteNull("score");
        }

        writer.WriteNumber("promoters", Nps.Promoters);
        writer.WriteNumber("passives", Nps.Passives);
        writer.WriteNumber("detractors", Nps.Detractors);
        writer.WriteNumber("responses", Nps.Total);
        writer.WriteEndObject();

        writer.WriteStartObject("health");
        writer.WriteString("scheme", Bands.Name);
        WriteNullable(writer, "mean", MeanHealth);
        WriteNullable(writer, "share_green", ShareGreen);
        writer.WriteNumber("share_green_target", GreenShareTarget);
        if (MeetsGreenShareTarget is { } meets)
        {
            writer.WriteBoolean("meets_share_green_target", meets);
        }
        else
        {
            writer.WriteNull("meets_share_green_target");
        }

        writer.WriteStartObject("bands");
        foreach (var band in Bands.Bands)
        {
            writer.WriteNumber(band.Label, _byBand[band.Rank]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("churn");
        writer.WriteStartObject("levels");
        foreach (var level in Enum.GetValues<ChurnRiskLevel>())
        {
            writer.WriteNumber(level.ToString(), _byLevel[(int)level]);
        }

        writer.WriteEndObject();
        writer.WriteNumber("not_assessed", NotAssessed);
        writer.WriteNumber("total_arr", TotalArr);
        writer.WriteNumber("arr_at_risk", ArrAtRisk);
        writer.WriteNumber("expected_loss", ExpectedLoss);
        writer.WriteBoolean("expected_loss_is_estimate", ExpectedLossIsEstimate);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The summary as a JSON text (see <see cref="WriteJson"/>).</summary>
    /// <param name="indented">Whether to indent it.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <inheritdoc />
    public bool Equals(PortfolioSummary? other) =>
        other is not null
        && Bands.SameAs(other.Bands)
        && _byBand.AsSpan().SequenceEqual(other._byBand)
        && _byLevel.AsSpan().SequenceEqual(other._byLevel)
        && NotScored == other.NotScored
        && HealthSum == other.HealthSum
        && NotAssessed == other.NotAssessed
        && _revenue == other._revenue
        && Nps.Equals(other.Nps);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PortfolioSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TotalCustomers, HealthSum, _revenue, Nps);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{TotalCustomers} customers: {Healthy} healthy, {AtRisk} at risk, {Critical} critical, {NotScored} not scored; mean health {MeanHealth:0.#}, {PortfolioRevenue.Describe(TotalArr, ArrAtRisk, ExpectedLoss, ExpectedLossIsEstimate)}, NPS {Nps.ScoreOrNull:0.#}");

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
