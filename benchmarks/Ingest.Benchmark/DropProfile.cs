using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.ScaleGenerator;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Ingest.Benchmark;

/// <summary>The pipeline benchmark's ingest step alone, with a profile of its SQL statements.</summary>
internal static class DropProfile
{
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, string work, long rows)
    {
        var root = Path.Combine(work, "drop");
        var generated = ScaleDrop.Write(root, new ScaleDropOptions { Rijen = rows });
        var metingen = generated.Files.Where(f => f.Dataset == "metingen").ToList();
        int postmaster;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var backend = connection.ProcessID;
            postmaster = int.Parse(File.ReadAllText($"/proc/{backend}/stat").Split(')')[^1].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        }

        var (copyClient0, copyServer0) = (CpuTime.Client(), CpuTime.Server(postmaster));
        double copy = 0;
        foreach (var file in metingen)
        {
            copy += await PlainCopy.RunAsync(dataSource, Path.Combine(root, file.Bestand), file.Delimiter);
        }

        Console.WriteLine($"CPU van de kale COPY: client {CpuTime.Client() - copyClient0:N2} s, PostgreSQL {CpuTime.Server(postmaster) - copyServer0:N2} s");
        var first = metingen[0];
        Console.WriteLine($"Eerste metingbestand {first.Bestand}: {first.Rijen:N0} rijen, {new FileInfo(Path.Combine(root, first.Bestand)).Length / 1048576.0:N1} MiB");
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(CancellationToken.None);
        LoadProfile.ReadAndValidate(Path.Combine(root, first.Bestand), catalog, first.Bestand[..6]);
        Console.WriteLine("Nog eens (na de JIT):");
        LoadProfile.ReadAndValidate(Path.Combine(root, first.Bestand), catalog, first.Bestand[..6]);
        Console.WriteLine($"Kale COPY van {metingen.Count} metingbestanden ({generated.MetingRijen:N0} rijen): {copy:N2} s");
        var (client0, server0) = (CpuTime.Client(), CpuTime.Server(postmaster));
        var threads0 = CpuTime.Threads();
        var (gcPause0, gen0, allocated0) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.GetTotalAllocatedBytes());
        using var statements = new StatementTimings();
        var watch = Stopwatch.StartNew();
        var run = await new IngestService(dataSource, new byte[32], [], null, NullLoggerFactory.Instance)
            .IngestDropAsync(root, null, null, CancellationToken.None);
        watch.Stop();
        statements.Print(watch.Elapsed.TotalSeconds);
        CpuTime.PrintThreads(threads0);
        Console.WriteLine($"GC tijdens de ingest: {GC.CollectionCount(0) - gen0} keer, pauzes {(GC.GetTotalPauseDuration() - gcPause0).TotalSeconds:N2} s, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated0) / 1048576.0:N0} MiB gealloceerd");
        Console.WriteLine($"CPU van de ingest: client {CpuTime.Client() - client0:N2} s, PostgreSQL {CpuTime.Server(postmaster) - server0:N2} s");
        Console.WriteLine($"ingest --drop: {watch.Elapsed.TotalSeconds:N2} s, {run.Deliveries.Count} leveringen; snelheid {copy / watch.Elapsed.TotalSeconds:N2}× die van de kale COPY");
        return 0;
    }
}
