namespace CustomerSuccess.Cli;

/// <summary>The tool's exit codes (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked; every row was scored.</summary>
    public const int Success = 0;

    /// <summary>Some rows were bad: reported to the errors file (<c>--on-error report</c>), or the run stopped at the first (<c>--on-error fail</c>).</summary>
    public const int BadRows = 1;

    /// <summary>Invalid arguments or files: an unknown option, model or field, a missing or unreadable input, a bad model file.</summary>
    public const int InvalidInput = 2;

    /// <summary>A bug or an unexpected failure of the machine (disk full, say): a message and a stack trace on standard error.</summary>
    public const int InternalError = 3;
}
