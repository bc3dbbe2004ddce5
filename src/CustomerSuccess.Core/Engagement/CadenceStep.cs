using System;
using CustomerSuccess.Internal;
using NodaTime;

namespace CustomerSuccess.Engagement;

/// <summary>One step of a check-in cadence: from a day of the relationship on, check in at this interval.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CadenceStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="fromDay">The first day the step applies on, 1 or more; the kickoff date is day 1.</param>
    /// <param name="every">The interval between check-ins: days, weeks, months or years, above zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromDay"/> is below 1 or <paramref name="every"/> is not a positive date period.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="every"/> is null.</exception>
    public CadenceStep(int fromDay, Period every)
    {
        if (fromDay < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fromDay), fromDay, $"a cadence step must start on day 1 or later but started on day {fromDay}.");
        }

        FromDay = fromDay;
        Every = DatePeriods.Positive(every, "a check-in interval", nameof(every));
    }

    /// <summary>The first day the step applies on; the kickoff date is day 1.</summary>
    public int FromDay { get; }

    /// <summary>The interval between check-ins.</summary>
    public Period Every { get; }

    /// <summary>For example "from day 31: every 14 days".</summary>
    public override string ToString() => $"from day {FromDay}: {DatePeriods.Every(Every)}";
}
