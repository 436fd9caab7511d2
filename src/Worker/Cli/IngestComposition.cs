using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Worker.Cli;

/// <summary>Builds the ingest service from configuration (sources, participant key) on the program's database.</summary>
internal static class IngestComposition
{
    public static IngestService Create(DatabaseRuntime database, IConfiguration configuration, ILoggerFactory loggerFactory, Func<HttpClient>? httpClients = null)
    {
        var home = DatabaseSettings.FromConfiguration(configuration).HomeDirectory;
        var key = ParticipantKey.Load(configuration, home, loggerFactory.CreateLogger("Preventiemonitor.Deelnemersleutel"));
        return new IngestService(database.DataSource, key, SourceSettings.Load(configuration), httpClients, loggerFactory);
    }
}
