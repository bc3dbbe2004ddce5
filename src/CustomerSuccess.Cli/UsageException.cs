using System;

namespace CustomerSuccess.Cli;

/// <summary>A mistake in the arguments or files the user gave: reported as one line, exit code <see cref="ExitCodes.InvalidInput"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
