namespace CustomerSuccess.Core.Cli.Infrastructure;

/// <summary>The exit codes of <c>cs-core</c> (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input or the definition is invalid (or <c>validate</c> found an error): the message says what and where.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line is wrong: an unknown command, option or argument, a missing or malformed option value.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected failure (a bug or an environment problem): one line on stderr, the stack trace with --verbose.</summary>
    public const int Unexpected = 70;

    /// <summary>The run was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
