using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerSuccess.Cli;

/// <summary>
/// What every run of the tool must end with, whatever its input: exit 0 or 1 with the accounting line and
/// read = scored + rejected, or exit 2 with one line under 200 characters. Shared by the fuzzing harness and the
/// property-based fuzz test.
/// </summary>
internal static partial class RunCheck
{
    /// <summary>What is wrong with a run's ending, or null when it is one of the allowed endings.</summary>
    public static string? Problem(int exitCode, string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return exitCode switch
        {
            ExitCodes.Success or ExitCodes.BadRows => lines.Select(l => Accounting().Match(l)).LastOrDefault(m => m.Success) is { } accounting
                && Count(accounting, 1) == Count(accounting, 2) + Count(accounting, 3)
                    ? null
                    : $"exit {exitCode} without an accounting line where read = scored + rejected",
            ExitCodes.InvalidInput => lines.Length == 1 && lines[0].Length < 200 ? null : $"exit 2 with {lines.Length} lines, not one short line",
            _ => $"exit {exitCode}",
        };
    }

    private static long Count(Match m, int group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) rows? read, (\d+) scored, (\d+) rejected")]
    private static partial Regex Accounting();
}
