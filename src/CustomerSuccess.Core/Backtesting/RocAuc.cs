using System;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Backtesting;

/// <summary>
/// The AUC of a score against an outcome, from the Mann–Whitney rank sum (ties share their ranks, so a tie counts a
/// half), with the Hanley–McNeil (1982) standard error. Stateless and thread-safe.
/// </summary>
public static class RocAuc
{
    /// <summary>Computes the AUC of <paramref name="scores"/> against <paramref name="outcomes"/>.</summary>
    /// <param name="scores">Each account's score, finite.</param>
    /// <param name="outcomes">Whether each account had the outcome (churned), as long as <paramref name="scores"/>.</param>
    /// <param name="higherMeansOutcome">
    /// True (the default) when a higher score means the outcome is more likely, as for a churn risk score; false when a
    /// lower one does, as for a health score, whose AUC is then that of its negation.
    /// </param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <returns>The AUC, undefined when every account is of one class.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is not finite (naming its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static AucEstimate Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> outcomes, bool higherMeansOutcome = true, double level = ProportionInterval.DefaultLevel)
    {
        if (scores.Length != outcomes.Length)
        {
            throw new ArgumentException($"there are {scores.Length} scores and {outcomes.Length} outcomes; give one outcome per score.", nameof(outcomes));
        }

        var z = Normal.Critical(level, nameof(level));
        var n = scores.Length;
        var keys = new double[n];
        var order = new int[n];
        long positives = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"score #{i} is {Guard.Format(scores[i])}; every score must be a finite number.", nameof(scores));
            }

            keys[i] = higherMeansOutcome ? scores[i] : -scores[i];
            order[i] = i;
            positives += outcomes[i] ? 1 : 0;
        }

        long negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return new AucEstimate(positives, negatives, level, null, 0, 0, 1);
        }

        // The outcome accounts' rank sum, ties sharing the mean of their ranks (1-based).
        Array.Sort(keys, order);
        var rankSum = 0.0;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                if (outcomes[order[k]])
                {
                    rankSum += rank;
                }
            }

            start = end;
        }

        double p = positives, q = negatives;
        var auc = (rankSum - (p * (p + 1) / 2)) / (p * q);
        auc = Math.Clamp(auc, 0, 1);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = ((auc * (1 - auc)) + ((p - 1) * (q1 - (auc * auc))) + ((q - 1) * (q2 - (auc * auc)))) / (p * q);
        var error = Math.Sqrt(Math.Max(0, variance));
        return new AucEstimate(positives, negatives, level, auc, error, Math.Max(0, auc - (z * error)), Math.Min(1, auc + (z * error)));
    }
}
