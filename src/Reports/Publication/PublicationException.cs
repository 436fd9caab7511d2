namespace Preventiemonitor.Reports.Publication;

/// <summary>A publication could not be made; the message says why, in Dutch.</summary>
public sealed class PublicationException(string message) : Exception(message);
