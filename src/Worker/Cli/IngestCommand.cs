using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.Model;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Web;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>The <c>ingest</c> commands: a drop folder or a source, a table of its deliveries; and <c>ingest report ID</c>.</summary>
internal static class IngestCommand
{
    public static void CheckUsage(string? drop, string? source)
    {
        if ((drop is null) == (source is null))
        {
            throw new UserInputException("geef precies één van --drop DIR of --source NAAM.", UserInputException.UsageExitCode);
        }

        if (drop is not null && !Directory.Exists(drop))
        {
            throw new UserInputException($"De drop-map {Path.GetFullPath(drop)} bestaat niet.");
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, IAnsiConsole console, string? drop, string? source, string reportFolder, CancellationToken ct)
    {
        CheckUsage(drop, source);

        var ingest = services.GetRequiredService<IngestService>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var held = await SourceLock.AcquireAsync(dataSource, source ?? WorkerWebHost.CommandLineDropSource,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Preventiemonitor.Bronslot"), ct).ConfigureAwait(false);
        var run = await ConsoleProgress.RunAsync(console, "Leveringen verwerken…", drop, progress => drop is not null
            ? ingest.IngestDropAsync(drop, reportFolder, progress, ct)
            : ingest.IngestSourceAsync(source!, reportFolder, progress, ct)).ConfigureAwait(false);
        var table = await DeliveryTable.LoadAsync(services.GetRequiredService<NpgsqlDataSource>(), [run], ct).ConfigureAwait(false);
        console.Line();
        console.Line($"Leveringen van bron '{run.Bron}':");
        table.Write(console);
        console.Line();
        console.Line($"Samenvatting: {table.Summary()}");
        if (drop is not null)
        {
            console.Line($"Tegelijk verwerkt: tot {ingest.ParallelDeliveries} leveringen van verschillende gemeenten (instelling Ingest:GelijktijdigeLeveringen).");
        }

        console.Line($"Leveringsrapporten: {Path.GetFullPath(reportFolder)}");
        return WorkerCommandLine.ExitOk;
    }

    public static async Task<int> ReportAsync(IServiceProvider services, IAnsiConsole console, long id, string? outFile, CancellationToken ct)
    {
        var report = new DeliveryReport(services.GetRequiredService<NpgsqlDataSource>());
        if (outFile is null)
        {
            // The CSV itself, byte for byte: straight to standard output, not through the console widgets.
            return await report.WriteAsync(id, Console.Out, ct).ConfigureAwait(false)
                ? WorkerCommandLine.ExitOk
                : throw new UserInputException($"Levering {id} bestaat niet.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        bool found;
        await using (var writer = new StreamWriter(outFile, false, CsvText.Utf8))
        {
            found = await report.WriteAsync(id, writer, ct).ConfigureAwait(false);
        }

        if (!found)
        {
            File.Delete(outFile);
            throw new UserInputException($"Levering {id} bestaat niet.");
        }

        console.Line($"Leveringsrapport van levering {id}: {Path.GetFullPath(outFile)}");
        return WorkerCommandLine.ExitOk;
    }
}
