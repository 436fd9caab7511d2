using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Sources;

using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Intake;

/// <summary>The ingest service end to end on the real database: the sample drop, an HTTP source and the CBS source.</summary>
public sealed class IngestServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly byte[] Key = [.. Enumerable.Repeat((byte)0x42, 32)];

    private static IngestService Service(Npgsql.NpgsqlDataSource db, params SourceSettings[] sources) =>
        new(db, Key, sources, null, NullLoggerFactory.Instance)
        {
            HttpOptions = new HttpSourceOptions { InitialBackoff = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) },
        };

    [Fact]
    public async Task The_sample_drop_loads_all_six_municipalities_with_every_deliberate_defect_reported()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        var reports = TestCluster.CreateTempHome("pm-reports-");
        var run = await Service(db).IngestDropAsync(RepositoryPaths.SampleDrop, reports, null, CancellationToken.None);

        await using var connection = await db.OpenConnectionAsync();
        var statuses = (await connection.QueryAsync<(string Bestand, string Status)>("SELECT bestand, status FROM levering"))
            .ToDictionary(r => r.Bestand, r => r.Status);
        Assert.Equal(new Dictionary<string, string>
        {
            ["GM0935/metingen/metingen_2025.csv"] = "deels_geaccepteerd",
            ["GM0935/metingen/metingen_2025_meerssen.csv"] = "geweigerd",
            ["GM0935/programmas/programmas_2025.xlsx"] = "geaccepteerd",
            ["GM0938/metingen/metingen_2025-03.csv"] = "vervangen",
            ["GM0938/metingen/metingen_2025-09.csv"] = "deels_geaccepteerd",
            ["GM0938/programmas/programmas_2025.json"] = "geaccepteerd",
            ["GM0981/metingen/metingen_2025.xlsx"] = "deels_geaccepteerd",
            ["GM0981/metingen/metingen_2025_correctie.csv"] = "geweigerd",
            ["GM0981/programmas/programmas_2025.csv"] = "geaccepteerd",
            ["GM0994/metingen/metingen_2025.csv"] = "geaccepteerd",
            ["GM0994/metingen/metingen_2025_nagekomen.csv"] = "geweigerd",
            ["GM0994/programmas/programmas_2025.csv"] = "deels_geaccepteerd",
            ["GM1729/metingen/metingen_2025.csv"] = "deels_geaccepteerd",
            ["GM1729/programmas/programmas_2025.csv"] = "deels_geaccepteerd",
            ["GM1903/metingen/metingen_2025.csv"] = "deels_geaccepteerd",
            ["GM1903/metingen/metingen_2025_t2.csv"] = "geaccepteerd",
            ["GM1903/programmas/programmas_2025.csv"] = "geaccepteerd",
            ["bevolking/bevolking_2025.csv"] = "geaccepteerd",
            ["landelijk/interventies/interventies_2025.csv"] = "deels_geaccepteerd",
        }, statuses);
        Assert.Empty(run.Notes);

        // Every municipality has a current inventory and current measurements for 2025.
        Assert.Equal(6, await connection.ExecuteScalarAsync<int>("SELECT count(DISTINCT gemeente) FROM actueel_programma WHERE jaar = 2025"));
        Assert.Equal(6, await connection.ExecuteScalarAsync<int>("SELECT count(DISTINCT gemeente) FROM actuele_meting WHERE jaar = 2025"));

        // Eijsden-Margraten's later T2-only file replaces only the T2 rows: its T0/T1 stay in use from the earlier file.
        var inUse = (await connection.QueryAsync<(string Bestand, string Moment)>("""
            SELECT DISTINCT l.bestand, m.moment FROM actuele_meting m JOIN levering l ON l.id = m.levering_id WHERE m.gemeente = 'GM1903' ORDER BY 1, 2
            """)).ToList();
        Assert.Equal([("GM1903/metingen/metingen_2025.csv", "T0"), ("GM1903/metingen/metingen_2025.csv", "T1"), ("GM1903/metingen/metingen_2025_t2.csv", "T2")], inUse);
        // A follow-up may come after the 24th birthday (aanleverformaat §2.2): age 24 on T2 rows is accepted.
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM actuele_meting WHERE moment = 'T2' AND leeftijd = 24") > 0);
        Assert.Equal(144, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM actuele_bevolking WHERE jaar = 2025"));

        // The national list is current: every row but the one with a level too low for the list.
        Assert.Equal(20, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM actuele_interventie"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM actuele_interventie WHERE interventie_id = 'OVR-001'"));

        // The JSON inventory has no 'preventietype' in its first object: later objects' values still count.
        Assert.Equal(6, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM actueel_programma WHERE gemeente = 'GM0938' AND preventietype IS NOT NULL"));

        var errors = (await connection.QueryAsync<(string Bestand, long? Rij, string? Kolom, string? Waarde, string Reden)>("""
            SELECT l.bestand, f.rij, f.kolom, f.waarde, f.reden FROM levering_fout f JOIN levering l ON l.id = f.levering_id
            """)).ToList();
        Assert.Contains(("GM1903/metingen/metingen_2025.csv", 133L, "leeftijd", "25", "leeftijd 25 ligt buiten 0–23"), errors);
        Assert.Contains(("GM1729/programmas/programmas_2025.csv", 6L, "thema_primair", "sport", "onbekend thema 'sport'"), errors);
        Assert.Contains(("GM1729/metingen/metingen_2025.csv", 205L, "gemeente", "GM0981", "gemeente GM0981 hoort niet bij de map GM1729"), errors);
        Assert.Contains(("GM0935/metingen/metingen_2025.csv", 829L, "score", "14", "score 14 ligt buiten 0–10 voor SDQ_EMOTIE"), errors);
        Assert.Contains(errors, e => e.Bestand == "GM0935/metingen/metingen_2025.csv" && e.Rij == 2072 && e.Reden.StartsWith("dubbele meting", StringComparison.Ordinal));
        Assert.Contains(("GM0938/metingen/metingen_2025-09.csv", 366L, "instrument", "CBCL_TOTAAL", "onbekend instrument 'CBCL_TOTAAL'"), errors);
        Assert.Contains(errors, e => e.Bestand == "GM0981/metingen/metingen_2025.xlsx" && e.Rij == 164 && e.Kolom == "datum" && e.Reden.Contains("geen geldige datum", StringComparison.Ordinal));
        Assert.Contains(("GM0994/programmas/programmas_2025.csv", 5L, "leeftijd_tot", "4", "leeftijd_tot 4 is kleiner dan leeftijd_van 12"), errors);
        Assert.Contains(("GM0981/metingen/metingen_2025_correctie.csv", 4L, "deelnemer", null, "deelnemer lijkt een BSN (elfproef)"), errors);
        Assert.Contains(("landelijk/interventies/interventies_2025.csv", 22L, "erkenning", "niet_beoordeeld",
            "erkenning 'niet_beoordeeld' is te laag voor de landelijke lijst (minstens goed_beschreven)"), errors);

        var refusals = (await connection.QueryAsync<(string Bestand, string Reden, bool InQuarantaine)>(
            "SELECT bestand, reden, in_quarantaine FROM levering WHERE status = 'geweigerd'")).ToDictionary(r => r.Bestand);
        Assert.Equal("bestand staat in map GM0935 maar gemeente is GM0938", refusals["GM0935/metingen/metingen_2025_meerssen.csv"].Reden);
        Assert.StartsWith("verboden kolom 'geboortedatum'", refusals["GM0994/metingen/metingen_2025_nagekomen.csv"].Reden, StringComparison.Ordinal);
        Assert.True(refusals["GM0994/metingen/metingen_2025_nagekomen.csv"].InQuarantaine);
        Assert.True(refusals["GM0981/metingen/metingen_2025_correctie.csv"].InQuarantaine);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM meting m JOIN levering l ON l.id = m.levering_id WHERE l.status = 'geweigerd'"));

        var warnings = (await connection.QueryAsync<(string Bestand, long? Rij, string? Kolom, string? Waarde, string Melding)>("""
            SELECT l.bestand, w.rij, w.kolom, w.waarde, w.melding FROM levering_waarschuwing w JOIN levering l ON l.id = w.levering_id
            WHERE l.status <> 'vervangen'
            """)).ToList();
        Assert.Contains(("GM1903/programmas/programmas_2025.csv", 1L, "Opmerking", null, "onbekende kolom 'Opmerking' genegeerd"), warnings);
        var unknownProgramme = Assert.Single(warnings, w => w.Melding.StartsWith("onbekend programma", StringComparison.Ordinal));
        Assert.Equal(("GM0935/metingen/metingen_2025.csv", 3314L, "MST-2025-099"), (unknownProgramme.Bestand, unknownProgramme.Rij, unknownProgramme.Waarde));
        var offTheme = Assert.Single(warnings, w => w.Kolom == "instrument");
        Assert.Equal(("GM0981/metingen/metingen_2025.xlsx", 82L, "VEILIGHEID_BELEVING"), (offTheme.Bestand, offTheme.Rij, offTheme.Waarde));
        Assert.Contains("'V001'", offTheme.Melding);

        // A report per delivery, next to the run.
        Assert.Equal(run.Deliveries.Select(d => $"leveringsrapport-{d.LeveringId}.csv").Order(), Directory.GetFiles(reports).Select(Path.GetFileName).Order());
        Directory.Delete(reports, recursive: true);

        // The same drop again: "al verwerkt", nothing new.
        var rowsBefore = await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM meting) + (SELECT count(*) FROM programma) + (SELECT count(*) FROM levering)");
        var again = await Service(db).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        Assert.All(again.Deliveries, d => Assert.True(d.AlreadyProcessed, d.Bestand));
        Assert.Equal(run.Deliveries.Select(d => d.LeveringId), again.Deliveries.Select(d => d.LeveringId));
        Assert.Equal(rowsBefore, await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM meting) + (SELECT count(*) FROM programma) + (SELECT count(*) FROM levering)"));
    }

    private const string ProgrammasV1 = """
        programma_id,naam,gemeente,jaar,doelgroep,leeftijd_van,leeftijd_tot,thema_primair,erkenning,deelnemers
        V-1,Kanjertraining,GM0981,2025,jeugdigen,6,12,weerbaarheid,goed_onderbouwd,40
        """;

    [Fact]
    public async Task An_http_source_uses_conditional_GET_and_a_changed_answer_replaces_the_previous_delivery()
    {
        var body = ProgrammasV1;
        var etag = "\"v1\"";
        await using var server = LocalHttpServer.Start(async (context, _) =>
        {
            if (context.Request.Headers["If-None-Match"] == etag)
            {
                context.Response.StatusCode = 304;
                context.Response.Close();
                return;
            }

            context.Response.Headers["ETag"] = etag;
            await context.Response.WriteAsync(200, body, "text/csv");
        });
        var source = new SourceSettings("vaals-programmas", SourceKind.Http, "GM0981", Dataset.Programmas,
            server.Url("/export/programmas.csv").ToString(), null, [], []);
        var service = Service(fixture.DataSource, source);

        var first = await service.IngestSourceAsync("vaals-programmas", null, null, CancellationToken.None);
        var delivery = Assert.Single(first.Deliveries);
        Assert.Equal(LeveringStatus.Geaccepteerd, delivery.Status);
        Assert.Equal(server.Url("/export/programmas.csv").ToString(), delivery.Bestand);

        var second = await service.IngestSourceAsync("vaals-programmas", null, null, CancellationToken.None);
        Assert.Empty(second.Deliveries);
        Assert.Contains("niet gewijzigd", Assert.Single(second.Notes));
        Assert.Equal("\"v1\"", server.Requests[^1].Headers["If-None-Match"]);

        body = ProgrammasV1.Replace("40", "55", StringComparison.Ordinal);
        etag = "\"v2\"";
        var third = await service.IngestSourceAsync("vaals-programmas", null, null, CancellationToken.None);
        var replacement = Assert.Single(third.Deliveries);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal("vervangen", await connection.ExecuteScalarAsync<string>("SELECT status FROM levering WHERE id = @id", new { id = delivery.LeveringId }));
        Assert.Equal(55, await connection.ExecuteScalarAsync<int>(
            "SELECT deelnemers FROM actueel_programma WHERE gemeente = 'GM0981' AND jaar = 2025 AND programma_id = 'V-1'"));
        Assert.Equal("\"v2\"", await connection.ExecuteScalarAsync<string>("SELECT etag FROM bron_status WHERE bron = 'vaals-programmas'"));
        Assert.NotEqual(delivery.LeveringId, replacement.LeveringId);
    }

    [Fact]
    public async Task The_CBS_population_becomes_a_bevolking_delivery_and_the_same_answer_again_is_already_processed()
    {
        const string table = "/ODataApi/odata/03759ned/";
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Sources", "Data", "cbs");
        await using var server = LocalHttpServer.Start(async (context, _) =>
        {
            var resource = context.Request.Url!.AbsolutePath[table.Length..];
            var file = Path.Combine(fixtures, (resource == "TypedDataSet" ? "TypedDataSet-2025" : resource) + ".json");
            await context.Response.WriteAsync(200, await File.ReadAllBytesAsync(file), "application/json");
        });
        var source = new SourceSettings("cbs-bevolking", SourceKind.Cbs, null, Dataset.Bevolking, server.Url(table).ToString(), null, [], [2025]);
        var db = await fixture.CreateMigratedDatabaseAsync();
        var service = Service(db, source);

        var first = Assert.Single((await service.IngestSourceAsync("cbs-bevolking", null, null, CancellationToken.None)).Deliveries);
        Assert.True(first.Status == LeveringStatus.Geaccepteerd, first.Reden);
        Assert.Equal((144, 144), (first.Rijen!.Value, first.Geaccepteerd));
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(6, await connection.ExecuteScalarAsync<int>("SELECT count(DISTINCT gemeente) FROM actuele_bevolking WHERE jaar = 2025"));
        Assert.Equal(24, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM actuele_bevolking WHERE gemeente = 'GM0981'"));

        var second = Assert.Single((await service.IngestSourceAsync("cbs-bevolking", null, null, CancellationToken.None)).Deliveries);
        Assert.True(second.AlreadyProcessed);
        Assert.Equal(first.LeveringId, second.LeveringId);
    }

    [Fact]
    public async Task An_unknown_source_name_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<SourceConfigurationException>(
            () => Service(fixture.DataSource).IngestSourceAsync("bestaat-niet", null, null, CancellationToken.None));
        Assert.Contains("Onbekende bron 'bestaat-niet'", error.Message);
    }
}
