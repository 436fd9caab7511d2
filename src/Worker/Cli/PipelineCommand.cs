using System.Globalization;
using Dapper;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker.Cli;

/// <summary>The <c>pipeline</c> and <c>publish</c> commands (publicatie §1).</summary>
internal static class PipelineCommand
{
    public static PipelineService CreatePipeline(DatabaseRuntime database, IConfiguration configuration, ILoggerFactory loggerFactory) => new(
        IngestComposition.Create(database, configuration, loggerFactory),
        new ScoreRunService(database.DataSource, loggerFactory.CreateLogger<ScoreRunService>()),
        new PublicationService(database.DataSource, loggerFactory.CreateLogger<PublicationService>()),
        MethodConfiguration.Load(configuration));

    public static async Task<int> RunAsync(DatabaseRuntime database, IConfiguration configuration, ILoggerFactory loggerFactory,
        string drop, string outRoot, int? jaar, string? label, TextWriter output, CancellationToken ct)
    {
        var pipeline = CreatePipeline(database, configuration, loggerFactory);
        var result = await pipeline.RunAsync(drop, outRoot, jaar, label, $"cli:{Environment.UserName}", new ConsoleProgress(output), ct)
            .ConfigureAwait(false);

        var run = result.Ingests.Single();
        var ids = run.Deliveries.Select(d => d.LeveringId).ToArray();
        await using var connection = await database.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var statuses = (await connection.QueryAsync<(string Status, int Count)>(new CommandDefinition(
            "SELECT status, count(*)::int FROM levering WHERE id = ANY (@ids) GROUP BY status ORDER BY status", new { ids }, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        var fresh = run.Deliveries.Where(d => !d.AlreadyProcessed).ToList();

        output.WriteLine();
        output.WriteLine("Samenvatting van de pipeline");
        output.WriteLine($"  Leveringen: {run.Deliveries.Count} ({string.Join(", ", statuses.Select(s => $"{s.Count} {s.Status}"))}), " +
                         $"waarvan {run.Deliveries.Count - fresh.Count} al verwerkt.");
        output.WriteLine($"  Rijen (nieuwe leveringen): {fresh.Sum(d => d.Geaccepteerd).ToString(CultureInfo.InvariantCulture)} geaccepteerd, " +
                         $"{fresh.Sum(d => d.Geweigerd).ToString(CultureInfo.InvariantCulture)} geweigerd.");
        foreach (var note in run.Notes)
        {
            output.WriteLine($"  {note}");
        }

        output.WriteLine($"  Score run {result.Score.Id}: jaar {result.Score.Jaar}, {result.Score.Programmas} programma's, {result.Score.Leveringen} leveringen gebruikt.");
        output.WriteLine($"  Publicatie {result.Publication.Id} '{result.Publication.Label}' (concept): {result.Publication.Folder}");
        foreach (var file in result.Publication.Files)
        {
            output.WriteLine($"    {file.Name,-28} {file.Content.Length,10:N0} bytes  sha256 {file.Sha256[..16]}…");
        }

        output.WriteLine($"  Leveringsrapporten: {Path.Combine(Path.GetFullPath(outRoot), "leveringsrapporten")}");
        return WorkerCommandLine.ExitOk;
    }

    public static async Task<int> PublishAsync(DatabaseRuntime database, ILoggerFactory loggerFactory, long scoreRunId, string outRoot,
        string? label, TextWriter output, CancellationToken ct)
    {
        var service = new PublicationService(database.DataSource, loggerFactory.CreateLogger<PublicationService>());
        var result = await service.PublishAsync(scoreRunId, label, outRoot, $"cli:{Environment.UserName}", ct).ConfigureAwait(false);
        output.WriteLine($"Publicatie {result.Id} '{result.Label}' (concept) van score run {scoreRunId}: {result.Folder}");
        return WorkerCommandLine.ExitOk;
    }
}
