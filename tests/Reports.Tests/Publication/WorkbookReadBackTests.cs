using System.Globalization;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// The streamed workbook read back cell by cell against the CSVs of the same tables, on a generated publication
/// with every sheet (also the two blocks of "Duurzaamheid"), thousands of rows, cells emptied by disclosure
/// control, p-values below one unit of the last decimal and texts that are awkward in XML or Excel.
/// </summary>
public sealed class WorkbookReadBackTests
{
    private const int KMin = 10;
    private static readonly DateTimeOffset PublishedAt = new(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Texts =
    [
        "=HYPERLINK(\"http://x\",\"klik\")", "+31 aanbieder", "-", "@thuis", "0012", "3-4", "2025-01-01", " voor", "na ", "een\ntwee",
        "a_b_x", "stuur\u0001teken", "tab\there", "Ünïcödé – ‘quotes’ & <tags>", "GM0935", "weerbaarheid", string.Empty, "😀 emoji",
    ];

    private static PublishedTable Generate<TRow>(TableDefinition<TRow> definition, int rows, Random random)
        where TRow : class
    {
        var table = definition.NewTable();
        var columns = definition.BoundColumns;
        for (var r = 0; r < rows; r++)
        {
            var values = new object?[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var spec = columns[c].Spec;
                var property = columns[c].Property.PropertyType;
                var nullable = !property.IsValueType || Nullable.GetUnderlyingType(property) is not null;
                values[c] = nullable && random.Next(8) == 0 ? null : spec.Type switch
                {
                    ColumnType.Text => random.Next(3) == 0 ? Texts[random.Next(Texts.Length)] : "P-" + r.ToString(CultureInfo.InvariantCulture),
                    ColumnType.Integer => (long)random.Next(-5, 100_000),
                    ColumnType.Number => spec.LessThanInWorkbook && random.Next(4) == 0
                        ? random.NextDouble() * 0.00004
                        : (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 6)),
                    ColumnType.Boolean => random.Next(2) == 0,
                    ColumnType.DateTime => new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(random.Next(-2, 3))).AddMilliseconds(random.NextInt64(31_536_000_000)),
                    _ => throw new InvalidOperationException(spec.Type.ToString()),
                };
            }

            table.Add(values);
        }

        // Disclosure control: about one cell in twelve emptied, then the onderdrukt flag follows the cells.
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (random.Next(12) == 0 && columns[c].Spec != definition.SuppressionFlag)
                {
                    table.Suppress(r, c);
                }
            }
        }

        table.DeriveSuppressionFlag();
        return table;
    }

    private static List<PublishedTable> GeneratedPublication(int rows)
    {
        var random = new Random(20251001);
        return
        [
            Generate(PublicationTables.ScoresGemeenteThema, 50, random),
            Generate(PublicationTables.Programmas, rows, random),
            Generate(PublicationTables.Effecten, 2 * rows, random),
            Generate(PublicationTables.WitteVlekken, 300, random),
            Generate(PublicationTables.DuurzaamheidProgrammaThema, rows, random),
            Generate(PublicationTables.DuurzaamheidGemeenteThema, 40, random),
            Generate(PublicationTables.EffectenDoelgroep, 500, random),
            Generate(PublicationTables.Suggesties, 0, random),
            Generate(PublicationTables.Datakwaliteit, 20, random),
        ];
    }

    private static byte[] Workbook(IReadOnlyList<PublishedTable> tables) => WorkbookWriter.Write(new WorkbookContent(
        "tussenrapportage-2025-20251001-090000", 2025, PublishedAt, "v2", new Dictionary<string, double> { ["k_min"] = KMin }, KMin, [], tables, "Samenvatting."));

    [Fact]
    public void Every_cell_of_a_generated_publication_reads_back_as_its_CSV_cell()
    {
        var tables = GeneratedPublication(3000);
        var csvs = tables.ToDictionary(t => t.Spec.Name, CsvTableWriter.Write);
        var byName = tables.ToDictionary(t => t.Spec.Name);

        var compared = WorkbookReadBack.AssertEveryCell(Workbook(tables), csvs, KMin, (table, row, column) => byName[table].Suppressed.Contains((row, column)));

        Assert.True(compared > 100_000, $"{compared} cellen vergeleken");
        Assert.Contains(tables, t => t.Suppressed.Count > 1000);
    }

    [Fact]
    public void Texts_that_XML_cannot_hold_or_that_look_like_an_escape_are_escaped_as_Excel_reads_them()
    {
        var table = PublicationTables.Programmas.NewTable();
        table.Add("GM0935", "_x0041_", 2025L, "P-01", "stuur\u0001teken", " voor", "ouders", 0L, 3L, "opvoeding", "", "niet_beoordeeld", "selectief", 7L, null, false);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(Workbook([table])));
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        var sst = reader.ReadToEnd();

        // ST_Xstring (ECMA-376 §22.9.2.19): "_x005F_" is a literal underscore, "_x0001_" the control character. This is
        // also what ClosedXML writes; its own reader decodes "_x005F_x0041_" one step too far (to "A"), Excel and LibreOffice do not.
        Assert.Contains(">_x005F_x0041_<", sst, StringComparison.Ordinal);
        Assert.Contains(">stuur_x0001_teken<", sst, StringComparison.Ordinal);
        Assert.Contains("<x:t xml:space=\"preserve\"> voor</x:t>", sst, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_tables_give_the_same_bytes()
    {
        Assert.Equal(Workbook(GeneratedPublication(500)), Workbook(GeneratedPublication(500)));
    }

    [Fact]
    public void Writing_a_large_workbook_allocates_far_less_than_ClosedXML_cells_did()
    {
        var tables = GeneratedPublication(20_000);
        var cells = tables.Sum(t => (long)t.RowCount * t.Spec.Columns.Count);
        Workbook(GeneratedPublication(10));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var xlsx = Workbook(tables);

        var perCell = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)cells;
        Assert.True(xlsx.Length > 0);
        // ClosedXML's cells took about 1 KB each, and as much again to save them; streamed: about 270 bytes
        // (boxed values read twice, the widths' texts, the output buffer), none of it kept.
        Assert.True(perCell < 400, $"{perCell:0} bytes per cel toegewezen ({cells} cellen)");
    }
}
