using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerSuccess.Internal;

/// <summary>Argument checks whose messages name the argument, the value and the valid range.</summary>
internal static class Guard
{
    /// <summary>The value when it is a named member of its enum; otherwise an error naming the parameter.</summary>
    internal static T Defined<T>(T value, string paramName)
        where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{value} is not a {typeof(T).Name}; use one of {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>Formats a number the way every message of the library shows it: invariant, shortest round-trip.</summary>
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A computed value (a sum) to 12 significant digits: 0.1 + 0.2 + 0.5 shows as 0.8, not 0.7999999999999999.</summary>
    internal static string FormatComputed(double value) => value.ToString("G12", CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="value"/> is a finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static void InRange(double value, double min, double max, string what, string paramName)
    {
        if (!(value >= min && value <= max))
        {
            throw OutOfRange(value, min, max, what, paramName);
        }
    }

    /// <summary>The exception <see cref="InRange"/> throws, for callers that test the range themselves on a hot path.</summary>
    internal static ArgumentOutOfRangeException OutOfRange(double value, double min, double max, string what, string paramName) =>
        new(paramName, value,
            $"{what} must be in [{Format(min)}, {Format(max)}] but was {Format(value)}.");

    /// <summary>Throws unless <paramref name="value"/> is zero or more.</summary>
    internal static void NotNegative(int value, string what, string paramName)
    {
        if (value < 0)
        {
            throw Negative(value, what, paramName);
        }
    }

    /// <summary>The exception <see cref="NotNegative"/> throws, for callers that build <paramref name="what"/> only when it is needed.</summary>
    internal static ArgumentOutOfRangeException Negative(int value, string what, string paramName) =>
        new(paramName, value, $"{what} must be 0 or more but was {value.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem when there is at least one.</summary>
    internal static void NoProblems(List<string> problems, string subject, string? paramName)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var message = problems.Count == 1
            ? $"{subject} is invalid: {problems[0]}"
            : $"{subject} is invalid ({problems.Count.ToString(CultureInfo.InvariantCulture)} problems):{Environment.NewLine}- "
              + string.Join(Environment.NewLine + "- ", problems);
        throw new ArgumentException(message, paramName);
    }

    /// <summary>
    /// Re-throws the failure of one item of a bulk call as a failure of the bulk argument, naming the item
    /// ("customer #617: ..."), keeping the exception's kind and dropping the inner parameter name.
    /// </summary>
    internal static ArgumentException ForItem(ArgumentException e, string item, string paramName)
    {
        var message = e.Message;
        if (e.ParamName is { } p && message.IndexOf($" (Parameter '{p}')", StringComparison.Ordinal) is var cut and >= 0)
        {
            message = message[..cut];
        }

        message = $"{item}: {message}";
        return e is ArgumentOutOfRangeException range
            ? new ArgumentOutOfRangeException(paramName, range.ActualValue, message)
            : new ArgumentException(message, paramName, e);
    }

    /// <summary>Checks that a bulk call's destination has room for every item (TensorPrimitives' length rule).</summary>
    internal static void Destination(int length, int count, string paramName)
    {
        if (length < count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"the destination has room for {length} customers but there are {count}."), paramName);
        }
    }
}
