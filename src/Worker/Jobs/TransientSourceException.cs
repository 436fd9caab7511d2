
namespace Preventiemonitor.Worker.Jobs;

/// <summary>A failure worth retrying later (see <see cref="IngestSourceJob.IsTransient"/>).</summary>
public sealed class TransientSourceException(string message, Exception inner) : Exception(message, inner);
