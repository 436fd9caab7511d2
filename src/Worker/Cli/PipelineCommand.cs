using Npgsql;
using Preventiemonitor.Model;
using Preventiemonitor.Reports.Publication;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>The options of <c>pipeline</c>.</summary>
internal sealed record PipelineRequest(string? Drop, string? OutRoot, int? Jaar, string? Label, bool Serve, string? Urls);

/// <summary>The <c>pipeline</c> and <c>publish</c> commands (publicatie §1).</summary>
internal static class PipelineCommand
{
    public static Task<int> RunAsync(CommonOptions common, PipelineRequest request, CancellationToken ct)
    {
        if (!request.Serve)
        {
            return CommandHost.RunAsync(common, (sp, console, c) => PipelineAsync(sp, console, request, c), ct, () => CheckUsage(request));
        }

        // The whole demo in one command: the pipeline, then the site on the same database, with the drop
        // folder as a scheduled source (a real recurring ingest job in the dashboard, run once at the start).
        var console = CommandConsole.Create(Console.Out, Console.IsOutputRedirected);
        return ServeCommand.RunAsync(common, request.Urls, request.Drop, async (sp, c) =>
        {
            var exit = await PipelineAsync(sp, console, request, c).ConfigureAwait(false);
            await ServeCommand.DemoUsersAsync(sp, c).ConfigureAwait(false);
            return exit;
        }, app =>
        {
            console.Line($"Site: {string.Join(", ", app.Urls)} (inloggen met de gebruikers hierboven; stoppen met Ctrl+C).");
            return Task.CompletedTask;
        }, ct);
    }

    private static void CheckUsage(PipelineRequest request)
    {
        if (request.Drop is null || request.OutRoot is null)
        {
            throw new UserInputException("pipeline vraagt --drop DIR en --out DIR.", UserInputException.UsageExitCode);
        }

        if (!Directory.Exists(request.Drop))
        {
            throw new UserInputException($"de drop-map {Path.GetFullPath(request.Drop)} bestaat niet.", UserInputException.UsageExitCode);
        }
    }

    private static async Task<int> PipelineAsync(IServiceProvider services, IAnsiConsole console, PipelineRequest request, CancellationToken ct)
    {
        CheckUsage(request);
        var pipeline = services.GetRequiredService<PipelineService>();
        var result = await ConsoleProgress.RunAsync(console, "Pipeline: verwerken, scoren, publiceren…", request.Drop, (PipelineReporters reporters) =>
            pipeline.RunAsync(request.Drop, request.OutRoot!, request.Jaar, request.Label, $"cli:{Environment.UserName}", reporters, ct)).ConfigureAwait(false);

        var run = result.Ingests.Single();
        var table = await DeliveryTable.LoadAsync(services.GetRequiredService<NpgsqlDataSource>(), result.Ingests, ct).ConfigureAwait(false);
        var fresh = run.Deliveries.Where(d => !d.AlreadyProcessed).ToList();

        console.Line();
        table.Write(console);
        console.Line();
        console.Line("Samenvatting van de pipeline");
        console.Line($"  Leveringen: {run.Deliveries.Count} ({table.StatusCounts()}), waarvan {run.Deliveries.Count - fresh.Count} al verwerkt.");
        console.Line($"  Rijen (nieuwe leveringen): {fresh.Sum(d => d.Geaccepteerd)} geaccepteerd, {fresh.Sum(d => d.Geweigerd)} geweigerd.");
        console.Line($"  Score run {result.Score.Id}: jaar {result.Score.Jaar}, {result.Score.Programmas} programma's, {result.Score.Leveringen} leveringen gebruikt" +
                     (result.Score.Reused ? " (bestaande score run, nog actueel)." : "."));
        console.Line($"  Publicatie {result.Publication.Id} '{result.Publication.Label}'" +
                     (result.Publication.AlreadyPublished ? " bestond al (niets nieuws sinds die publicatie; map gecontroleerd)" : " (concept)") +
                     $": {result.Publication.Folder}");
        var files = new Table().Border(TableBorder.Rounded).AddColumn("bestand").AddColumn(new TableColumn("bytes").RightAligned()).AddColumn("sha256");
        foreach (var file in result.Publication.Files)
        {
            files.AddRow(new Text(file.Name), new Text(file.Content.Length.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))), new Text(file.Sha256[..16] + "…"));
        }

        console.Write(files);
        console.Line($"  Leveringsrapporten: {Path.Combine(Path.GetFullPath(request.OutRoot!), "leveringsrapporten")}");
        return WorkerCommandLine.ExitOk;
    }

    public static void CheckPublishUsage(long? scoreRunId, long? exportId, string? outRoot, string? label)
    {
        if (exportId is not null && (scoreRunId is not null || label is not null))
        {
            throw new UserInputException("publish --export ID gaat niet samen met --score-run of --label.", UserInputException.UsageExitCode);
        }

        if ((scoreRunId is null && exportId is null) || outRoot is null)
        {
            throw new UserInputException("publish vraagt --score-run ID (of --export ID) en --out DIR.", UserInputException.UsageExitCode);
        }
    }

    public static async Task<int> PublishAsync(IServiceProvider services, IAnsiConsole console, long? scoreRunId, string? outRoot, string? label, CancellationToken ct)
    {
        CheckPublishUsage(scoreRunId, null, outRoot, label);
        PublicationResult result;
        try
        {
            result = await ConsoleProgress.RunAsync(console, "Publiceren…", null, (PipelineReporters reporters) => services.GetRequiredService<PublicationService>()
                .PublishAsync(scoreRunId!.Value, label, outRoot!, $"cli:{Environment.UserName}", reporters.Publication, ct)).ConfigureAwait(false);
        }
        catch (PublicationException e)
        {
            throw new UserInputException(e.Message, inner: e);
        }

        console.Line($"Publicatie {result.Id} '{result.Label}' (concept) van score run {scoreRunId}: {result.Folder}" +
                     (result.AlreadyPublished ? $" (bestond al; map {(result.FolderWritten ? "opnieuw geschreven uit de database" : "is compleet")})" : string.Empty));
        return WorkerCommandLine.ExitOk;
    }

    /// <summary><c>publish --export ID --out DIR</c>: a stored publication written again from the database.</summary>
    public static async Task<int> ExportAsync(IServiceProvider services, IAnsiConsole console, long id, string outRoot, CancellationToken ct)
    {
        PublicationResult result;
        try
        {
            result = await services.GetRequiredService<PublicationService>().ExportAsync(id, outRoot, ct).ConfigureAwait(false);
        }
        catch (PublicationException e)
        {
            throw new UserInputException(e.Message, inner: e);
        }

        console.Line(result.FolderWritten
            ? $"Publicatie {result.Id} '{result.Label}' uit de database geschreven naar {result.Folder} ({result.Files.Count} bestanden, SHA-256 gecontroleerd)."
            : $"Publicatie {result.Id} '{result.Label}' staat al compleet in {result.Folder} ({result.Files.Count} bestanden, SHA-256 gecontroleerd).");
        return WorkerCommandLine.ExitOk;
    }
}
