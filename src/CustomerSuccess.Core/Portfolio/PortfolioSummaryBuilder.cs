using System;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using CustomerSuccess.Nps;

namespace CustomerSuccess.Portfolio;

/// <summary>Accumulates customers into a <see cref="PortfolioSummary"/>, one at a time, in constant memory.</summary>
/// <remarks>Not thread-safe: give each thread or shard its own builder and <see cref="PortfolioSummary.Merge"/> the summaries.</remarks>
public sealed class PortfolioSummaryBuilder
{
    private readonly HealthBandScheme _bands;
    private readonly long[] _byBand;
    private readonly long[] _byLevel = new long[Enum.GetValues<ChurnRiskLevel>().Length];
    private long _notScored;
    private decimal _healthSum;
    private long _notAssessed;
    private decimal _totalArr;
    private decimal _arrAtRisk;
    private decimal _expectedLoss;
    private bool _lossEstimated;
    private NpsSummary _nps;

    /// <summary>Starts an empty summary over a band scheme.</summary>
    /// <param name="bands">The band scheme of the health scores that will be added.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> is null.</exception>
    public PortfolioSummaryBuilder(HealthBandScheme bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        _bands = bands;
        _byBand = new long[bands.Bands.Count];
    }

    /// <summary>Customers added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one customer.</summary>
    /// <param name="health">Its health score (with or without a value), from a model using this builder's band scheme.</param>
    /// <param name="churnLevel">Its churn risk level, or <see langword="null"/> when it was not assessed.</param>
    /// <param name="annualRecurringRevenue">Its ARR, 0 or more, if known: counted in the total, and in the ARR at risk at a High or Critical level.</param>
    /// <param name="npsResponse">Its latest NPS response (0–10), if any.</param>
    /// <param name="expectedLoss">Its expected loss (ARR × churn probability), 0 or more and at most the ARR, if known.</param>
    /// <param name="expectedLossIsEstimate">Whether <paramref name="expectedLoss"/> stands on a risk score rather than a churn probability.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The score's band is not a band of this builder's scheme.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The level is not defined, the ARR or the expected loss is negative, the expected loss exceeds the ARR, the
    /// response is outside [0, 10], or the ARR would take the sums past the largest <see cref="decimal"/>; nothing is
    /// added then.
    /// </exception>
    public PortfolioSummaryBuilder Add(
        HealthScore health,
        ChurnRiskLevel? churnLevel = null,
        decimal? annualRecurringRevenue = null,
        int? npsResponse = null,
        decimal? expectedLoss = null,
        bool expectedLossIsEstimate = false)
    {
        if (churnLevel is { } l && (uint)l >= (uint)_byLevel.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(churnLevel), l, "the level is not a defined ChurnRiskLevel.");
        }

        if (annualRecurringRevenue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRecurringRevenue), annualRecurringRevenue, "the ARR must be 0 or more.");
        }

        if (expectedLoss < 0 || expectedLoss > annualRecurringRevenue)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedLoss), expectedLoss, "the expected loss must be 0 or more and at most the ARR.");
        }

        var arr = annualRecurringRevenue ?? 0m;
        decimal totalArr, arrAtRisk, loss;
        try
        {
            totalArr = _totalArr + arr;
            arrAtRisk = churnLevel >= ChurnRiskLevel.High ? _arrAtRisk + arr : _arrAtRisk;
            loss = _expectedLoss + (expectedLoss ?? 0m);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRecurringRevenue), annualRecurringRevenue,
                "adding this customer would take the portfolio's ARR sums past the largest decimal (about 7.9e28); nothing was added.");
        }

        var nps = npsResponse is { } r ? _nps.Add(r) : _nps;
        if (health.HasScore)
        {
            _byBand[_bands.RankOfMember(health.Band, nameof(health))]++;
            _healthSum += (decimal)health.Value;
        }
        else
        {
            _notScored++;
        }

        if (churnLevel is { } level)
        {
            _byLevel[(int)level]++;
        }
        else
        {
            _notAssessed++;
        }

        (_totalArr, _arrAtRisk, _expectedLoss) = (totalArr, arrAtRisk, loss);
        _lossEstimated |= expectedLoss is not null && expectedLossIsEstimate;
        _nps = nps;
        Count++;
        return this;
    }

    /// <summary>Adds one customer with its churn assessment.</summary>
    /// <param name="health">Its health score.</param>
    /// <param name="assessment">Its churn assessment; its level, ARR and expected loss are counted.</param>
    /// <param name="npsResponse">Its latest NPS response (0–10), if any.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    /// <exception cref="ArgumentException">The score's band is not a band of this builder's scheme.</exception>
    public PortfolioSummaryBuilder Add(HealthScore health, ChurnAssessment assessment, int? npsResponse = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Add(health, assessment.Level, assessment.AnnualRecurringRevenue, npsResponse, assessment.ExpectedLoss, assessment.ExpectedLossIsEstimate);
    }

    /// <summary>The summary of the customers added so far; the builder can go on adding.</summary>
    /// <returns>An immutable summary.</returns>
    public PortfolioSummary ToSummary() =>
        new(_bands, [.. _byBand], _notScored, _healthSum, [.. _byLevel], _notAssessed, new PortfolioRevenue(_totalArr, _arrAtRisk, _expectedLoss, _lossEstimated), _nps);
}
