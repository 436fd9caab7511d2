using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Benchmark;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Storage;

// Load benchmark: generates one measurement file (Dutch Excel style: ';' and decimal comma) of N rows
// or of at least N MiB, copies it with a plain text COPY into a table of text columns (the yardstick),
// then loads it with the real DeliveryProcessor into a throwaway embedded PostgreSQL (or --connection),
// and prints the times, the ratio and the process's peak memory. With --profiel also the time of
// reading alone, of reading and validating, and of every SQL statement of the load (Npgsql's tracing).
// Usage:
//   dotnet run --project benchmarks/Ingest.Benchmark -c Release -- [--rows 1000000 | --mib 200] [--profiel] [--connection "..."]
// With --drop: the generated drop of the pipeline benchmark (six municipalities, --rows measurement rows in all),
// plain COPY of its measurement files and `ingest --drop`, every statement profiled; with the environment variable
// PM_TIJDLIJN=1 also every statement's start and end (a time line of the run).
var rows = 1_000_000L;
long? mib = null;
var profile = false;
var drop = false;
string? connection = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--mib": mib = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--profiel": profile = true; break;
        case "--drop": drop = true; break;
        case "--connection": connection = args[++i]; break;
        default: Console.Error.WriteLine($"Onbekende optie {args[i]}"); return 2;
    }
}

var work = Directory.CreateTempSubdirectory("pm-bench-").FullName;
File.SetUnixFileMode(work, (UnixFileMode)0b111_001_001);
EmbeddedPostgres? cluster = null;
try
{
    if (connection is null)
    {
        cluster = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { HomeDirectory = work, DatabaseName = "benchmark" }, NullLogger.Instance, CancellationToken.None);
        connection = cluster.ConnectionString;
    }

    await using var dataSource = NpgsqlDataSource.Create(connection);
    await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
    if (drop)
    {
        // The pipeline benchmark's drop (tools/ScaleGenerator), ingested as `ingest --drop` does, with the statements profiled.
        return await DropProfile.RunAsync(dataSource, work, rows);
    }

    var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(CancellationToken.None);

    var file = Path.Combine(work, "metingen_benchmark.csv");
    var generate = Stopwatch.StartNew();
    rows = MeasurementFile.Write(file, rows, mib is null ? null : mib * 1048576);
    var bytes = new FileInfo(file).Length;
    Console.WriteLine($"Bestand: {rows:N0} rijen, {bytes / 1048576.0:N1} MiB, gemaakt in {generate.Elapsed.TotalSeconds:N1} s");

    if (profile)
    {
        LoadProfile.ReadAndValidate(file, catalog);
    }

    var copy = await PlainCopy.RunAsync(dataSource, file);
    Console.WriteLine($"Kale COPY naar tekstkolommen: {copy:N2} s");

    var processor = new DeliveryProcessor(dataSource, catalog, new byte[32], new ParseLimits { MaxFileBytes = long.MaxValue },
        NullLogger<DeliveryProcessor>.Instance);
    var heapPeak = 0L;
    var progress = new SyncProgress(_ => heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false)));
    using var statements = profile ? new StatementTimings() : null;
    var load = Stopwatch.StartNew();
    var outcome = await processor.ProcessAsync(
        new DeliveryFile(file, "benchmark", "GM0935/metingen/metingen_benchmark.csv", "GM0935", Dataset.Metingen), progress, CancellationToken.None);
    load.Stop();
    statements?.Print(load.Elapsed.TotalSeconds);

    Console.WriteLine($"Levering {outcome.LeveringId}: {outcome.Status}, {outcome.Geaccepteerd:N0} geaccepteerd, {outcome.Geweigerd:N0} geweigerd, {outcome.Waarschuwingen} waarschuwingen");
    Console.WriteLine($"Laden: {load.Elapsed.TotalSeconds:N2} s, {rows / load.Elapsed.TotalSeconds:N0} rijen/s; " +
        $"snelheid {copy / load.Elapsed.TotalSeconds:N2}× die van de kale COPY");
    Console.WriteLine($"Geheugen: piek RSS van dit proces {PeakRssMiB():N0} MiB (VmHWM), piek beheerde heap {heapPeak / 1048576.0:N0} MiB");
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

static double PeakRssMiB()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}

internal sealed class SyncProgress(Action<DeliveryProgress> report) : IProgress<DeliveryProgress>
{
    public void Report(DeliveryProgress value) => report(value);
}
