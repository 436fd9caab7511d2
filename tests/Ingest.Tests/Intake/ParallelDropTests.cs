using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Tests.Loading;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Intake;

/// <summary>
/// A drop run that processes deliveries of different municipalities at the same time leaves exactly what a run one
/// after the other leaves: the same ids, statuses, rows, rejected rows, warnings, supersessions and kept bytes. On the
/// sample drop and on generated drops with later deliveries (T2 only, corrections with invalid rows) in every
/// municipality and one header-only file with the same bytes in all six folders.
/// </summary>
public sealed class ParallelDropTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] Extra =
    [
        "SELECT (p.*)::text FROM programma p ORDER BY levering_id, rij",
        "SELECT (b.*)::text FROM bevolking b ORDER BY levering_id, rij",
        "SELECT (g.*)::text FROM meting_groep g ORDER BY 1",
        "SELECT (id, status, rijen, geaccepteerd, geweigerd, waarschuwingen)::text FROM levering ORDER BY id",
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Two_or_four_at_a_time_leave_the_same_database_as_one_after_the_other(int seed)
    {
        var drop = seed == 0 ? RepositoryPaths.SampleDrop : GeneratedDrop(seed);

        var (serialRun, serial) = await IngestAsync(drop, parallel: 1);
        foreach (var parallel in new[] { 2, 4 })
        {
            var (run, dump) = await IngestAsync(drop, parallel);

            Assert.Equal(serialRun.Deliveries, run.Deliveries);
            Assert.Equal(serialRun.Notes, run.Notes);
            for (var i = 0; i < serial.Count; i++)
            {
                Assert.Equal(serial[i], dump[i]);
            }
        }

        Assert.Contains(serial[^1], row => row.Contains(",vervangen,", StringComparison.Ordinal));

        // Ids 1, 2, 3, … in path order, without gaps: a file with the bytes of an earlier one reserved none.
        var newOnes = serialRun.Deliveries.Where(d => !d.AlreadyProcessed).ToList();
        Assert.Equal(Enumerable.Range(1, newOnes.Count).Select(i => (long)i), newOnes.Select(d => d.LeveringId));
        Assert.Contains(serialRun.Deliveries, d => d.Status is "deels_geaccepteerd");
        Assert.Contains(serialRun.Deliveries, d => d.Status is "geweigerd");
        if (seed > 0)
        {
            // The header-only file: new in the first folder, and also in the other five (the source differs per municipality).
            Assert.Equal(6, serialRun.Deliveries.Count(d => d.Bestand.EndsWith("x3_leeg.csv", StringComparison.Ordinal) && !d.AlreadyProcessed));
            Assert.Equal(6, serialRun.Deliveries.Count(d => d.Bestand.EndsWith("x1_t2.csv", StringComparison.Ordinal) && d.Geaccepteerd > 0));
            Assert.Equal(6, serialRun.Deliveries.Count(d => d.Bestand.EndsWith("x1_t2_kopie.csv", StringComparison.Ordinal) && d.AlreadyProcessed));
        }
    }

    private async Task<(IngestRun Run, List<List<string>> Dump)> IngestAsync(string drop, int parallel)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        var service = new IngestService(db, LoadingHarness.Key, [], null, NullLoggerFactory.Instance) { ParallelDeliveries = parallel };
        var run = await service.IngestDropAsync(drop, null, null, CancellationToken.None);
        var dump = await DeliverySequence.DumpAsync(db);
        await using var c = await db.OpenConnectionAsync();
        foreach (var sql in Extra)
        {
            dump.Add([.. await Dapper.SqlMapper.QueryAsync<string>(c, sql)]);
        }

        return (run, dump);
    }

    /// <summary>The sample drop plus, per municipality, a T2-only delivery (and a copy of it), a correction with invalid rows and an empty file.</summary>
    private static string GeneratedDrop(int seed)
    {
        var random = new Random(seed);
        var root = TestCluster.CreateTempHome("pm-drop-");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleDrop, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.SampleDrop, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "metingen", SearchOption.AllDirectories))
        {
            var source = Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).First();
            var lines = File.ReadAllLines(source, Encoding.UTF8);
            var separator = new[] { '\t', ';', ',' }.First(c => lines[0].Contains(c, StringComparison.Ordinal));
            var rows = lines.Skip(1).Select(l => l.Split(separator)).Where(r => r.Length == 9).ToList();
            var later = rows.Where((_, i) => i == 0 || random.NextDouble() < 0.4)
                .Select(r => Row(separator, r, moment: "T2", datum: "2026-03-02", score: r[8]));
            var correction = rows.Where(_ => random.NextDouble() < 0.7)
                .Select(r => random.NextDouble() < 0.05
                    ? Row(separator, r, r[4], r[5], "onleesbaar")
                    : Row(separator, r, r[4], r[5], random.Next(0, 60).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            File.WriteAllLines(Path.Combine(folder, "metingen_2025_x1_t2.csv"), [lines[0], .. later]);
            File.WriteAllLines(Path.Combine(folder, "metingen_2025_x2_correctie.csv"), [lines[0], .. correction]);
            // The same bytes again under a later name in the same run: "al verwerkt", and no id of its own.
            File.Copy(Path.Combine(folder, "metingen_2025_x1_t2.csv"), Path.Combine(folder, "metingen_2025_x1_t2_kopie.csv"));
            File.WriteAllText(Path.Combine(folder, "metingen_2025_x3_leeg.csv"), "programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\n");
        }

        return root;
    }

    private static string Row(char separator, string[] r, string moment, string datum, string score) =>
        string.Join(separator, r[0], r[1], r[2], r[3], moment, datum, r[6], r[7], score);
}
