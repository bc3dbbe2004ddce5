using System;
using System.Globalization;

namespace CustomerSuccess.Expansion;

/// <summary>Checks of money amounts.</summary>
internal static class Money
{
    internal static void NotNegative(decimal amount, string what, string paramName)
    {
        if (amount < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, amount,
                string.Create(CultureInfo.InvariantCulture, $"{what} must be 0 or more but was {amount}."));
        }
    }
}
