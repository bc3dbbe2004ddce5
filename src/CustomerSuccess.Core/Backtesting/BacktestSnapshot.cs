using System;
using System.Collections.Generic;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using NodaTime;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// What was known of an account on one day of its history: its health score and, optionally, its churn assessment,
/// as the team had them then or as any model and assessor score the day's data now (to back-test a model not yet used).
/// </summary>
/// <param name="Account">The account's id. Not empty.</param>
/// <param name="AsOf">The snapshot's date.</param>
/// <param name="Health">Its health score; <c>default</c>: none.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BacktestSnapshot(string Account, LocalDate AsOf, HealthScore Health)
{
    /// <summary>The account's id.</summary>
    public string Account { get; init; } = string.IsNullOrWhiteSpace(Account) ? throw new ArgumentException("the account's id is empty.", nameof(Account)) : Account;

    /// <summary>Its churn risk score in [0, 100], or null when not assessed.</summary>
    public double? RiskScore { get; init; }

    /// <summary>The ids of the churn rules that fired (a churn assessment's factors' rule ids); empty (the default) when none did or it was not assessed.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IReadOnlyList<string> FiredRules
    {
        get => _firedRules;
        init => _firedRules = value ?? throw new ArgumentNullException(nameof(value), "the fired rules may be empty, not null.");
    }

    private readonly IReadOnlyList<string> _firedRules = [];

    /// <summary>A snapshot from a churn assessment: its date, health score, risk score and fired rules.</summary>
    /// <param name="account">The account's id.</param>
    /// <param name="health">The health score of the day.</param>
    /// <param name="assessment">The day's churn assessment.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="assessment"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty.</exception>
    public static BacktestSnapshot From(string account, HealthScore health, ChurnAssessment assessment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(assessment);
        var rules = new string[assessment.Factors.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = assessment.Factors[i].RuleId;
        }

        return new BacktestSnapshot(account, assessment.AsOf, health) { RiskScore = assessment.RiskScore, FiredRules = Array.AsReadOnly(rules) };
    }
}
