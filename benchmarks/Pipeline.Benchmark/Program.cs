using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Pipeline.Benchmark;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.ScaleGenerator;
using Preventiemonitor.Scoring;
using Preventiemonitor.Storage;

// Pipeline benchmark (issue 14): on a throwaway embedded PostgreSQL, generates a drop of N measurement
// rows with tools/ScaleGenerator and measures, on the same files and data:
//   plain \copy into a table of text columns  vs  the project's ingest of the drop;
//   the plain one-pass SQL pairing            vs  the project's score run;
//   and the publication. Prints every time, each ratio (project ÷ plain) and the peak RSS.
//   With --paginas also the main pages through the real Worker host after the publication (PageTimings).
// Usage: dotnet run --project benchmarks/Pipeline.Benchmark -c Release -- [--rijen 1000000] [--programmas 300] [--gemeenten 6] [--klein 0.3] [--explain] [--paginas]
var options = new ScaleDropOptions();
var explain = false;
var pages = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rijen": options = options with { Rijen = long.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--programmas": options = options with { Programmas = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--gemeenten": options = options with { Gemeenten = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--klein": options = options with { Klein = double.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--explain": explain = true; break;
        case "--paginas": pages = true; break;
        default: Console.Error.WriteLine($"Onbekende optie {args[i]}"); return 2;
    }
}

var work = Directory.CreateTempSubdirectory("pm-pipeline-bench-").FullName;
File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
EmbeddedPostgres? cluster = null;
var lines = new List<(string Step, double Seconds, string Note)>();
try
{
    cluster = await EmbeddedPostgres.StartAsync(
        new EmbeddedPostgresOptions { HomeDirectory = Path.Combine(work, "home"), DatabaseName = "benchmark" }, NullLogger.Instance, CancellationToken.None);
    await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
    await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);

    var drop = Path.Combine(work, "drop");
    var (generated, generate) = Time(() => ScaleDrop.Write(drop, options));
    var metingen = generated.Files.Where(f => f.Dataset == "metingen").ToList();
    var mib = metingen.Sum(f => new FileInfo(Path.Combine(drop, f.Bestand)).Length) / 1048576.0;
    lines.Add(("genereren", generate, $"{generated.MetingRijen:N0} metingrijen in {metingen.Count} bestanden, {mib:N1} MiB; {options.Programmas} programma's per gemeente"));

    var copy = await TimeAsync(() => PlainPostgres.CopyAsync(dataSource, cluster.ConnectionString, drop, metingen));
    lines.Add(("kaal: copy metingen", copy.Seconds, copy.Result + " naar een tabel met tekstkolommen"));
    // The ingest processes two municipalities at a time (IngestService.ParallelDeliveries): the same for the plain copy.
    var copy2 = await TimeAsync(() => PlainPostgres.CopyAsync(dataSource, cluster.ConnectionString, drop, metingen, parallel: 2));
    lines.Add(("kaal: copy metingen, 2 tegelijk", copy2.Seconds, copy2.Result + ", twee bestanden tegelijk (elk een eigen sessie)"));

    var ingestService = new IngestService(dataSource, new byte[32], [], null, NullLoggerFactory.Instance);
    var (jit0, jitMethods0) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
    var ingest = await TimeAsync(() => ingestService.IngestDropAsync(drop, null, null, CancellationToken.None));
    var accepted = ingest.Result.Deliveries.Sum(d => (long)d.Geaccepteerd);
    var jit = (System.Runtime.JitInfo.GetCompilationTime() - jit0).TotalSeconds;
    lines.Add(("project: ingest --drop", ingest.Seconds, $"{ingest.Result.Deliveries.Count} leveringen, {accepted:N0} rijen geaccepteerd (incl. programma's en bevolking); " +
        $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods0:N0} methoden, {jit:N2} s"));

    if (explain)
    {
        await ExplainAsync(dataSource, "kale koppeling (zonder statistieken)", PlainPostgres.Pairing);
        await ExplainAsync(dataSource, "koppeling van de score run (zonder statistieken)", PairedMeasurements.SqlWithFollowUp);
    }

    var plain1 = await TimeAsync(() => PlainPostgres.PairAsync(dataSource));
    var scoreSteps = new ScoreStepTimes();
    var score = await TimeAsync(() => new ScoreRunService(dataSource, NullLogger<ScoreRunService>.Instance)
        .RunAsync(options.Jaar, new MethodParameters { Versie = MethodVersions.V2 }, "benchmark", scoreSteps, CancellationToken.None));
    var scoreStepsText = scoreSteps.Summary();
    var plain2 = await TimeAsync(() => PlainPostgres.PairAsync(dataSource));
    var scoreV1Steps = new ScoreStepTimes();
    var scoreV1 = await TimeAsync(() => new ScoreRunService(dataSource, NullLogger<ScoreRunService>.Instance)
        .RunAsync(options.Jaar, new MethodParameters { Versie = MethodVersions.V1 }, "benchmark", scoreV1Steps, CancellationToken.None));
    var scoreV1StepsText = scoreV1Steps.Summary();
    if (explain)
    {
        await ExplainAsync(dataSource, "koppeling van de score run (na ANALYZE)", PairedMeasurements.SqlWithFollowUp);
    }

    var plain = Math.Min(plain1.Seconds, plain2.Seconds);
    lines.Add(("kaal: koppeling T0/T1 (één doorgang)", plain, $"{plain1.Result:N0} programma × instrument; beste van 2 ({plain1.Seconds:N2} s vóór, {plain2.Seconds:N2} s na de score run)"));
    lines.Add(("project: score run (v2)", score.Seconds, $"run {score.Result.Id}: {score.Result.Programmas:N0} programma's, {score.Result.Result.Effects.Count:N0} effecten, " +
        $"{score.Result.ResultV2!.DurabilityEffects.Count:N0} duurzaamheidseffecten, {score.Result.ResultV2.TargetGroups.Count:N0} doelgroeprijen; {scoreStepsText}"));
    lines.Add(("project: score run (v1, ter vergelijking)", scoreV1.Seconds, $"run {scoreV1.Result.Id}: dezelfde v1-tabellen, geen v2-tabellen; {scoreV1StepsText}"));

    var publication = await TimeAsync(() => new PublicationService(dataSource, NullLogger<PublicationService>.Instance)
        .PublishAsync(score.Result.Id, "benchmark", Path.Combine(work, "out"), "benchmark", CancellationToken.None));
    lines.Add(("project: publicatie", publication.Seconds, $"{publication.Result.Files.Count} bestanden"));
    var audit = (await new DisclosureAuditStore(dataSource).SummariesAsync(CancellationToken.None))[publication.Result.Id];
    lines.Add(("project: onthullingscontrole (in publicatie)", audit.DuurMs / 1000.0,
        $"k_min {audit.KMin}: {audit.Primair} cellen primair, {audit.Secundair} secundair leeggemaakt; audit {(audit.Geslaagd ? "geslaagd" : "niet geslaagd")}"));

    IReadOnlyList<PageTiming> pageTimings = [];
    if (pages)
    {
        var gemeente = generated.Files.First(f => f.Dataset == "programmas").Bestand.Split('/')[0];
        pageTimings = await PageTimings.MeasureAsync(dataSource, cluster.ConnectionString, Path.Combine(work, "site"), publication.Result.Id, gemeente, "weerbaarheid");
    }

    Console.WriteLine();
    Console.WriteLine("| stap | tijd (s) | toelichting |");
    Console.WriteLine("|------|---------:|-------------|");
    foreach (var (step, seconds, note) in lines)
    {
        Console.WriteLine($"| {step} | {seconds:N2} | {note} |");
    }

    Console.WriteLine();
    Console.WriteLine($"ingest ÷ copy: {ingest.Seconds / copy.Seconds:N1}× de tijd (snelheid {copy.Seconds / ingest.Seconds:N2}× die van copy)");
    Console.WriteLine($"ingest ÷ copy met 2 tegelijk: {ingest.Seconds / copy2.Seconds:N1}× de tijd (snelheid {copy2.Seconds / ingest.Seconds:N2}×)");
    Console.WriteLine($"score run ÷ kale koppeling: {score.Seconds / plain:N2}× de tijd");
    Console.WriteLine($"piek RSS van dit proces (VmHWM): {PeakRssMiB():N0} MiB; PostgreSQL {cluster.MajorVersion}; {Environment.ProcessorCount} kernen");
    if (pageTimings.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine($"| pagina (publicatie {publication.Result.Id}, {score.Result.Programmas:N0} programma's) | adres | eerste (ms) | beste (ms) | mediaan (ms) | HTML (KiB) |");
        Console.WriteLine("|--------|-------|------------:|-----------:|-------------:|-----------:|");
        foreach (var t in pageTimings)
        {
            Console.WriteLine($"| {t.Page} | `{t.Path}` | {t.FirstMs:N0} | {t.BestMs:N0} | {t.MedianMs:N0} | {t.Bytes / 1024.0:N0} |");
        }
    }

    return 0;
}
finally
{
    if (cluster is not null)
    {
        await cluster.DestroyAsync();
    }

    Directory.Delete(work, recursive: true);
}

static (T Result, double Seconds) Time<T>(Func<T> action)
{
    var watch = Stopwatch.StartNew();
    var result = action();
    return (result, watch.Elapsed.TotalSeconds);
}

static async Task<(T Result, double Seconds)> TimeAsync<T>(Func<Task<T>> action)
{
    var watch = Stopwatch.StartNew();
    var result = await action();
    return (result, watch.Elapsed.TotalSeconds);
}

static async Task ExplainAsync(NpgsqlDataSource dataSource, string title, string sql)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection) { CommandTimeout = 0 };
    command.Parameters.AddWithValue("jaar", 2025);
    await using var reader = await command.ExecuteReaderAsync();
    Console.WriteLine($"-- EXPLAIN ANALYZE: {title}");
    while (await reader.ReadAsync())
    {
        Console.WriteLine(reader.GetString(0));
    }
}

static double PeakRssMiB()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}
