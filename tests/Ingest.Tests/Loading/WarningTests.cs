using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>Warnings (aanleverformaat §2.2, §3): the rows are kept and the report says why they stand out.</summary>
public sealed class WarningTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Unknown_extra_column_is_a_warning_and_the_rows_are_accepted()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-extra-kolom.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, outcome.Status);
        Assert.Equal(2, await harness.DataRowsAsync(outcome.LeveringId));
        Assert.Contains(new Waarschuwing(1, "opmerking", null, "onbekende kolom 'opmerking' genegeerd"),
            await harness.WaarschuwingenAsync(outcome.LeveringId));
        Assert.Equal(0, await harness.OccurrencesOutsideQuarantineAsync("eerste meting"));
    }

    [Fact]
    public async Task Measurements_of_an_unknown_programme_are_kept_and_count_once_the_programme_appears()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var metingen = await harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen);

        Assert.Equal((LeveringStatus.Geaccepteerd, 3, 0), (metingen.Status, metingen.Geaccepteerd, metingen.Geweigerd));
        Assert.Equal(3, await harness.DataRowsAsync(metingen.LeveringId));
        var warning = Assert.Single(await harness.WaarschuwingenAsync(metingen.LeveringId));
        Assert.Equal((2L, "programma_id", "P1"), (warning.Rij, warning.Kolom, warning.Waarde));
        Assert.StartsWith("onbekend programma 'P1': 3 meting(en) bewaard", warning.Melding, StringComparison.Ordinal);
        const string Joined = """
            SELECT count(*) FROM actuele_meting m
            JOIN actueel_programma p ON p.gemeente = m.gemeente AND p.jaar = m.jaar AND p.programma_id = m.programma_id
            """;
        Assert.Equal(0, await harness.ScalarAsync(Joined));

        var inventaris = await harness.LoadAsync("programmas-p1.csv", Dataset.Programmas);

        Assert.Equal(LeveringStatus.Geaccepteerd, inventaris.Status);
        Assert.Equal(3, await harness.ScalarAsync(Joined));

        // The warning is derived again from the new inventory: the programme is known now.
        Assert.Empty(await harness.WaarschuwingenAsync(metingen.LeveringId));
        Assert.Equal(0, await harness.ScalarAsync($"SELECT waarschuwingen FROM levering WHERE id = {metingen.LeveringId}"));
    }

    [Fact]
    public async Task Measurement_on_an_instrument_outside_the_programmes_themes_is_kept_with_a_warning()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        await harness.LoadAsync("programmas-p1.csv", Dataset.Programmas);

        var outcome = await harness.LoadAsync("metingen-p1-instrumenten.csv", Dataset.Metingen);

        Assert.Equal((LeveringStatus.Geaccepteerd, 3, 0), (outcome.Status, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.Equal(3, await harness.DataRowsAsync(outcome.LeveringId));
        // SDQ_EMOTIE (primary theme) and SDQ_PROSOCIAAL (secondary theme) fit; OBVL_TOTAAL does not.
        var warning = Assert.Single(await harness.WaarschuwingenAsync(outcome.LeveringId));
        Assert.Equal(new Waarschuwing(4, "instrument", "OBVL_TOTAAL",
            "instrument OBVL_TOTAAL (thema opvoedvaardigheden) hoort niet bij de thema's van programma 'P1': 1 meting(en) bewaard, niet gebruikt in de score"),
            warning);
        Assert.Equal(1, outcome.Waarschuwingen);
    }
}
