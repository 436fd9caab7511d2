using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// National best practices end to end (methode-v1 §5a, publicatie §2): a small national list on top of
/// the sample drop, matched and turned into suggestions by a score run, then published.
/// </summary>
public sealed class BestPracticePublicationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string ListFile = "landelijk/interventies/interventies_2025.csv";

    private readonly string _out = TestCluster.CreateTempHome("pm-bestpractice-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static ScoreRunService Scoring(NpgsqlDataSource db) => new(db, NullLogger<ScoreRunService>.Instance);

    private static PublicationService Publishing(NpgsqlDataSource db) => new(db, NullLogger<PublicationService>.Instance);

    private static string[] Lines(string folder, string file) => File.ReadAllText(Path.Combine(folder, file)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The sample drop plus a national list of five interventions (inserted directly; the ingest of the list is tested elsewhere).</summary>
    private async Task<(NpgsqlDataSource Db, long ListDelivery)> SampleWithListAsync()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance)
            .IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        await using var c = await db.OpenConnectionAsync();
        var levering = await c.ExecuteScalarAsync<long>("""
            INSERT INTO levering (bron, gemeente, dataset, bestand, sha256, grootte, status, rijen, geaccepteerd)
            VALUES ('test', NULL, 'interventies', @ListFile, repeat('ab', 32), 512, 'geaccepteerd', 5, 5) RETURNING id
            """, new { ListFile });
        await c.ExecuteAsync("""
            INSERT INTO interventie (levering_id, rij, interventie_id, naam, databank, erkenning, doelgroep, leeftijd_van, leeftijd_tot,
                                     thema_primair, themas_secundair, url, peildatum)
            VALUES (@levering, 2, 'NJI-TP', 'Triple P', 'nji', 'effectief_goede', 'ouders', 0, 16, 'opvoedvaardigheden', '{}', 'https://example.org/tp', '2025-06-01'),
                   (@levering, 3, 'NJI-KT', 'Kanjertraining', 'nji', 'effectief_eerste', 'jeugdigen', 4, 12, 'sociale_aansluiting', '{weerbaarheid}', NULL, '2025-06-01'),
                   (@levering, 4, 'NJI-OZ', 'Opvoeden & Zo', 'nji', 'goed_onderbouwd', 'ouders', 2, 12, 'opvoedvaardigheden', '{}', NULL, '2025-06-01'),
                   (@levering, 5, 'NJI-RW', 'Rots en Water', 'nji', 'effectief_goede', 'jeugdigen', 8, 18, 'weerbaarheid', '{sociale_aansluiting,veiligheid}', NULL, '2025-06-01'),
                   (@levering, 6, 'MOV-VT', 'Veilig Thuis Plus', 'movisie', 'effectief_sterke', 'beide', 12, 23, 'veiligheid', '{zelfstandigheid}', 'https://example.org/vt, plus', '2025-06-01')
            """, new { levering });
        await c.ExecuteAsync("""
            INSERT INTO actuele_interventielijst (id, levering_id) VALUES (1, @levering)
            ON CONFLICT (id) DO UPDATE SET levering_id = excluded.levering_id
            """, new { levering });
        return (db, levering);
    }

    [Fact]
    public async Task A_score_run_stores_matches_and_suggestions_and_lists_the_national_list_as_used()
    {
        var (db, levering) = await SampleWithListAsync();
        var run = await Scoring(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);

        await using var c = await db.OpenConnectionAsync();
        Assert.True(await c.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM score_run_levering WHERE score_run_id = @Id AND levering_id = @levering)", new { run.Id, levering }));

        var matches = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string InterventieId, string Match, string Lokaal, string Landelijk, bool Afwijking)>("""
            SELECT gemeente, programma_id, interventie_id, match, erkenning_lokaal, erkenning_landelijk, afwijking
            FROM score_interventie_match WHERE score_run_id = @Id
            """, new { run.Id })).ToList();
        Assert.Contains(("GM0981", "V001", "NJI-OZ", BestPractices.Exact, "goed_onderbouwd", "goed_onderbouwd", false), matches);
        Assert.Contains(("GM0981", "V003", "NJI-KT", BestPractices.Exact, "effectief_eerste", "effectief_eerste", false), matches);
        Assert.Contains(("GM1729", "GW-1", "NJI-OZ", BestPractices.NaamBevat, "goed_onderbouwd", "goed_onderbouwd", false), matches);
        Assert.Contains(("GM1729", "GW-2", "NJI-KT", BestPractices.NaamBevat, "effectief_eerste", "effectief_eerste", false), matches);
        Assert.Contains(("GM1903", "EM01", "NJI-TP", BestPractices.NaamBevat, "effectief_goede", "effectief_goede", false), matches);
        Assert.Contains(("GM1903", "EM03", "NJI-RW", BestPractices.Exact, "effectief_eerste", "effectief_goede", true), matches);
        Assert.DoesNotContain(matches, m => m.InterventieId == "MOV-VT");
        Assert.All(matches, m => Assert.Equal(m.Lokaal != m.Landelijk, m.Afwijking));

        // Suggestions: only for the two gap statuses (and with the gap's status), only recognised interventions,
        // never one matched in that municipality, and for the region never one matched anywhere.
        var suggestions = (await c.QueryAsync<(string Gemeente, string Thema, string Band, string Status, string GapStatus, string InterventieId)>("""
            SELECT s.gemeente, s.thema, s.leeftijdsgroep, s.status, w.status, s.interventie_id
            FROM score_suggestie s
            JOIN score_witte_vlek w ON w.score_run_id = s.score_run_id AND w.gemeente = s.gemeente AND w.thema = s.thema
                                   AND w.leeftijdsgroep = s.leeftijdsgroep
            WHERE s.score_run_id = @Id
            """, new { run.Id })).ToList();
        Assert.Equal(await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_suggestie WHERE score_run_id = @Id", new { run.Id }), suggestions.Count);
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Contains(s.Status, new[] { ScoringMethodV1.GeenAanbod, ScoringMethodV1.GeenBewezenEffectiefAanbod }));
        Assert.All(suggestions, s => Assert.Equal(s.GapStatus, s.Status));
        Assert.DoesNotContain(suggestions, s => s.InterventieId == "NJI-OZ"); // goed_onderbouwd is below effectief_eerste
        Assert.DoesNotContain(suggestions, s => matches.Any(m => m.InterventieId == s.InterventieId && (m.Gemeente == s.Gemeente || s.Gemeente == "REGIO")));
        Assert.Contains(suggestions, s => s.InterventieId == "MOV-VT" && s.Thema == "zelfstandigheid"); // via its secondary theme
        Assert.DoesNotContain(suggestions, s => s.InterventieId == "MOV-VT" && s.Band is "0-3" or "4-11");

        // Every qualifying gap × intervention is there: recompute the rule in SQL.
        var expected = await c.ExecuteScalarAsync<int>("""
            SELECT count(*)
            FROM score_witte_vlek w
            JOIN leeftijdsgroep l ON l.code = w.leeftijdsgroep
            JOIN actuele_interventie i ON (i.thema_primair = w.thema OR w.thema = ANY (i.themas_secundair))
                                      AND i.leeftijd_van <= l.tot AND i.leeftijd_tot >= l.van
            JOIN erkenning e ON e.code = i.erkenning
            WHERE w.score_run_id = @Id AND w.status IN ('geen_aanbod', 'geen_bewezen_effectief_aanbod')
              AND e.rang >= (SELECT rang FROM erkenning WHERE code = 'effectief_eerste')
              AND NOT EXISTS (SELECT 1 FROM score_interventie_match m
                              WHERE m.score_run_id = w.score_run_id AND m.interventie_id = i.interventie_id
                                AND (m.gemeente = w.gemeente OR w.gemeente = 'REGIO'))
            """, new { run.Id });
        Assert.Equal(expected, suggestions.Count);
    }

    [Fact]
    public async Task The_publication_holds_the_matches_and_suggestions_in_contract_order_and_a_rerun_is_byte_identical()
    {
        var (db, _) = await SampleWithListAsync();
        var run = await Scoring(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var first = await Publishing(db).PublishAsync(run.Id, "met-lijst-1", _out, "test", CancellationToken.None);

        var matchLines = Lines(first.Folder, "interventie_matches.csv");
        Assert.Equal("gemeente,jaar,programma_id,interventie_id,interventie_naam,databank,match,erkenning_lokaal,erkenning_landelijk,afwijking", matchLines[0]);
        Assert.Contains("GM0981,2025,V001,NJI-OZ,Opvoeden & Zo,nji,exact,goed_onderbouwd,goed_onderbouwd,false", matchLines);
        Assert.Contains("GM1729,2025,GW-2,NJI-KT,Kanjertraining,nji,naam_bevat,effectief_eerste,effectief_eerste,false", matchLines);
        Assert.Contains("GM1903,2025,EM03,NJI-RW,Rots en Water,nji,exact,effectief_eerste,effectief_goede,true", matchLines);
        await using var c = await db.OpenConnectionAsync();
        Assert.Equal(
            await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_interventie_match WHERE score_run_id = @Id", new { run.Id }),
            matchLines.Length - 1);
        var matchKeys = matchLines.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[2])).ToList();
        Assert.Equal(matchKeys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), matchKeys);

        var suggestionLines = Lines(first.Folder, "suggesties.csv");
        Assert.Equal("gemeente,jaar,thema,leeftijdsgroep,status,interventie_id,interventie_naam,databank,erkenning,url", suggestionLines[0]);
        Assert.Equal(
            await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_suggestie WHERE score_run_id = @Id", new { run.Id }),
            suggestionLines.Length - 1);
        Assert.Contains(suggestionLines, l => l.EndsWith(",MOV-VT,Veilig Thuis Plus,movisie,effectief_sterke,\"https://example.org/vt, plus\"", StringComparison.Ordinal));
        var rows = suggestionLines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, f => Assert.Contains(f[4], new[] { ScoringMethodV1.GeenAanbod, ScoringMethodV1.GeenBewezenEffectiefAanbod }));
        string[] themes = ["weerbaarheid", "sociale_aansluiting", "zelfstandigheid", "veiligheid", "opvoedvaardigheden"];
        string[] bands = ["0-3", "4-11", "12-17", "18-23"];
        string[] levels = ["niet_beoordeeld", "goed_beschreven", "goed_onderbouwd", "effectief_eerste", "effectief_goede", "effectief_sterke"];
        var keys = rows.Select(f => (Gemeente: f[0] == "REGIO" ? "\uffff" : f[0], Thema: Array.IndexOf(themes, f[2]), Band: Array.IndexOf(bands, f[3]),
            Level: Array.IndexOf(levels, f[8]), Id: f[5])).ToList();
        Assert.Equal(
            keys.OrderBy(k => k.Gemeente, StringComparer.Ordinal).ThenBy(k => k.Thema).ThenBy(k => k.Band).ThenByDescending(k => k.Level)
                .ThenBy(k => k.Id, StringComparer.Ordinal),
            keys);
        Assert.Contains(rows, f => f[0] == "REGIO");

        // The workbook's Suggesties sheet holds the same rows.
        using (var wb = new XLWorkbook(Path.Combine(first.Folder, "tussenrapportage.xlsx")))
        {
            Assert.Equal(suggestionLines.Length, wb.Worksheet("Suggesties").LastRowUsed()!.RowNumber());
        }

        // The national list in use shows in datakwaliteit without gemeente and jaar.
        var list = Lines(first.Folder, "datakwaliteit.csv").Single(l => l.Contains(ListFile, StringComparison.Ordinal)).Split(',');
        Assert.Equal((string.Empty, "interventies", string.Empty), (list[2], list[3], list[4]));

        var rerun = await Scoring(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var second = await Publishing(db).PublishAsync(rerun.Id, "met-lijst-2", _out, "test", CancellationToken.None);
        foreach (var csv in new[] { "interventie_matches.csv", "suggesties.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first.Folder, csv)), await File.ReadAllBytesAsync(Path.Combine(second.Folder, csv)));
        }
    }

    [Fact]
    public async Task Without_a_national_list_a_score_run_stores_no_matches_or_suggestions()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance)
            .IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        await using (var c = await db.OpenConnectionAsync())
        {
            // The sample drop may carry a list of its own; this test is about having none.
            await c.ExecuteAsync("DELETE FROM actuele_interventielijst");
        }

        var run = await Scoring(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM score_interventie_match WHERE score_run_id = @Id", new { run.Id }));
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM score_suggestie WHERE score_run_id = @Id", new { run.Id }));
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM score_run_levering r JOIN levering l ON l.id = r.levering_id WHERE r.score_run_id = @Id AND l.dataset = 'interventies'
            """, new { run.Id }));
    }
}
