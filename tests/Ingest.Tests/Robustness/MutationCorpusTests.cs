using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Ingest.Tests.Robustness;

/// <summary>
/// Issue 13: a seeded corpus of broken files made from the sample drop, run through the real
/// drop-folder ingest against the real database. No file may stop the run; every file is exactly one
/// delivery; a refused delivery loads no rows; a file refused as a BSN leaves no bytes in the public
/// store; a valid file after all of them is still accepted. In CI 1,000 files; the long campaign sets
/// <c>PM_MUTATIES</c> (and optionally <c>PM_MUTATIES_SEED</c>), see README.
/// </summary>
public sealed class MutationCorpusTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private static readonly byte[] Key = [.. Enumerable.Repeat((byte)0x42, 32)];

    [Fact]
    public async Task Every_broken_file_becomes_one_delivery_and_none_stops_the_run()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("PM_MUTATIES"), CultureInfo.InvariantCulture, out var n) ? n : 1000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PM_MUTATIES_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 13;
        var drop = TestCluster.CreateTempHome("pm-mutaties-");
        var corpus = new List<(string Relative, string Kind)>();
        foreach (var file in MutationCorpus.Generate(RepositoryPaths.SampleDrop, count, seed))
        {
            var path = Path.Combine(drop, file.Relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Bytes);
            corpus.Add((file.Relative, file.Kind));
        }

        Assert.True(corpus.Count >= Math.Min(count, 1000), $"only {corpus.Count} distinct files generated");

        // After every broken file (last in ordinal order): a valid file of the samples, unchanged.
        const string valid = "landelijk/interventies/zzzz-geldig.csv";
        File.Copy(Path.Combine(RepositoryPaths.SampleDrop, "landelijk", "interventies", "interventies_2025.csv"), Path.Combine(drop, valid));

        var db = await fixture.CreateMigratedDatabaseAsync();
        var service = new IngestService(db, Key, [], null, NullLoggerFactory.Instance);
        var clock = Stopwatch.StartNew();
        IngestRun? run = null;
        Exception? crash = null;
        try
        {
            run = await service.IngestDropAsync(drop, null, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            crash = e;
        }

        clock.Stop();
        await using var c = await db.OpenConnectionAsync();
        var byStatus = (await c.QueryAsync<(string Status, long Count)>("SELECT status, count(*) FROM levering GROUP BY status ORDER BY status")).ToList();
        var safetyNet = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering WHERE reden LIKE 'bestand onleesbaar: onverwachte fout%' OR reden LIKE 'bestand onleesbaar: de database%'");
        output.WriteLine($"Mutatiecorpus (seed {seed}): {corpus.Count + 1} bestanden, {(crash is null ? 0 : 1)} crashes, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"Leveringen per status: {string.Join(", ", byStatus.Select(b => $"{b.Status} {b.Count}"))}");
        output.WriteLine($"Opgevangen door het vangnet (onverwachte fout): {safetyNet}");
        foreach (var caught in await c.QueryAsync<(string Bestand, string Reden)>(
            "SELECT bestand, reden FROM levering WHERE reden LIKE 'bestand onleesbaar: onverwachte fout%' OR reden LIKE 'bestand onleesbaar: de database%' ORDER BY id"))
        {
            output.WriteLine($"  vangnet: {caught.Bestand}: {caught.Reden}");
        }

        foreach (var kind in corpus.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind.Key}: {kind.Count()}");
        }

        Assert.Null(crash);
        Assert.Empty(run!.Notes);

        // Exactly one delivery per file.
        Assert.Equal(corpus.Count + 1, run.Deliveries.Count);
        Assert.Equal(corpus.Count + 1, run.Deliveries.Select(d => d.LeveringId).Distinct().Count());
        Assert.Equal(corpus.Count + 1, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering"));

        // No rows of a refused delivery anywhere.
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("""
            SELECT (SELECT count(*) FROM programma p JOIN levering l ON l.id = p.levering_id WHERE l.status = 'geweigerd')
                 + (SELECT count(*) FROM meting m JOIN levering l ON l.id = m.levering_id WHERE l.status = 'geweigerd')
                 + (SELECT count(*) FROM bevolking b JOIN levering l ON l.id = b.levering_id WHERE l.status = 'geweigerd')
                 + (SELECT count(*) FROM interventie i JOIN levering l ON l.id = i.levering_id WHERE l.status = 'geweigerd')
            """));

        // Privacy: a refusal before a complete read keeps its bytes only in the quarantine; so does a BSN.
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM levering l JOIN payload p ON p.sha256 = l.sha256
            WHERE l.status = 'geweigerd' AND (l.rijen IS NULL OR l.reden LIKE '%BSN%' OR l.reden LIKE 'verboden kolom%')
            """));

        // Nothing got through on the safety net: every broken file was refused or loaded by the rules.
        Assert.Equal(0, safetyNet);

        var last = run.Deliveries[^1];
        Assert.Equal(valid, last.Bestand);
        Assert.Contains(last.Status, new[] { LeveringStatus.Geaccepteerd, LeveringStatus.DeelsGeaccepteerd });
        Assert.True(last.Geaccepteerd > 0);
    }
}
