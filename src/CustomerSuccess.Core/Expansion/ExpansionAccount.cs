using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Health;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Expansion;

/// <summary>
/// What is known of an account for expansion: its plan, seats and storage against their limits, the features it uses,
/// the products it owns, how well each other product fits it, the CS Agent playbook triggers, and its health band.
/// </summary>
/// <remarks>An immutable record; values are checked when the account is assessed. Usage above a limit is valid (an overage).</remarks>
public sealed record ExpansionAccount
{
    /// <summary>Creates an account.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="planName">The name of its current plan in the catalogue.</param>
    /// <exception cref="ArgumentException">An id or name is null, empty or white space.</exception>
    public ExpansionAccount(string accountId, string planName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(planName);
        AccountId = accountId;
        PlanName = planName;
    }

    /// <summary>The account's id.</summary>
    public string AccountId { get; init; }

    /// <summary>The name of its current plan in the catalogue.</summary>
    public string PlanName { get; init; }

    /// <summary>Seats in use, 0 or more (may exceed the licensed seats).</summary>
    public int SeatsUsed { get; init; }

    /// <summary>Seats licensed, above 0.</summary>
    public int SeatsLicensed { get; init; } = 1;

    /// <summary>Storage in use in GB, 0 or more (may exceed what is included).</summary>
    public double StorageUsedGb { get; init; }

    /// <summary>Storage included in GB, above 0; null when the plan has no storage limit.</summary>
    public double? StorageIncludedGb { get; init; }

    /// <summary>Features the account uses (ignoring case), including ones of higher tiers reached by workarounds or trials.</summary>
    public IReadOnlySet<string> FeaturesUsed { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Ids of the add-on products the account already owns.</summary>
    public IReadOnlySet<string> OwnedProducts { get; init; } = FrozenSet<string>.Empty;

    /// <summary>How well each add-on product fits the account, by product id, each in [0, 1]; unknown fits are left out.</summary>
    public IReadOnlyDictionary<string, double> ProductFit { get; init; } = FrozenDictionary<string, double>.Empty;

    /// <summary>The CS Agent playbook trigger: team members added recently, 0 or more.</summary>
    public int NewTeamMembers { get; init; }

    /// <summary>The CS Agent playbook trigger: the account has a new use case.</summary>
    public bool NewUseCase { get; init; }

    /// <summary>The CS Agent playbook trigger: the latest NPS response, 0 to 10, or null.</summary>
    public int? LatestNpsResponse { get; init; }

    /// <summary>The CS Agent playbook trigger: the account left a positive review.</summary>
    public bool PositiveReview { get; init; }

    /// <summary>The account's health band, for the value-first gate; null when unknown.</summary>
    public HealthBand? HealthBand { get; init; }

    /// <summary>Throws on the first value out of its range, naming the field and the value.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(AccountId, nameof(AccountId));
        ArgumentException.ThrowIfNullOrWhiteSpace(PlanName, nameof(PlanName));
        if (SeatsLicensed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SeatsLicensed), SeatsLicensed,
                string.Create(CultureInfo.InvariantCulture, $"SeatsLicensed of account '{AccountId}' must be above 0 but was {SeatsLicensed}."));
        }

        // The messages name the account, so they are written only when a value is bad: this runs for every account scored.
        if (SeatsUsed < 0)
        {
            throw Guard.Negative(SeatsUsed, $"SeatsUsed of account '{AccountId}'", nameof(SeatsUsed));
        }

        if (NewTeamMembers < 0)
        {
            throw Guard.Negative(NewTeamMembers, $"NewTeamMembers of account '{AccountId}'", nameof(NewTeamMembers));
        }

        if (!(StorageUsedGb >= 0 && StorageUsedGb <= double.MaxValue))
        {
            throw Guard.OutOfRange(StorageUsedGb, 0, double.MaxValue, $"StorageUsedGb of account '{AccountId}'", nameof(StorageUsedGb));
        }
        if (StorageIncludedGb is { } included && !(included > 0 && double.IsFinite(included)))
        {
            throw new ArgumentOutOfRangeException(nameof(StorageIncludedGb), included,
                $"StorageIncludedGb of account '{AccountId}' must be a finite number above 0 but was {Guard.Format(included)}.");
        }

        // Enumerating through the interface allocates an enumerator, so the usual dictionaries hand over their own
        // (struct) enumerators, which the generic check walks without boxing.
        switch (ProductFit)
        {
            case { Count: 0 }:
                break;
            case Dictionary<string, double> dictionary:
                CheckFits(dictionary.GetEnumerator());
                break;
            case FrozenDictionary<string, double> frozen:
                CheckFits(frozen.GetEnumerator());
                break;
            default:
                CheckFits(ProductFit.GetEnumerator());
                break;
        }

        if (LatestNpsResponse is { } nps && (uint)nps > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(LatestNpsResponse), nps, $"LatestNpsResponse must be a whole number in [0, 10] but was {nps}.");
        }
    }

    private void CheckFits<TEnumerator>(TEnumerator fits)
        where TEnumerator : IEnumerator<KeyValuePair<string, double>>
    {
        try
        {
            while (fits.MoveNext())
            {
                var (product, fit) = fits.Current;
                if (!(fit >= 0 && fit <= 1))
                {
                    throw Guard.OutOfRange(fit, 0, 1, $"the fit of product '{product}' for account '{AccountId}'", nameof(ProductFit));
                }
            }
        }
        finally
        {
            fits.Dispose();
        }
    }
}
