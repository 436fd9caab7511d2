namespace Preventiemonitor.Model;

/// <summary>
/// Bad usage or bad input that the user can fix: a wrong option, a missing folder, a bad setting.
/// The command line prints <see cref="Exception.Message"/> (Dutch, one line) without a stack trace
/// and exits with <see cref="ExitCode"/>; every other exception is a fault and is logged in full.
/// </summary>
public class UserInputException : Exception
{
    /// <summary>Exit code for bad usage of the command line (a missing or conflicting option).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for input or settings that cannot be used.</summary>
    public const int InputExitCode = 1;

    public UserInputException(string message, int exitCode = InputExitCode, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code: 1 (bad input or setting) or 2 (bad usage).</summary>
    public int ExitCode { get; }
}
