using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// Loads metingen-rijfouten.csv and programmas-rijfouten.csv once (folder GM0935): every invalid row
/// has exactly one thing wrong, and each test checks one row-level rule of aanleverformaat §2/§3.
/// </summary>
public sealed class RowReasonFixture : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();

    internal LoadingHarness Harness { get; private set; } = null!;

    public DeliveryOutcome Metingen { get; private set; } = null!;

    public DeliveryOutcome Programmas { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Harness = await LoadingHarness.CreateAsync(_database.DataSource);
        Metingen = await Harness.LoadAsync("metingen-rijfouten.csv", Dataset.Metingen);
        Programmas = await Harness.LoadAsync("programmas-rijfouten.csv", Dataset.Programmas);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}

public sealed class RowReasonTests(RowReasonFixture fixture) : IClassFixture<RowReasonFixture>
{
    private LoadingHarness Harness => fixture.Harness;

    [Theory]
    [InlineData(5, "leeftijd", "25", "leeftijd 25 ligt buiten 0–23")]
    [InlineData(6, "score", "14", "score 14 ligt buiten 0–10 voor SDQ_EMOTIE")]
    [InlineData(8, "instrument", "ONBEKEND", "onbekend instrument 'ONBEKEND'")]
    [InlineData(9, "moment", "T5", "onbekend meetmoment 'T5' (verwacht T0, T1 of T2)")]
    [InlineData(10, "gemeente", "GM0938", "gemeente GM0938 hoort niet bij de map GM0935")]
    [InlineData(11, "jaar", "2014", "jaar 2014 ligt buiten 2015–2100")]
    [InlineData(12, "datum", "31-02-2025", "'31-02-2025' is geen geldige datum (verwacht jjjj-mm-dd, dd-mm-jjjj of d-m-jjjj)")]
    [InlineData(13, "leeftijd", "twaalf", "'twaalf' is geen geheel getal")]
    [InlineData(14, "deelnemer", null, "deelnemer ontbreekt (verplicht)")]
    [InlineData(25, "deelnemer", null, "deelnemer is langer dan 64 tekens (65)")]
    [InlineData(15, "score", "3,5", "'3,5' is geen getal (een decimale komma mag alleen bij scheidingsteken ';' of tab; gebruik hier een punt)")]
    public async Task Metingen_row_is_quarantined_with_column_value_and_Dutch_reason(long rij, string kolom, string? waarde, string reden)
    {
        var fouten = await Harness.FoutenAsync(fixture.Metingen.LeveringId);

        var fout = Assert.Single(fouten, f => f.Rij == rij);
        Assert.Equal(new Fout(rij, kolom, waarde, reden), fout);
        Assert.Equal(0, await Harness.ScalarAsync(
            "SELECT count(*) FROM meting WHERE levering_id = @id AND rij = @rij", new { id = fixture.Metingen.LeveringId, rij }));
    }

    [Fact]
    public async Task Duplicate_measurement_the_first_counts_even_when_the_score_differs()
    {
        var id = fixture.Metingen.LeveringId;
        var fout = Assert.Single(await Harness.FoutenAsync(id), f => f.Rij == 7);

        Assert.StartsWith("dubbele meting", fout.Reden, StringComparison.Ordinal);
        Assert.Contains("rij 2", fout.Reden, StringComparison.Ordinal);
        Assert.Null(fout.Waarde);
        var kept = await Harness.QueryAsync<decimal>("SELECT score FROM meting WHERE levering_id = @id AND deelnemer_hash = @hash",
            new { id, hash = LoadingHarness.Hmac("D-001") });
        Assert.Equal([4m], kept);
    }

    [Fact]
    public async Task Metingen_counts_and_status_are_deels_geaccepteerd()
    {
        var outcome = fixture.Metingen;

        Assert.Equal(LeveringStatus.DeelsGeaccepteerd, outcome.Status);
        Assert.Equal((25, 13, 12), (outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        var levering = await Harness.LeveringAsync(outcome.LeveringId);
        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 25, 13, 12), (levering.Status, levering.Rijen, levering.Geaccepteerd, levering.Geweigerd));
        Assert.Equal(13, await Harness.ScalarAsync("SELECT count(*) FROM meting WHERE levering_id = @id", new { id = outcome.LeveringId }));
        Assert.Equal(Enumerable.Range(5, 11).Append(25).Select(r => (long?)r),
            (await Harness.FoutenAsync(outcome.LeveringId)).Select(f => f.Rij).Distinct());
    }

    [Fact]
    public async Task Each_date_form_is_accepted()
    {
        var dates = await Harness.QueryAsync<string>(
            "SELECT datum::text FROM meting WHERE levering_id = @id AND rij IN (2, 3, 4) ORDER BY rij", new { id = fixture.Metingen.LeveringId });

        Assert.Equal(["2025-03-01", "2025-03-01", "2025-03-01"], dates);
    }

    [Fact]
    public async Task Codes_are_matched_case_insensitively_after_trimming_and_stored_canonically()
    {
        var row = Assert.Single(await Harness.QueryAsync<(string, string, string, string, decimal)>(
            "SELECT gemeente, programma_id, moment, instrument, score FROM meting WHERE levering_id = @id AND rij = 16",
            new { id = fixture.Metingen.LeveringId }));

        Assert.Equal(("GM0935", "P1", "T1", "SDQ_EMOTIE", 3.5m), row);
    }

    [Theory]
    [InlineData(3, "thema_primair", "sport", "onbekend thema 'sport'")]
    [InlineData(5, "leeftijd_tot", "4", "leeftijd_tot 4 is kleiner dan leeftijd_van 12")]
    [InlineData(6, "einddatum", "2025-05-01", "einddatum 01-05-2025 ligt vóór startdatum 01-06-2025")]
    [InlineData(7, "doelgroep", "kinderen", "onbekende doelgroep 'kinderen' (verwacht jeugdigen, ouders of beide)")]
    [InlineData(8, "erkenning", "bewezen", "onbekend erkenningsniveau 'bewezen'")]
    [InlineData(10, "themas_secundair", "weerbaarheid", "themas_secundair bevat het primaire thema 'weerbaarheid'")]
    [InlineData(12, "naam", null, "naam ontbreekt (verplicht)")]
    [InlineData(13, "deelnemers", "veel", "'veel' is geen geheel getal")]
    [InlineData(14, "jaar", "2101", "jaar 2101 ligt buiten 2015–2100")]
    [InlineData(15, "preventietype", "breed", "onbekend preventietype 'breed' (verwacht universeel, selectief of geindiceerd)")]
    [InlineData(16, "budget_eur", "-5", "budget_eur -5 is kleiner dan 0")]
    [InlineData(17, "themas_secundair", "sport", "onbekend thema 'sport'")]
    [InlineData(18, "gemeente", "GM0938", "gemeente GM0938 hoort niet bij de map GM0935")]
    [InlineData(19, "leeftijd_tot", "25", "leeftijd_tot 25 ligt buiten 0–23")]
    public async Task Programmas_row_is_quarantined_with_column_value_and_Dutch_reason(long rij, string kolom, string? waarde, string reden)
    {
        var fouten = await Harness.FoutenAsync(fixture.Programmas.LeveringId);

        var fout = Assert.Single(fouten, f => f.Rij == rij);
        Assert.Equal(new Fout(rij, kolom, waarde, reden), fout);
        Assert.Equal(0, await Harness.ScalarAsync(
            "SELECT count(*) FROM programma WHERE levering_id = @id AND rij = @rij", new { id = fixture.Programmas.LeveringId, rij }));
    }

    [Fact]
    public async Task Text_longer_than_200_is_quarantined_with_the_value_shortened()
    {
        var fout = Assert.Single(await Harness.FoutenAsync(fixture.Programmas.LeveringId), f => f.Rij == 11);

        Assert.Equal(("naam", "naam is langer dan 200 tekens (201)"), (fout.Kolom, fout.Reden));
        Assert.StartsWith("Lange naam xxx", fout.Waarde, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_programma_id_the_first_counts()
    {
        var id = fixture.Programmas.LeveringId;
        var fout = Assert.Single(await Harness.FoutenAsync(id), f => f.Rij == 4);

        Assert.Equal("dubbel programma_id 'P1' (al op rij 2)", fout.Reden);
        var naam = await Harness.QueryAsync<(long, string)>("SELECT rij, naam FROM programma WHERE levering_id = @id AND programma_id = 'P1'", new { id });
        Assert.Equal([(2L, "Weerbaar op school")], naam);
    }

    [Fact]
    public async Task Erkenning_by_Dutch_label_is_accepted_and_stored_as_code()
    {
        var row = Assert.Single(await Harness.QueryAsync<(string, string)>(
            "SELECT erkenning, doelgroep FROM programma WHERE levering_id = @id AND rij = 9", new { id = fixture.Programmas.LeveringId }));

        Assert.Equal(("effectief_eerste", "ouders"), row);
    }

    [Fact]
    public async Task Valid_programme_is_stored_with_its_typed_values()
    {
        var p = Assert.Single(await Harness.QueryAsync<ProgrammaRij>(
            $"SELECT {ProgrammaRij.Columns} FROM programma WHERE levering_id = @id AND rij = 2", new { id = fixture.Programmas.LeveringId }));

        Assert.Equal("Weerbaar op school", p.Naam);
        Assert.Equal("sociale_aansluiting|veiligheid", p.ThemasSecundair);
        Assert.Equal(15000.50m, p.BudgetEur);
        Assert.Equal(new DateOnly(2025, 1, 1), p.Startdatum);
        Assert.Equal(new DateOnly(2025, 12, 31), p.Einddatum);
    }

    [Fact]
    public void Programmas_counts_and_status_are_deels_geaccepteerd()
    {
        var outcome = fixture.Programmas;

        Assert.Equal(LeveringStatus.DeelsGeaccepteerd, outcome.Status);
        Assert.Equal((36, 20, 16), (outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
    }
}
