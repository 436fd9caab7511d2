using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.Deliveries;

// Load benchmark: generates a measurement file of N rows (Dutch Excel style: ';' and decimal comma),
// loads it with the real DeliveryProcessor into a throwaway embedded PostgreSQL (or --connection),
// and prints time, throughput and the process's peak memory. Usage:
//   dotnet run --project benchmarks/Ingest.Benchmark -c Release -- [--rows 1000000] [--connection "..."]
var rows = 1_000_000;
string? connection = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
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
    var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(CancellationToken.None);

    var file = Path.Combine(work, "metingen_benchmark.csv");
    var generate = Stopwatch.StartNew();
    WriteMeasurements(file, rows);
    Console.WriteLine($"Bestand: {rows:N0} rijen, {new FileInfo(file).Length / 1048576.0:N1} MiB, gemaakt in {generate.Elapsed.TotalSeconds:N1} s");

    var processor = new DeliveryProcessor(dataSource, catalog, new byte[32], new ParseLimits { MaxFileBytes = long.MaxValue },
        NullLogger<DeliveryProcessor>.Instance);
    var heapPeak = 0L;
    var progress = new SyncProgress(_ => heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false)));
    var load = Stopwatch.StartNew();
    var outcome = await processor.ProcessAsync(
        new DeliveryFile(file, "benchmark", "GM0935/metingen/metingen_benchmark.csv", "GM0935", Dataset.Metingen), progress, CancellationToken.None);
    load.Stop();

    Console.WriteLine($"Levering {outcome.LeveringId}: {outcome.Status}, {outcome.Geaccepteerd:N0} geaccepteerd, {outcome.Geweigerd:N0} geweigerd");
    Console.WriteLine($"Laden: {load.Elapsed.TotalSeconds:N1} s, {rows / load.Elapsed.TotalSeconds:N0} rijen/s");
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

static void WriteMeasurements(string path, int rows)
{
    // 200 programmes, participants with T0 and T1 on one instrument each; scores with a decimal comma.
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    writer.Write("programma_id;gemeente;jaar;deelnemer;moment;datum;leeftijd;instrument;score\n");
    var random = new Random(42);
    for (var i = 0; i < rows; i++)
    {
        var participant = i / 2;
        var moment = i % 2 == 0 ? "T0" : "T1";
        var score = (random.Next(10, 50) / 10.0).ToString("0.0", CultureInfo.GetCultureInfo("nl-NL"));
        writer.Write($"P{participant % 200:000};GM0935;2025;D{participant:0000000};{moment};{(i % 2 == 0 ? "01-03-2025" : "2025-09-01")};{participant % 24};ZRM_GEMIDDELD;{score}\n");
    }
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
