using Preventiemonitor.Model;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// A publication could not be made; the message says why, in Dutch. The command line prints it as one
/// line and exits 1 (<see cref="UserInputException.InputExitCode"/>).
/// </summary>
public sealed class PublicationException(string message) : UserInputException(message);
