using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>Publishing the sample drop end to end on the real database.</summary>
public sealed class PublicationServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _out = TestCluster.CreateTempHome("pm-publish-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static readonly string[] ExpectedFiles =
    [
        "programmas.csv", "effecten.csv", "scores_programma_thema.csv", "scores_gemeente_thema.csv", "witte_vlekken.csv",
        "datakwaliteit.csv", "interventie_matches.csv", "suggesties.csv", "tussenrapportage.xlsx", "datapackage.json",
    ];

    private async Task<(NpgsqlDataSource Db, long RunId)> ScoredSampleAsync()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        return (db, run.Id);
    }

    private static PublicationService Service(NpgsqlDataSource db) => new(db, NullLogger<PublicationService>.Instance);

    private static string[] Lines(string folder, string file) => File.ReadAllText(Path.Combine(folder, file)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Publishes_every_file_to_the_folder_and_the_database_byte_for_byte()
    {
        var (db, runId) = await ScoredSampleAsync();
        var result = await Service(db).PublishAsync(runId, "proef-1", _out, "test", CancellationToken.None);

        Assert.Equal(Path.Combine(_out, "proef-1"), result.Folder);
        Assert.Equal(ExpectedFiles.Order(), Directory.GetFiles(result.Folder).Select(Path.GetFileName).Order());
        await using var c = await db.OpenConnectionAsync();
        Assert.Equal(("concept", 2025, runId), await c.QuerySingleAsync<(string, int, long)>(
            "SELECT status, jaar, score_run_id FROM publicatie WHERE id = @Id", new { result.Id }));
        foreach (var (name, size, sha, content) in await c.QueryAsync<(string, long, string, byte[])>(
                     "SELECT naam, grootte, sha256, inhoud FROM publicatie_bestand WHERE publicatie_id = @Id", new { result.Id }))
        {
            var onDisk = await File.ReadAllBytesAsync(Path.Combine(result.Folder, name));
            Assert.Equal(onDisk, content);
            Assert.Equal(onDisk.Length, size);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(onDisk)).ToLowerInvariant(), sha);
        }

        Assert.Equal(36, Lines(result.Folder, "scores_gemeente_thema.csv").Length);   // header + 35
        Assert.Equal(141, Lines(result.Folder, "witte_vlekken.csv").Length);          // header + 140
        // The sample drop has a national list: matched programmes and suggestions for gaps are published.
        var matches = Lines(result.Folder, "interventie_matches.csv");
        Assert.Equal("gemeente,jaar,programma_id,interventie_id,interventie_naam,databank,match,erkenning_lokaal,erkenning_landelijk,afwijking", matches[0]);
        Assert.Contains("GM0935,2025,MST-2025-001,NJI-001,Triple P,nji,naam_bevat,effectief_goede,effectief_eerste,true", matches);
        // "Samen Starten en Home-Start, huisbezoeken" contains two 2-word names: the lowest id wins.
        Assert.Contains(matches, l => l.StartsWith("GM0994,2025,VAL-2025-07,NJI-006,Samen Starten,nji,naam_bevat,", StringComparison.Ordinal));
        var suggestions = Lines(result.Folder, "suggesties.csv");
        Assert.Equal("gemeente,jaar,thema,leeftijdsgroep,status,interventie_id,interventie_naam,databank,erkenning,url", suggestions[0]);
        Assert.True(suggestions.Length > 1);
        var regio = Lines(result.Folder, "scores_gemeente_thema.csv").Skip(31).ToArray();
        Assert.All(regio, l => Assert.StartsWith("REGIO,Maastricht-Heuvelland,2025,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Small_numbers_are_suppressed_in_the_published_CSVs()
    {
        var (db, runId) = await ScoredSampleAsync();
        var folder = (await Service(db).PublishAsync(runId, "proef-2", _out, "test", CancellationToken.None)).Folder;

        // MST-2025-014 has 7 participants: deelnemers emptied, onderdrukt true.
        var row = Assert.Single(Lines(folder, "programmas.csv"), l => l.Contains(",MST-2025-014,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(string.Empty, row[13]);
        Assert.Equal("true", row[^1]);
        // A programme with 40+ participants keeps its count.
        Assert.Contains(Lines(folder, "programmas.csv").Skip(1), l => l.EndsWith(",false", StringComparison.Ordinal));
        // Effects on 1–9 pairs are emptied (GW-3 has 7 pairs): paren and statistics empty, the reason stays.
        var effect = Lines(folder, "effecten.csv").First(l => l.Contains(",GW-3,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(string.Empty, effect[5]);
        Assert.Equal("te_weinig_paren", effect[13]);
        Assert.Equal("true", effect[14]);
    }

    [Fact]
    public async Task Datakwaliteit_lists_used_refused_and_replaced_deliveries()
    {
        var (db, runId) = await ScoredSampleAsync();
        var folder = (await Service(db).PublishAsync(runId, "proef-3", _out, "test", CancellationToken.None)).Folder;
        var lines = Lines(folder, "datakwaliteit.csv");
        Assert.Equal("levering_id,bron,gemeente,dataset,jaar,bestand,sha256,ontvangen_op,status,rijen,geaccepteerd,geweigerd,waarschuwingen", lines[0]);
        Assert.Equal(20, lines.Length); // 19 deliveries
        // Eijsden-Margraten's later T2-only file replaces only the T2 rows: the earlier file stays in use (aanleverformaat §6).
        Assert.Contains(lines, l => l.Contains(",GM1903/metingen/metingen_2025_t2.csv,", StringComparison.Ordinal) && l.Contains(",geaccepteerd,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",GM1903/metingen/metingen_2025.csv,", StringComparison.Ordinal) && l.Contains(",deels_geaccepteerd,", StringComparison.Ordinal));
        var list = lines.Single(l => l.Contains("landelijk/interventies/interventies_2025.csv", StringComparison.Ordinal)).Split(',');
        Assert.Equal((string.Empty, "interventies", string.Empty), (list[2], list[3], list[4]));
        Assert.Contains(lines, l => l.Contains(",GM0938/metingen/metingen_2025-03.csv,", StringComparison.Ordinal) && l.Contains(",vervangen,", StringComparison.Ordinal));
        var refused = lines.Single(l => l.Contains("metingen_2025_correctie.csv", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("geweigerd", "5", "0", "5"), (refused[8], refused[9], refused[10], refused[11]));
        var population = lines.Single(l => l.Contains("bevolking_2025.csv", StringComparison.Ordinal)).Split(',');
        Assert.Equal((string.Empty, "bevolking", string.Empty), (population[2], population[3], population[4]));
        var ids = lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task A_new_run_on_the_same_data_publishes_byte_identical_CSVs_under_a_new_label()
    {
        var (db, runId) = await ScoredSampleAsync();
        var first = await Service(db).PublishAsync(runId, "eerste", _out, "test", CancellationToken.None);
        var rerun = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var second = await Service(db).PublishAsync(rerun.Id, "tweede", _out, "test", CancellationToken.None);

        foreach (var csv in ExpectedFiles.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first.Folder, csv)), await File.ReadAllBytesAsync(Path.Combine(second.Folder, csv)));
        }
    }

    [Fact]
    public async Task The_data_package_describes_every_CSV_with_matching_hashes()
    {
        var (db, runId) = await ScoredSampleAsync();
        var folder = (await Service(db).PublishAsync(runId, "proef-4", _out, "test", CancellationToken.None)).Folder;
        using var package = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "datapackage.json")));
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(8, resources.Count);
        foreach (var resource in resources)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, resource.GetProperty("path").GetString()!));
            Assert.Equal(bytes.Length, resource.GetProperty("bytes").GetInt64());
            Assert.Equal("sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), resource.GetProperty("hash").GetString());
            var header = Encoding.UTF8.GetString(bytes).Split('\n')[0];
            Assert.Equal(header.Split(','), resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        }

        Assert.Equal(runId, package.RootElement.GetProperty("preventiemonitor").GetProperty("score_run_id").GetInt64());
        Assert.Equal("v1", package.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_publication_is_never_overwritten_or_changed()
    {
        var (db, runId) = await ScoredSampleAsync();
        var service = Service(db);
        var result = await service.PublishAsync(runId, "vast", _out, "test", CancellationToken.None);

        // The same run under the same label again (the same command after a crash): nothing new, the folder is checked.
        var again = await service.PublishAsync(runId, "vast", _out, "test", CancellationToken.None);
        Assert.Equal((result.Id, true, false), (again.Id, again.AlreadyPublished, again.FolderWritten));
        // A missing folder is written again from the database, byte for byte.
        var csv = await File.ReadAllBytesAsync(Path.Combine(result.Folder, "effecten.csv"));
        Directory.Delete(result.Folder, recursive: true);
        var rewritten = await service.PublishAsync(runId, "vast", _out, "test", CancellationToken.None);
        Assert.Equal((result.Id, true, true), (rewritten.Id, rewritten.AlreadyPublished, rewritten.FolderWritten));
        Assert.Equal(csv, await File.ReadAllBytesAsync(Path.Combine(result.Folder, "effecten.csv")));
        // Another run never takes an existing label.
        var other = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var label = await Assert.ThrowsAsync<PublicationException>(() => service.PublishAsync(other.Id, "vast", _out, "test", CancellationToken.None));
        Assert.Contains("al een publicatie met label 'vast'", label.Message);
        // A folder of that name that the database does not know is never overwritten.
        Directory.CreateDirectory(Path.Combine(_out, "vreemd"));
        var folder = await Assert.ThrowsAsync<PublicationException>(() => service.PublishAsync(runId, "vreemd", _out, "test", CancellationToken.None));
        Assert.Contains("bestaat al", folder.Message);

        await using var c = await db.OpenConnectionAsync();
        var changed = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("UPDATE publicatie_bestand SET grootte = 0 WHERE publicatie_id = @Id", new { result.Id }));
        Assert.Contains("onveranderlijk", changed.MessageText);
        var relabel = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("UPDATE publicatie SET label = 'ander' WHERE id = @Id", new { result.Id }));
        Assert.Contains("onveranderlijk", relabel.MessageText);

        // Status moves forward only through a recorded step (0012_vrijgave.sql); released is final.
        const string Step = "INSERT INTO publicatie_statuswijziging (publicatie_id, van, naar, door) VALUES (@Id, @van, @naar, @door)";
        await c.ExecuteAsync(Step, new { result.Id, van = "concept", naar = "in_review", door = "a" });
        await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("UPDATE publicatie SET status = 'concept' WHERE id = @Id", new { result.Id }));
        await c.ExecuteAsync(Step, new { result.Id, van = "in_review", naar = "vrijgegeven", door = "b" });
        var final = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(Step, new { result.Id, van = "vrijgegeven", naar = "in_review", door = "a" }));
        Assert.Contains("definitief", final.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("DELETE FROM publicatie WHERE id = @Id", new { result.Id }));
    }

    [Fact]
    public async Task A_crash_between_the_commit_and_the_rename_is_finished_from_the_database_at_the_next_publish()
    {
        var (db, runId) = await ScoredSampleAsync();
        var service = Service(db);
        var result = await service.PublishAsync(runId, "na-crash", _out, "test", CancellationToken.None);
        var stored = Directory.GetFiles(result.Folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        // The state a SIGKILL right after the commit leaves: the files only in the temporary folder, one of them cut short;
        // plus the temporary folder of a publication that never committed.
        var temp = Path.Combine(_out, $".pm-publicatie-na-crash.{Guid.NewGuid():N}");
        Directory.Move(result.Folder, temp);
        await File.WriteAllBytesAsync(Path.Combine(temp, "programmas.csv"), [1, 2, 3]);
        var uncommitted = Path.Combine(_out, $".pm-publicatie-nooit.{Guid.NewGuid():N}");
        Directory.CreateDirectory(uncommitted);
        await File.WriteAllTextAsync(Path.Combine(uncommitted, "programmas.csv"), "half");

        var again = await service.PublishAsync(runId, "na-crash", _out, "test", CancellationToken.None);

        Assert.Equal((result.Id, true), (again.Id, again.AlreadyPublished));
        Assert.Equal(stored.Keys.Order(), Directory.GetFiles(result.Folder).Select(Path.GetFileName).Order());
        foreach (var (name, bytes) in stored)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(result.Folder, name)));
        }

        Assert.Equal(["na-crash"], Directory.EnumerateFileSystemEntries(_out).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_changed_file_in_the_folder_is_written_again_and_export_writes_a_stored_publication_anywhere()
    {
        var (db, runId) = await ScoredSampleAsync();
        var service = Service(db);
        var result = await service.PublishAsync(runId, "export", _out, "test", CancellationToken.None);
        var original = await File.ReadAllBytesAsync(Path.Combine(result.Folder, "witte_vlekken.csv"));
        await File.AppendAllTextAsync(Path.Combine(result.Folder, "witte_vlekken.csv"), "GM0000,bewerkt\n");

        var repaired = await service.ExportAsync(result.Id, _out, CancellationToken.None);
        Assert.True(repaired.FolderWritten);
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(result.Folder, "witte_vlekken.csv")));
        Assert.False((await service.ExportAsync(result.Id, _out, CancellationToken.None)).FolderWritten);

        var elsewhere = Path.Combine(_out, "elders");
        var exported = await service.ExportAsync(result.Id, elsewhere, CancellationToken.None);
        Assert.Equal(Path.Combine(elsewhere, "export"), exported.Folder);
        foreach (var file in Directory.GetFiles(result.Folder))
        {
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(exported.Folder, Path.GetFileName(file))));
        }

        var missing = await Assert.ThrowsAsync<PublicationException>(() => service.ExportAsync(result.Id + 1000, elsewhere, CancellationToken.None));
        Assert.Contains("bestaat niet", missing.Message);
    }
}
