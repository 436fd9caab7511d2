
namespace Preventiemonitor.Storage;

/// <summary>The embedded PostgreSQL could not be found, initialised or started; the message says why, in Dutch.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
