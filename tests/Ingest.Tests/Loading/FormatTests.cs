using ClosedXML.Excel;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>The file formats of aanleverformaat §3 end to end, and the row numbers a person sees.</summary>
public sealed class FormatTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly ProgrammaRij[] Expected =
    [
        new("P1", "Weerbaar café", "GGD Zuid Limburg", "GM0935", 2025, "jeugdigen", 12, 17, "weerbaarheid", "sociale_aansluiting|veiligheid",
            "goed_onderbouwd", "universeel", 120, 15000.50m, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        new("P2", "Ouders in gesprek", null, "GM0935", 2025, "ouders", 0, 3, "opvoedvaardigheden", "",
            "effectief_eerste", null, 40, null, null, null),
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Task<List<ProgrammaRij>> StoredAsync(LoadingHarness harness, long id) => harness.QueryAsync<ProgrammaRij>(
        $"SELECT {ProgrammaRij.Columns} FROM programma WHERE levering_id = @id ORDER BY rij", new { id });

    /// <summary>The two programmes of the format files, with the dataset sheet second and real cell types.</summary>
    private string Workbook()
    {
        var path = _temp.File("programmas.xlsx");
        using var wb = new XLWorkbook();
        wb.Worksheets.Add("Toelichting").Cell(1, 1).SetValue<string>("Inventaris 2025, zie blad programmas");
        var sheet = wb.Worksheets.Add("Programmas");
        string[] header =
        [
            "Programma ID", "Naam", "Aanbieder", "Gemeente", "Jaar", "Doelgroep", "Leeftijd-van", "Leeftijd tot", "thema_primair",
            "themas_secundair", "erkenning", "preventietype", "deelnemers", "budget_eur", "startdatum", "einddatum",
        ];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue<string>(header[c]);
        }

        void Text(int row, int column, string value) => sheet.Cell(row, column).SetValue<string>(value);
        Text(2, 1, "P1");
        Text(2, 2, "Weerbaar café");
        Text(2, 3, "GGD Zuid Limburg");
        Text(2, 4, "GM0935");
        sheet.Cell(2, 5).SetValue(2025);
        Text(2, 6, "jeugdigen");
        sheet.Cell(2, 7).SetValue(12);
        sheet.Cell(2, 8).SetValue(17);
        Text(2, 9, "weerbaarheid");
        Text(2, 10, "sociale_aansluiting|veiligheid");
        Text(2, 11, "Goed onderbouwd");
        Text(2, 12, "universeel");
        sheet.Cell(2, 13).SetValue(120);
        sheet.Cell(2, 14).SetValue(15000.50);
        sheet.Cell(2, 15).SetValue(new DateTime(2025, 1, 1));
        Text(2, 16, "31-12-2025");
        // Row 3 is empty and ignored; the second programme is on sheet row 4, numbers as text.
        Text(4, 1, "P2");
        Text(4, 2, "Ouders in gesprek");
        Text(4, 4, "GM0935");
        Text(4, 5, "2025");
        Text(4, 6, "ouders");
        Text(4, 7, "0");
        Text(4, 8, "3");
        Text(4, 9, "opvoedvaardigheden");
        Text(4, 11, "effectief_eerste");
        Text(4, 13, "40");
        // Sheet row 6: an invalid row; its error must carry the sheet's row number.
        Text(6, 1, "P3");
        Text(6, 2, "Fout");
        Text(6, 4, "GM0935");
        sheet.Cell(6, 5).SetValue(2025);
        Text(6, 6, "jeugdigen");
        sheet.Cell(6, 7).SetValue(4);
        sheet.Cell(6, 8).SetValue(11);
        Text(6, 9, "sport");
        Text(6, 11, "goed_beschreven");
        sheet.Cell(6, 13).SetValue(10);
        wb.SaveAs(path);
        return path;
    }

    [Theory]
    [InlineData("programmas-utf8.csv", "CSV, UTF-8 zonder BOM, scheidingsteken ','")]
    [InlineData("programmas-utf8-bom.csv", "CSV, UTF-8 met BOM, scheidingsteken ','")]
    [InlineData("programmas-windows-1252.csv", "CSV, Windows-1252, scheidingsteken ';'")]
    [InlineData("programmas-tab.csv", "CSV, UTF-8 zonder BOM, scheidingsteken tab")]
    [InlineData("programmas.json", "JSON")]
    public async Task Every_format_loads_the_same_rows(string name, string formaat)
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync(name, Dataset.Programmas);

        Assert.Equal((LeveringStatus.Geaccepteerd, 2, 2, 0), (outcome.Status, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.Equal(Expected, await StoredAsync(harness, outcome.LeveringId));
        var stored = await harness.QueryAsync<string>("SELECT formaat FROM levering WHERE id = @id", new { id = outcome.LeveringId });
        Assert.StartsWith(formaat, Assert.Single(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_with_the_dataset_sheet_not_first_loads_the_same_rows_and_reports_sheet_row_numbers()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadPathAsync(Workbook(), Dataset.Programmas);

        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 3, 2, 1), (outcome.Status, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.Equal(Expected, await StoredAsync(harness, outcome.LeveringId));
        Assert.Equal([2L, 4L], await harness.QueryAsync<long>("SELECT rij FROM programma WHERE levering_id = @id ORDER BY rij", new { id = outcome.LeveringId }));
        Assert.Equal([new Fout(6, "thema_primair", "sport", "onbekend thema 'sport'")], await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal("XLSX, werkblad 'Programmas'", (await harness.QueryAsync<string>(
            "SELECT formaat FROM levering WHERE id = @id", new { id = outcome.LeveringId })).Single());
    }

    [Fact]
    public async Task Csv_row_numbers_are_physical_lines_a_multi_line_field_shifts_the_next_row()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("programmas-meerregelig.csv", Dataset.Programmas);

        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 3, 2, 1), (outcome.Status, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.Equal([new Fout(4, "thema_primair", "sport", "onbekend thema 'sport'")], await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal([(2L, "Weerbaar\nop school"), (5L, "Goed")], await harness.QueryAsync<(long, string)>(
            "SELECT rij, naam FROM programma WHERE levering_id = @id ORDER BY rij", new { id = outcome.LeveringId }));
    }

    [Fact]
    public async Task Decimal_comma_is_accepted_with_semicolon_and_refused_with_comma()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var semicolon = _temp.File("metingen-puntkomma.csv");
        await File.WriteAllTextAsync(semicolon,
            "programma_id;gemeente;jaar;deelnemer;moment;datum;leeftijd;instrument;score\nP1;GM0935;2025;D-001;T0;2025-03-01;12;SDQ_EMOTIE;3,5\n");
        var comma = _temp.File("metingen-komma.csv");
        await File.WriteAllTextAsync(comma,
            "programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\nP1,GM0935,2025,D-001,T0,2025-03-01,12,SDQ_EMOTIE,\"3,5\"\nP1,GM0935,2025,D-002,T0,2025-03-01,12,SDQ_EMOTIE,3.5\n");

        var accepted = await harness.LoadPathAsync(semicolon, Dataset.Metingen);
        var refused = await harness.LoadPathAsync(comma, Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, accepted.Status);
        Assert.Equal([3.5m], await harness.QueryAsync<decimal>("SELECT score FROM meting WHERE levering_id = @id", new { id = accepted.LeveringId }));
        Assert.Equal(LeveringStatus.DeelsGeaccepteerd, refused.Status);
        var fout = Assert.Single(await harness.FoutenAsync(refused.LeveringId));
        Assert.Equal((2L, "score", "3,5"), (fout.Rij, fout.Kolom, fout.Waarde));
        Assert.StartsWith("'3,5' is geen getal", fout.Reden, StringComparison.Ordinal);
    }
}
