using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.Ingest.Sources;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>
/// Ingests a drop folder or a configured source: every file becomes a delivery processed by the
/// <see cref="DeliveryProcessor"/>, and its delivery report is written to the report folder when one is given.
/// </summary>
public sealed class IngestService(
    NpgsqlDataSource dataSource,
    byte[] participantKey,
    IReadOnlyList<SourceSettings> sources,
    Func<HttpClient>? httpClients,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<IngestService>();
    private HttpClient? _ownClient;

    public ParseLimits Limits { get; init; } = new();

    public HttpSourceOptions HttpOptions { get; init; } = new();

    public IReadOnlyList<SourceSettings> Sources => sources;

    /// <summary>
    /// How many deliveries of different municipalities a drop run processes at the same time (1: one after the other).
    /// The result is the same either way (<see cref="ParallelDeliveryRun"/>): ids in path order, a municipality's files
    /// in path order, national and population files on their own.
    /// </summary>
    public int ParallelDeliveries { get; init; } = 2;

    /// <summary>Every file under the drop root, in ordinal path order (see <see cref="ParallelDeliveries"/>).</summary>
    public async Task<IngestRun> IngestDropAsync(string root, string? reportFolder, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var processor = await CreateProcessorAsync(ct).ConfigureAwait(false);
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct).ConfigureAwait(false);
        var notes = new List<string>();
        var files = DropFolder.Scan(root, catalog, notes).ToList();
        var outcomes = await DropDeliveries.ProcessAsync(processor, files, ParallelDeliveries, notes, progress, ct).ConfigureAwait(false);

        foreach (var note in notes)
        {
            _logger.LogWarning("Drop-map: {Melding}", note);
        }

        // After the whole run: a later delivery of the run can change an earlier one (replaced, warnings).
        await WriteReportsAsync(outcomes, reportFolder, ct).ConfigureAwait(false);
        return new IngestRun(DropFolder.SourceName, outcomes, notes);
    }

    /// <summary>One configured source by name.</summary>
    public async Task<IngestRun> IngestSourceAsync(string name, string? reportFolder, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var source = sources.FirstOrDefault(s => s.Naam == name)
            ?? throw new SourceConfigurationException(
                $"Onbekende bron '{name}'. Ingestelde bronnen: {(sources.Count == 0 ? "geen" : string.Join(", ", sources.Select(s => s.Naam)))}.");
        return source.Soort switch
        {
            SourceKind.Drop => await IngestDropAsync(source.Locatie!, reportFolder, progress, ct).ConfigureAwait(false) with { Bron = source.Naam },
            SourceKind.Http => await IngestHttpAsync(source, reportFolder, progress, ct).ConfigureAwait(false),
            SourceKind.Cbs => await IngestCbsAsync(source, reportFolder, progress, ct).ConfigureAwait(false),
            _ => throw new SourceConfigurationException($"Bron '{name}': onbekende soort."),
        };
    }

    private async Task<IngestRun> IngestHttpAsync(SourceSettings source, string? reportFolder, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var http = CreateHttpSource();
        var previous = await SourceStatus.ReadAsync(dataSource, source.Naam, ct).ConfigureAwait(false);
        var request = new HttpSourceRequest(new Uri(source.Locatie!))
        {
            Headers = CredentialHeaders.Resolve(source.Headers),
            Previous = previous,
        };
        var result = await http.FetchAsync(request, ct).ConfigureAwait(false);
        if (result is not HttpPayload payload)
        {
            await SourceStatus.SaveAsync(dataSource, source.Naam, result.Validators, _logger, ct).ConfigureAwait(false);
            return new IngestRun(source.Naam, [], [$"{source.Locatie}: niet gewijzigd sinds de vorige keer (HTTP 304)."]);
        }

        using (payload)
        {
            // The reader chooses the format by file name: give the downloaded bytes their delivered name.
            var folder = Directory.CreateTempSubdirectory("pm-http-").FullName;
            try
            {
                var local = Path.Combine(folder, payload.FileName);
                File.Copy(payload.TempFilePath, local);
                var file = new DeliveryFile(local, source.Naam, result.FinalUrl.ToString(), source.Gemeente, source.Dataset);
                var processor = await CreateProcessorAsync(ct).ConfigureAwait(false);
                var outcome = await ProcessAndReportAsync(processor, file, reportFolder, progress, ct).ConfigureAwait(false);
                await SourceStatus.SaveAsync(dataSource, source.Naam, result.Validators, _logger, ct).ConfigureAwait(false);
                return new IngestRun(source.Naam, [outcome], []);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// CBS population: the answer is turned into a <c>bevolking</c> file (gemeente, jaar, leeftijd, aantal)
    /// that is processed like any delivery, so the same answer twice is "al verwerkt".
    /// </summary>
    private async Task<IngestRun> IngestCbsAsync(SourceSettings source, string? reportFolder, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct).ConfigureAwait(false);
        var options = source.Locatie is null ? new CbsPopulationOptions() : new CbsPopulationOptions { BaseUrl = new Uri(source.Locatie) };
        var client = new CbsPopulationClient(CreateHttpSource(), options, loggerFactory.CreateLogger<CbsPopulationClient>());
        var result = await client.FetchAsync(catalog.Gemeenten.Select(g => g.Code).ToList(), source.Jaren, ct).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("pm-cbs-").FullName;
        try
        {
            var local = Path.Combine(folder, $"bevolking_{options.TableId}.csv");
            await PopulationFile.WriteAsync(local, result.Rows).ConfigureAwait(false);

            var file = new DeliveryFile(local, source.Naam, options.BaseUrl.ToString(), null, Dataset.Bevolking);
            var processor = await CreateProcessorAsync(ct).ConfigureAwait(false);
            var outcome = await ProcessAndReportAsync(processor, file, reportFolder, progress, ct).ConfigureAwait(false);
            return new IngestRun(source.Naam, [outcome], [result.Description]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The client comes from the host's IHttpClientFactory (retries configured there from the same
    /// <see cref="HttpOptions"/>) or, without a host, from <see cref="HttpSourceResilience.CreateClient"/>.
    /// </summary>
    private HttpSource CreateHttpSource()
    {
        var logger = loggerFactory.CreateLogger<HttpSource>();
        if (httpClients is null)
        {
            return new HttpSource(_ownClient ??= HttpSourceResilience.CreateClient(HttpOptions, logger), HttpOptions, logger);
        }

        var client = httpClients();
        client.Timeout = Timeout.InfiniteTimeSpan; // the per-attempt timeout is HttpOptions.Timeout
        return new HttpSource(client, HttpOptions, logger);
    }

    private async Task<DeliveryProcessor> CreateProcessorAsync(CancellationToken ct)
    {
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct).ConfigureAwait(false);
        return new DeliveryProcessor(dataSource, catalog, participantKey, Limits, loggerFactory.CreateLogger<DeliveryProcessor>());
    }

    private async Task<DeliveryOutcome> ProcessAndReportAsync(
        DeliveryProcessor processor, DeliveryFile file, string? reportFolder, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var outcome = await processor.ProcessAsync(file, progress, ct).ConfigureAwait(false);
        await WriteReportsAsync([outcome], reportFolder, ct).ConfigureAwait(false);
        return outcome;
    }

    private async Task WriteReportsAsync(IEnumerable<DeliveryOutcome> outcomes, string? reportFolder, CancellationToken ct)
    {
        if (reportFolder is null)
        {
            return;
        }

        var report = new DeliveryReport(dataSource);
        foreach (var outcome in outcomes)
        {
            await report.WriteToFolderAsync(outcome.LeveringId, reportFolder, ct).ConfigureAwait(false);
        }
    }
}
