using System;

namespace CustomerSuccess.Core.Cli.Infrastructure;

/// <summary>An expected failure the user can fix: printed as one message on stderr, with its exit code, never with a
/// stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.InvalidInput)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this("The command failed.")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InvalidInput;
    }

    public int ExitCode { get; }

    /// <summary>An invalid input (exit code 1).</summary>
    public static CliException Input(string message) => new(message, ExitCodes.InvalidInput);

    /// <summary>A usage error (exit code 2).</summary>
    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}
