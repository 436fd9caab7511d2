using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.ScaleGenerator.Tests;

/// <summary>A small scale drop: deterministic, the requested size and shape, and accepted in full by the real ingest.</summary>
public sealed class ScaleDropTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly ScaleDropOptions Small = new() { Rijen = 5_003, Programmas = 9 };

    private readonly string _temp = TestCluster.CreateTempHome("pm-scale-test-");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Folder(string name) => Path.Combine(_temp, name);

    private static SortedDictionary<string, string> Hashes(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    [Fact]
    public void The_same_options_give_the_same_bytes_and_another_seed_other_scores()
    {
        ScaleDrop.Write(Folder("a"), Small);
        ScaleDrop.Write(Folder("b"), Small);
        ScaleDrop.Write(Folder("c"), Small with { Seed = 7 });

        Assert.Equal(Hashes(Folder("a")), Hashes(Folder("b")));
        Assert.NotEqual(Hashes(Folder("a"))["GM0935/metingen/metingen_2025.csv".Replace('/', Path.DirectorySeparatorChar)],
            Hashes(Folder("c"))["GM0935/metingen/metingen_2025.csv".Replace('/', Path.DirectorySeparatorChar)]);
    }

    [Fact]
    public void Rows_programmes_and_formats_are_as_asked()
    {
        var result = ScaleDrop.Write(Folder("a"), Small with { Gemeenten = 4 });

        Assert.Equal(Small.Rijen, result.MetingRijen);
        var metingen = result.Files.Where(f => f.Dataset == "metingen").ToList();
        Assert.Equal(4, metingen.Count);
        Assert.Equal(2, metingen.Count(f => f.Delimiter == ';'));
        foreach (var file in result.Files)
        {
            var lines = File.ReadAllLines(Path.Combine(Folder("a"), file.Bestand));
            Assert.Equal(file.Rijen + 1, lines.Length);
            Assert.All(lines, l => Assert.Equal(lines[0].Count(c => c == file.Delimiter), l.Count(c => c == file.Delimiter)));
        }

        Assert.All(result.Files.Where(f => f.Dataset == "programmas"), f => Assert.Equal(Small.Programmas, f.Rijen));
        foreach (var file in metingen)
        {
            var scores = File.ReadLines(Path.Combine(Folder("a"), file.Bestand)).Skip(1).Select(l => l.Split(file.Delimiter)[8]).ToList();
            var moments = File.ReadLines(Path.Combine(Folder("a"), file.Bestand)).Skip(1).Select(l => l.Split(file.Delimiter)[4]).ToHashSet();
            Assert.Equal(["T0", "T1", "T2"], moments.Order());
            Assert.Contains(scores, s => s.Contains(file.Delimiter == ';' ? ',' : '.', StringComparison.Ordinal));
            Assert.DoesNotContain(scores, s => s.Contains(file.Delimiter == ';' ? '.' : ',', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void With_klein_a_share_of_programmes_has_fewer_than_ten_participants_and_the_rows_stay_as_asked()
    {
        var options = new ScaleDropOptions { Rijen = 60_000, Programmas = 200, Gemeenten = 2, Klein = 0.3 };

        var result = ScaleDrop.Write(Folder("k"), options);
        ScaleDrop.Write(Folder("k2"), options);

        Assert.Equal(Hashes(Folder("k")), Hashes(Folder("k2")));
        Assert.Equal(options.Rijen, result.MetingRijen);
        foreach (var file in result.Files.Where(f => f.Dataset == "programmas"))
        {
            var lines = File.ReadAllLines(Path.Combine(Folder("k"), file.Bestand));
            var deelnemers = lines.Skip(1).Select(l => int.Parse(l.Split(file.Delimiter)[12], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var small = deelnemers.Count(d => d < 10);
            Assert.InRange(small, 40, 80);
            Assert.All(deelnemers.Where(d => d < 10), d => Assert.InRange(d, 1, 9));
            Assert.True(deelnemers[0] >= 10, "the first programme of a municipality is never small");
        }
    }

    [Fact]
    public async Task The_ingest_accepts_every_row_without_warnings()
    {
        var result = ScaleDrop.Write(Folder("a"), Small with { Klein = 0.4 });
        var db = await fixture.CreateMigratedDatabaseAsync();

        var run = await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance)
            .IngestDropAsync(Folder("a"), null, null, CancellationToken.None);

        Assert.Equal(result.Files.Count, run.Deliveries.Count);
        Assert.All(run.Deliveries, d => Assert.Equal("geaccepteerd", d.Status));
        Assert.Equal(result.Files.Sum(f => f.Rijen), run.Deliveries.Sum(d => (long)d.Geaccepteerd));
        await using var c = await db.OpenConnectionAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering_waarschuwing"));
        Assert.Equal(Small.Rijen, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM actuele_meting"));
    }
}
