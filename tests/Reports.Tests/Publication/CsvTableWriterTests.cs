using System.Text;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>The CSV dialect of publicatie §3 and the rounding of methode-v1 §7.</summary>
public sealed class CsvTableWriterTests
{
    [Theory]
    [InlineData(2.675, 2, "2.67")]                 // the exact binary value is 2.67499999999999982…
    [InlineData(-2.675, 2, "-2.67")]
    [InlineData(0.125, 2, "0.13")]                 // exact in binary: half away from zero
    [InlineData(-0.125, 2, "-0.13")]
    [InlineData(1.005, 2, "1.00")]                 // 1.00499999999999989…
    [InlineData(0.12349999999999999, 3, "0.123")]
    [InlineData(0.0005, 3, "0.001")]
    [InlineData(-0.0004, 3, "0.000")]              // rounds to zero: no sign
    [InlineData(-0.00049999, 3, "0.000")]
    [InlineData(12.25, 1, "12.3")]
    [InlineData(0.15, 1, "0.1")]                   // 0.1499999999999999944…
    [InlineData(0.25, 1, "0.3")]
    [InlineData(1234567.891, 1, "1234567.9")]      // no thousands separator
    [InlineData(1e-7, 4, "0.0000")]
    [InlineData(0.17491666666666658, 4, "0.1749")]
    public void Numbers_are_rounded_half_away_from_zero_on_the_exact_binary_value_with_a_point_and_no_negative_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, CsvTableWriter.Format(value, new ColumnSpec("x", ColumnType.Number, "X", "x", decimals)));

    [Fact]
    public void Writes_UTF8_without_BOM_with_LF_quoting_only_where_needed()
    {
        var table = PublicationTables.Programmas.NewTable();
        table.Add("GM0935", "Maastricht", 2025L, "P,1", "Rots & Water \"Zuid\"", null, "jeugdigen", 4L, 11L, "weerbaarheid",
            "sociale_aansluiting|veiligheid", "goed_onderbouwd", null, 0L, 1250.5, false);
        table.Add("GM0935", "Maastricht", 2025L, "P2", "Café\nnieuw", "GGD", "ouders", 0L, 3L, "opvoedvaardigheden", null,
            "effectief_eerste", "universeel", 7L, null, true);

        var bytes = CsvTableWriter.Write(table);
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("\r", text);
        Assert.Equal(
            "gemeente,gemeente_naam,jaar,programma_id,naam,aanbieder,doelgroep,leeftijd_van,leeftijd_tot,thema_primair,themas_secundair,erkenning,preventietype,deelnemers,budget_eur,onderdrukt\n" +
            "GM0935,Maastricht,2025,\"P,1\",\"Rots & Water \"\"Zuid\"\"\",,jeugdigen,4,11,weerbaarheid,sociale_aansluiting|veiligheid,goed_onderbouwd,,0,1250.50,false\n" +
            "GM0935,Maastricht,2025,P2,\"Café\nnieuw\",GGD,ouders,0,3,opvoedvaardigheden,,effectief_eerste,universeel,7,,true\n",
            text);
        Assert.Equal(bytes, CsvTableWriter.Write(table));
    }

    [Fact]
    public void Dates_are_ISO_8601_UTC()
    {
        var table = PublicationTables.Datakwaliteit.NewTable();
        table.Add(3L, "drop", "GM0935", "metingen", 2025L, "GM0935/metingen/m.csv", new string('a', 64),
            new DateTimeOffset(2025, 10, 1, 10, 30, 5, TimeSpan.FromHours(2)), "geaccepteerd", null, 0L, 0L, 0L);
        Assert.EndsWith("2025-10-01T08:30:05Z,geaccepteerd,,0,0,0\n", Encoding.UTF8.GetString(CsvTableWriter.Write(table)));
    }
}
