using System;
using System.Diagnostics.Contracts;
using CustomerSuccess.Internal;

namespace CustomerSuccess.Nps;

/// <summary>The 0 to 10 NPS scale and its categories: 9–10 promoter, 7–8 passive, 0–6 detractor.</summary>
public static class NpsScale
{
    /// <summary>The lowest response: 0.</summary>
    public const int MinResponse = 0;

    /// <summary>The highest response: 10.</summary>
    public const int MaxResponse = 10;

    /// <summary>The lowest promoter response: 9.</summary>
    public const int PromoterMinimum = 9;

    /// <summary>The lowest passive response: 7.</summary>
    public const int PassiveMinimum = 7;

    /// <summary>The category of a response.</summary>
    /// <param name="response">An integer from 0 to 10.</param>
    /// <returns>Promoter for 9–10, passive for 7–8, detractor for 0–6.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="response"/> is below 0 or above 10.</exception>
    [Pure]
    public static NpsCategory Categorize(int response)
    {
        if ((uint)response > MaxResponse)
        {
            throw OutOfRange(response, nameof(response));
        }

        return response >= PromoterMinimum ? NpsCategory.Promoter
            : response >= PassiveMinimum ? NpsCategory.Passive
            : NpsCategory.Detractor;
    }

    /// <summary>The category of a response given as a double, as some survey exports hold them.</summary>
    /// <param name="response">A whole number from 0 to 10.</param>
    /// <returns>Promoter for 9–10, passive for 7–8, detractor for 0–6.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="response"/> is not a whole number from 0 to 10.</exception>
    [Pure]
    public static NpsCategory Categorize(double response) => Categorize(ToResponse(response, nameof(response)));

    /// <summary>Checks a response given as a double and returns it as an integer.</summary>
    internal static int ToResponse(double response, string paramName)
    {
        if (!(response >= MinResponse && response <= MaxResponse) || response != Math.Floor(response))
        {
            throw new ArgumentOutOfRangeException(paramName, response,
                $"an NPS response must be a whole number in [0, 10] but was {Guard.Format(response)}.");
        }

        return (int)response;
    }

    internal static ArgumentOutOfRangeException OutOfRange(int response, string paramName) =>
        new(paramName, response, $"an NPS response must be a whole number in [0, 10] but was {response}.");
}
