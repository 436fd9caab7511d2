using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>Loads interventies-rijfouten.csv once (landelijk/interventies): one thing wrong per invalid row.</summary>
public sealed class InterventieRowFixture : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();

    internal LoadingHarness Harness { get; private set; } = null!;

    public DeliveryOutcome Lijst { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Harness = await LoadingHarness.CreateAsync(_database.DataSource);
        Lijst = await Harness.LoadInterventiesAsync("interventies-rijfouten.csv");
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}

/// <summary>Row rules of the national list of interventions (aanleverformaat §2.4).</summary>
public sealed class InterventieRowTests(InterventieRowFixture fixture) : IClassFixture<InterventieRowFixture>
{
    private LoadingHarness Harness => fixture.Harness;

    [Theory]
    [InlineData(6, "databank", "ggd", "onbekende databank 'ggd' (verwacht nji, movisie, rivm, trimbos of overig)")]
    [InlineData(7, "erkenning", "niet_beoordeeld", "erkenning 'niet_beoordeeld' is te laag voor de landelijke lijst (minstens goed_beschreven)")]
    [InlineData(8, "erkenning", "Niet beoordeeld", "erkenning 'niet_beoordeeld' is te laag voor de landelijke lijst (minstens goed_beschreven)")]
    [InlineData(9, "erkenning", "super", "onbekend erkenningsniveau 'super'")]
    [InlineData(10, "leeftijd_tot", "4", "leeftijd_tot 4 is kleiner dan leeftijd_van 12")]
    [InlineData(11, "leeftijd_van", "24", "leeftijd_van 24 ligt buiten 0–23")]
    [InlineData(12, "url", "www.nji.nl/interventies/x", "url 'www.nji.nl/interventies/x' is geen absolute http(s)-link")]
    [InlineData(13, "url", "ftp://nji.nl/x", "url 'ftp://nji.nl/x' is geen absolute http(s)-link")]
    [InlineData(14, "peildatum", null, "peildatum ontbreekt (verplicht)")]
    [InlineData(15, "themas_secundair", "veiligheid|weerbaarheid", "themas_secundair bevat het primaire thema 'weerbaarheid'")]
    [InlineData(16, "doelgroep", "kinderen", "onbekende doelgroep 'kinderen' (verwacht jeugdigen, ouders of beide)")]
    [InlineData(17, "interventie_id", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "interventie_id is langer dan 64 tekens (65)")]
    [InlineData(18, "naam", null, "naam ontbreekt (verplicht)")]
    [InlineData(19, "thema_primair", "sport", "onbekend thema 'sport'")]
    public async Task Invalid_row_is_quarantined_with_column_value_and_Dutch_reason(long rij, string kolom, string? waarde, string reden)
    {
        var fout = Assert.Single(await Harness.FoutenAsync(fixture.Lijst.LeveringId), f => f.Rij == rij);

        Assert.Equal(new Fout(rij, kolom, waarde, reden), fout);
        Assert.Equal(0, await Harness.ScalarAsync(
            "SELECT count(*) FROM interventie WHERE levering_id = @id AND rij = @rij", new { id = fixture.Lijst.LeveringId, rij }));
    }

    [Fact]
    public async Task Duplicate_interventie_id_the_first_counts()
    {
        var fout = Assert.Single(await Harness.FoutenAsync(fixture.Lijst.LeveringId), f => f.Rij == 5);

        Assert.Equal(new Fout(5, null, null, "dubbel interventie_id 'I1' (al op rij 2)"), fout);
        Assert.Equal(["Triple P"], await Harness.QueryAsync<string>(
            "SELECT naam FROM interventie WHERE levering_id = @id AND interventie_id = 'I1'", new { id = fixture.Lijst.LeveringId }));
    }

    [Fact]
    public async Task Valid_rows_are_stored_with_canonical_codes()
    {
        var rows = await Harness.QueryAsync<InterventieRij>(
            $"SELECT {InterventieRij.Columns} FROM interventie WHERE levering_id = @id AND rij <= 4 ORDER BY rij", new { id = fixture.Lijst.LeveringId });

        Assert.Equal(
        [
            new InterventieRij("I1", "Triple P", "nji", "effectief_eerste", "ouders", 0, 16, "opvoedvaardigheden", "weerbaarheid",
                "https://www.nji.nl/interventies/triple-p", new DateOnly(2025, 6, 1)),
            new InterventieRij("I2", "Kanjertraining", "nji", "goed_onderbouwd", "jeugdigen", 4, 14, "weerbaarheid", "sociale_aansluiting|veiligheid",
                null, new DateOnly(2025, 6, 1)),
            new InterventieRij("I3", "Rots en Water", "movisie", "goed_beschreven", "beide", 8, 18, "weerbaarheid", "",
                "http://www.movisie.nl/interventie/rots-en-water", new DateOnly(2025, 6, 1)),
        ], rows);
    }

    [Fact]
    public async Task Counts_status_no_years_and_no_municipality()
    {
        var outcome = fixture.Lijst;

        Assert.Equal(LeveringStatus.DeelsGeaccepteerd, outcome.Status);
        Assert.Equal((35, 20, 15), (outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        var levering = await Harness.LeveringAsync(outcome.LeveringId);
        Assert.Equal((string.Empty, "landelijk/interventies/interventies-rijfouten.csv"), (levering.Jaren, levering.Bestand));
        Assert.Equal(0, await Harness.ScalarAsync(
            "SELECT count(*) FROM levering WHERE id = @id AND (gemeente IS NOT NULL OR jaren <> '{}')", new { id = outcome.LeveringId }));
        Assert.Equal(20, await Harness.ScalarAsync("SELECT count(*) FROM actuele_interventie"));
        Assert.Equal(0, await Harness.ScalarAsync("SELECT count(*) FROM actuele_levering"));
    }
}

/// <summary>Each accepted list replaces the previous list entirely (aanleverformaat §2.4, §6).</summary>
public sealed class InterventieListTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static Task<List<string>> CurrentIdsAsync(LoadingHarness harness) =>
        harness.QueryAsync<string>("SELECT interventie_id || ':' || erkenning FROM actuele_interventie ORDER BY interventie_id");

    [Fact]
    public async Task A_newer_list_replaces_the_older_one_entirely()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var first = await harness.LoadInterventiesAsync("interventies-2025-01.csv");
        Assert.Equal(["I1:effectief_eerste", "I2:goed_onderbouwd", "I3:goed_beschreven"], await CurrentIdsAsync(harness));

        var second = await harness.LoadInterventiesAsync("interventies-2025-06.csv");

        Assert.Equal((LeveringStatus.Geaccepteerd, LeveringStatus.Geaccepteerd), (first.Status, second.Status));
        Assert.Equal(LeveringStatus.Vervangen, (await harness.LeveringAsync(first.LeveringId)).Status);
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(second.LeveringId)).Status);
        Assert.Equal(["I1:effectief_goede", "I4:effectief_sterke"], await CurrentIdsAsync(harness));
        Assert.Equal(second.LeveringId, await harness.ScalarAsync("SELECT levering_id FROM actuele_interventielijst"));
        Assert.Equal(3, await harness.DataRowsAsync(first.LeveringId));
    }

    [Fact]
    public async Task A_refused_list_replaces_nothing()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var first = await harness.LoadInterventiesAsync("interventies-2025-01.csv");

        var refused = await harness.LoadInterventiesAsync("interventies-ongeldig.csv");

        Assert.Equal(LeveringStatus.Geweigerd, refused.Status);
        Assert.Equal("meer dan de helft van de gegevensrijen is ongeldig (2 van 3, dubbele rijen meegeteld)", refused.Reden);
        Assert.Equal(0, await harness.DataRowsAsync(refused.LeveringId));
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(first.LeveringId)).Status);
        Assert.Equal(first.LeveringId, await harness.ScalarAsync("SELECT levering_id FROM actuele_interventielijst"));
        Assert.Equal(["I1:effectief_eerste", "I2:goed_onderbouwd", "I3:goed_beschreven"], await CurrentIdsAsync(harness));
    }

    [Fact]
    public async Task A_refused_first_list_leaves_no_current_list()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var refused = await harness.LoadInterventiesAsync("interventies-ongeldig.csv");

        Assert.Equal(LeveringStatus.Geweigerd, refused.Status);
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM actuele_interventielijst"));
        Assert.Empty(await CurrentIdsAsync(harness));
    }

    [Fact]
    public async Task A_forbidden_column_refuses_the_list_into_the_quarantine()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var refused = await harness.LoadInterventiesAsync("interventies-adres.csv");

        Assert.Equal(LeveringStatus.Geweigerd, refused.Status);
        Assert.StartsWith("verboden kolom 'adres'", refused.Reden, StringComparison.Ordinal);
        Assert.True((await harness.LeveringAsync(refused.LeveringId)).InQuarantaine);
        Assert.Equal(0, await harness.OccurrencesOutsideQuarantineAsync("Markt 1"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM actuele_interventielijst"));
    }
}

/// <summary>A stored intervention, all columns but the lineage ones (select with <see cref="Columns"/>).</summary>
public sealed record InterventieRij(
    string InterventieId, string Naam, string Databank, string Erkenning, string Doelgroep, short LeeftijdVan, short LeeftijdTot,
    string ThemaPrimair, string ThemasSecundair, string? Url, DateOnly Peildatum)
{
    public const string Columns = """
        interventie_id AS interventieid, naam, databank, erkenning, doelgroep, leeftijd_van AS leeftijdvan, leeftijd_tot AS leeftijdtot,
        thema_primair AS themaprimair, array_to_string(themas_secundair, '|') AS themassecundair, url, peildatum
        """;
}
