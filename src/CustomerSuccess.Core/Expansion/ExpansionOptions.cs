using System.Collections.Generic;
using CustomerSuccess.Health;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Expansion;

/// <summary>
/// The thresholds, probabilities, timelines and score weights of expansion scoring, each defaulting to the CS Expert playbook's
/// value or a documented choice. Settable so configuration can bind it; a scorer copies and checks it when built.
/// </summary>
public sealed class ExpansionOptions
{
    /// <summary>Seats used ÷ licensed above this raises a seat opportunity.</summary><value>0.8 (CS Expert playbook). In [0, 1].</value>
    public double SeatUtilizationThreshold { get; set; } = 0.8;

    /// <summary>Near the seat limit, the recommended increase is max(ceil(licensed × this), new team members); new team members alone recommend just themselves.</summary><value>0.5 (CS Expert playbook). Above 0, at most 10.</value>
    public double SeatIncreaseShare { get; set; } = 0.5;

    /// <summary>The probability of a seat opportunity.</summary><value>0.8 (CS Expert playbook). In [0, 1].</value>
    public double SeatProbability { get; set; } = 0.8;

    /// <summary>The timeline of a seat opportunity, in days.</summary><value>30 (CS Expert playbook). In [0, 180].</value>
    public int SeatTimelineDays { get; set; } = 30;

    /// <summary>Storage used ÷ included above this raises a storage opportunity.</summary><value>0.7 (CS Expert playbook). In [0, 1].</value>
    public double StorageUtilizationThreshold { get; set; } = 0.7;

    /// <summary>The recommended storage increase, in GB.</summary><value>100 (CS Expert playbook's example). Above 0.</value>
    public double StorageIncreaseGb { get; set; } = 100;

    /// <summary>The monthly price of the storage increase.</summary><value>500 (CS Expert playbook's example). 0 or more.</value>
    public decimal StorageMonthlyPrice { get; set; } = 500m;

    /// <summary>The probability of a storage opportunity.</summary><value>0.7 (CS Expert playbook). In [0, 1].</value>
    public double StorageProbability { get; set; } = 0.7;

    /// <summary>The timeline of a storage opportunity, in days.</summary><value>60 (CS Expert playbook). In [0, 180].</value>
    public int StorageTimelineDays { get; set; } = 60;

    /// <summary>
    /// The probability of a plan upgrade with one needed feature; each further needed feature adds
    /// <see cref="UpgradeProbabilityPerExtraFeature"/>, up to <see cref="UpgradeProbabilityCap"/>.
    /// </summary>
    /// <value>0.5 (our choice; the CS Expert playbook leaves the formula open). In [0, 1].</value>
    public double UpgradeBaseProbability { get; set; } = 0.5;

    /// <summary>What each further needed feature adds to the upgrade probability.</summary><value>0.1 (our choice). In [0, 1].</value>
    public double UpgradeProbabilityPerExtraFeature { get; set; } = 0.1;

    /// <summary>The highest upgrade probability.</summary><value>0.9 (our choice). In [0, 1].</value>
    public double UpgradeProbabilityCap { get; set; } = 0.9;

    /// <summary>The timeline of a plan upgrade, in days.</summary><value>90 (CS Expert playbook). In [0, 180].</value>
    public int UpgradeTimelineDays { get; set; } = 90;

    /// <summary>A product whose fit is above this raises a cross-sell.</summary><value>0.6 (CS Expert playbook). In [0, 1].</value>
    public double CrossSellFitThreshold { get; set; } = 0.6;

    /// <summary>The probability of a cross-sell is fit × this.</summary><value>0.7 (CS Expert playbook). In [0, 1].</value>
    public double CrossSellProbabilityFactor { get; set; } = 0.7;

    /// <summary>The timeline of a cross-sell, in days.</summary><value>120 (CS Expert playbook). In [0, 180].</value>
    public int CrossSellTimelineDays { get; set; } = 120;

    /// <summary>An NPS response at or above this (or a positive review) raises a referral ask.</summary><value>9 (a promoter; the CS Agent playbook). In [0, 10].</value>
    public int ReferralNpsMinimum { get; set; } = 9;

    /// <summary>The probability of a referral ask.</summary><value>0.5 (our choice). In [0, 1].</value>
    public double ReferralProbability { get; set; } = 0.5;

    /// <summary>The timeline of a referral ask, in days.</summary><value>30 (our choice). In [0, 180].</value>
    public int ReferralTimelineDays { get; set; } = 30;

    /// <summary>The fit the score uses when it is unknown.</summary><value>0.7 (CS Expert playbook). In [0, 1].</value>
    public double UnknownFit { get; set; } = 0.7;

    /// <summary>The revenue at which the revenue part of the score reaches its cap.</summary><value>100 000 (CS Expert playbook). Above 0.</value>
    public decimal RevenueCap { get; set; } = 100_000m;

    /// <summary>The weight of revenue in the score.</summary><value>0.4 (CS Expert playbook).</value>
    public double RevenueWeight { get; set; } = 0.4;

    /// <summary>The weight of probability in the score.</summary><value>0.3 (CS Expert playbook).</value>
    public double ProbabilityWeight { get; set; } = 0.3;

    /// <summary>The weight of the timeline in the score.</summary><value>0.2 (CS Expert playbook).</value>
    public double TimelineWeight { get; set; } = 0.2;

    /// <summary>The weight of fit in the score.</summary><value>0.1 (CS Expert playbook). The four weights are 0 or more and sum to 1.</value>
    public double FitWeight { get; set; } = 0.1;

    /// <summary>The timeline horizon of the score: (horizon − days) ÷ horizon.</summary><value>180 days (CS Expert playbook).</value>
    public int TimelineHorizonDays { get; set; } = 180;

    /// <summary>
    /// The value-first gate (CS Agent playbook): an account whose health band colour is below this gets no upsell; null turns
    /// the gate off.
    /// </summary>
    /// <value><see cref="HealthBandColor.Green"/>: the CS Manager playbook keeps expansion for green, healthy accounts.</value>
    public HealthBandColor? MinimumHealthColorForUpsell { get; set; } = HealthBandColor.Green;

    /// <summary>Every problem with these options, each naming the option; empty when they are valid.</summary>
    /// <returns>A new list.</returns>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Share(SeatUtilizationThreshold, nameof(SeatUtilizationThreshold));
        p.Share(SeatProbability, nameof(SeatProbability));
        p.Share(StorageUtilizationThreshold, nameof(StorageUtilizationThreshold));
        p.Share(StorageProbability, nameof(StorageProbability));
        p.Share(UpgradeBaseProbability, nameof(UpgradeBaseProbability));
        p.Share(UpgradeProbabilityPerExtraFeature, nameof(UpgradeProbabilityPerExtraFeature));
        p.Share(UpgradeProbabilityCap, nameof(UpgradeProbabilityCap));
        p.Share(CrossSellFitThreshold, nameof(CrossSellFitThreshold));
        p.Share(CrossSellProbabilityFactor, nameof(CrossSellProbabilityFactor));
        p.Share(ReferralProbability, nameof(ReferralProbability));
        p.Share(UnknownFit, nameof(UnknownFit));
        p.InRange(SeatIncreaseShare, 0, 10, nameof(SeatIncreaseShare), minExclusive: true);
        p.Positive(StorageIncreaseGb, nameof(StorageIncreaseGb));
        p.NotNegative(StorageMonthlyPrice, nameof(StorageMonthlyPrice));
        p.Positive(RevenueCap, nameof(RevenueCap));
        p.AtLeast(TimelineHorizonDays, 1, nameof(TimelineHorizonDays));
        p.InRange(SeatTimelineDays, 0, TimelineHorizonDays, nameof(SeatTimelineDays));
        p.InRange(StorageTimelineDays, 0, TimelineHorizonDays, nameof(StorageTimelineDays));
        p.InRange(UpgradeTimelineDays, 0, TimelineHorizonDays, nameof(UpgradeTimelineDays));
        p.InRange(CrossSellTimelineDays, 0, TimelineHorizonDays, nameof(CrossSellTimelineDays));
        p.InRange(ReferralTimelineDays, 0, TimelineHorizonDays, nameof(ReferralTimelineDays));
        p.InRange(ReferralNpsMinimum, 0, 10, nameof(ReferralNpsMinimum));
        p.Weights("the score weights", RevenueWeight, ProbabilityWeight, TimelineWeight, FitWeight);
        return p.List;
    }

    internal ExpansionOptions Snapshot() => (ExpansionOptions)MemberwiseClone();
}
