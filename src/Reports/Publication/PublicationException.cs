using Preventiemonitor.Model;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// A publication could not be made; the message says why, in Dutch. The command line prints it as one
/// line and exits 1 (<see cref="UserInputException.InputExitCode"/>); <paramref name="inner"/>, when given
/// (the failure of the disclosure engine, say), goes to the log for operators.
/// </summary>
public sealed class PublicationException(string message, Exception? inner = null)
    : UserInputException(message, InputExitCode, inner);
