using System.IO;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>What a run of the tool talks to: its output streams, standard input, the clock, and whether a person watches standard error.</summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, IClock Clock, bool ErrorIsTerminal = false, bool OutIsTerminal = false)
{
    /// <summary>Standard input, for the input "-".</summary>
    public Stream? In { get; init; }
}
