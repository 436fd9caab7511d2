using System.Globalization;
using Dapper;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Worker.Cli;

/// <summary>Prints progress of large files (every 100,000 rows) straight away, in order.</summary>
internal sealed class ConsoleProgress(TextWriter output) : IProgress<DeliveryProgress>
{
    public void Report(DeliveryProgress value)
    {
        if (value.Rows > 0 && value.Rows % DeliveryProcessor.ProgressEvery == 0)
        {
            output.WriteLine($"  … {value.Bestand}: {value.Rows.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} rijen gelezen");
        }
    }
}

/// <summary>The <c>ingest</c> commands: a drop folder or a source, printed per delivery; and <c>ingest report ID</c>.</summary>
internal static class IngestCommand
{
    public static async Task<int> RunAsync(DatabaseRuntime database, IConfiguration configuration, ILoggerFactory loggerFactory,
        string? drop, string? source, string reportFolder, TextWriter output, CancellationToken ct)
    {
        var ingest = IngestComposition.Create(database, configuration, loggerFactory);
        var progress = new ConsoleProgress(output);
        var run = drop is not null
            ? await ingest.IngestDropAsync(drop, reportFolder, progress, ct).ConfigureAwait(false)
            : await ingest.IngestSourceAsync(source!, reportFolder, progress, ct).ConfigureAwait(false);
        await PrintAsync(database, run, Path.GetFullPath(reportFolder), output, ct).ConfigureAwait(false);
        return WorkerCommandLine.ExitOk;
    }

    /// <summary>Prints every delivery of the run as it stands after the whole run, then a summary.</summary>
    public static async Task PrintAsync(DatabaseRuntime database, IngestRun run, string reportFolder, TextWriter output, CancellationToken ct)
    {
        var ids = run.Deliveries.Select(d => d.LeveringId).ToArray();
        await using var connection = await database.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<LeveringLine>(new CommandDefinition(
            "SELECT id, status, reden, rijen, geaccepteerd, geweigerd, waarschuwingen FROM levering WHERE id = ANY (@ids)",
            new { ids }, cancellationToken: ct)).ConfigureAwait(false)).ToDictionary(r => r.Id);

        output.WriteLine();
        output.WriteLine($"Leveringen van bron '{run.Bron}':");
        foreach (var d in run.Deliveries)
        {
            var l = rows[d.LeveringId];
            var status = d.AlreadyProcessed ? $"al verwerkt ({l.Status})" : l.Status;
            var counts = l.Rijen is null
                ? "niet gelezen"
                : $"{l.Rijen} rijen, {l.Geaccepteerd} geaccepteerd, {l.Geweigerd} geweigerd, {l.Waarschuwingen} waarschuwingen";
            output.WriteLine($"  levering {d.LeveringId,5}  {status,-32} {d.Bestand}: {counts}");
            if (l.Reden is not null)
            {
                output.WriteLine($"{"",19}reden: {l.Reden}");
            }
            else if (l.Status == LeveringStatus.Vervangen && !d.AlreadyProcessed)
            {
                output.WriteLine($"{"",19}vervangen door een nieuwere levering in deze run");
            }
        }

        foreach (var note in run.Notes)
        {
            output.WriteLine($"  {note}");
        }

        var byStatus = rows.Values.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var fresh = run.Deliveries.Where(d => !d.AlreadyProcessed).Select(d => rows[d.LeveringId]).ToList();
        output.WriteLine();
        output.WriteLine(
            $"Samenvatting: {run.Deliveries.Count} leveringen ({string.Join(", ", byStatus)}), " +
            $"waarvan {run.Deliveries.Count - fresh.Count} al verwerkt; " +
            $"nieuw: {fresh.Sum(r => r.Geaccepteerd).ToString(CultureInfo.InvariantCulture)} rijen geaccepteerd, " +
            $"{fresh.Sum(r => r.Geweigerd).ToString(CultureInfo.InvariantCulture)} geweigerd.");
        output.WriteLine($"Leveringsrapporten: {reportFolder}");
    }

    private sealed class LeveringLine
    {
        public long Id { get; set; }

        public string Status { get; set; } = string.Empty;

        public string? Reden { get; set; }

        public int? Rijen { get; set; }

        public int Geaccepteerd { get; set; }

        public int Geweigerd { get; set; }

        public int Waarschuwingen { get; set; }
    }

    public static async Task<int> ReportAsync(DatabaseRuntime database, long id, string? outFile, TextWriter output, CancellationToken ct)
    {
        var report = new DeliveryReport(database.DataSource);
        if (outFile is null)
        {
            if (!await report.WriteAsync(id, output, ct).ConfigureAwait(false))
            {
                await Console.Error.WriteLineAsync($"Levering {id} bestaat niet.").ConfigureAwait(false);
                return WorkerCommandLine.ExitFailure;
            }

            return WorkerCommandLine.ExitOk;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(outFile))!;
        Directory.CreateDirectory(folder);
        await using (var writer = new StreamWriter(outFile, false, CsvText.Utf8))
        {
            if (!await report.WriteAsync(id, writer, ct).ConfigureAwait(false))
            {
                await Console.Error.WriteLineAsync($"Levering {id} bestaat niet.").ConfigureAwait(false);
                return WorkerCommandLine.ExitFailure;
            }
        }

        output.WriteLine($"Leveringsrapport van levering {id}: {Path.GetFullPath(outFile)}");
        return WorkerCommandLine.ExitOk;
    }
}
