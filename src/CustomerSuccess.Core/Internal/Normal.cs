using System;
using System.Globalization;

namespace CustomerSuccess.Internal;

/// <summary>The standard normal distribution's quantiles, for the confidence intervals of every area.</summary>
internal static class Normal
{
    /// <summary>
    /// The quantile of the standard normal distribution by Acklam's rational approximation (relative error below
    /// 1.2e-9 over (0, 1)).
    /// </summary>
    internal static double Quantile(double p)
    {
        const double Low = 0.02425;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Tail(q);
        }

        if (p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Tail(q);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s + 1.383577518672690e+02) * s - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
            / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s + 6.680131188771972e+01) * s - 1.328068155288572e+01) * s + 1);

        static double Tail(double q) =>
            (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
    }

    /// <summary>The two-sided critical value of a confidence level in (0, 1): 1.96 for 0.95.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    internal static double Critical(double level, string parameter) =>
        level > 0 && level < 1
            ? Quantile(0.5 + (level / 2))
            : throw new ArgumentOutOfRangeException(parameter, level, string.Create(CultureInfo.InvariantCulture, $"the confidence level must be in (0, 1), for example 0.95, but was {Guard.Format(level)}."));
}
