
namespace Preventiemonitor.Ingest.Intake;

/// <summary>A mistake in the configured sources: bad input the user fixes in the settings (exit 1).</summary>
public sealed class SourceConfigurationException(string message) : Model.UserInputException(message);
