using System.Text;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Reports.Tests.Review;

public sealed class ExcelCsvTests
{
    [Fact]
    public void The_Excel_NL_variant_has_a_BOM_semicolons_and_a_decimal_comma_in_number_columns_only()
    {
        var csv = Encoding.UTF8.GetBytes(
            "gemeente,gemeente_naam,jaar,thema,programmas,deelnemers,score,effect_g,effect_ci_laag,effect_ci_hoog,k,tau2,paren,bevolking_0_23,bereik_pct,onderdrukt\n" +
            "GM0935,\"Maastricht; stad\",2025,weerbaarheid,6,3760,16.5,0.339,-0.108,0.786,4,0.1989,390,40296,9.3,false\n" +
            "GM0938,Meerssen,2025,veiligheid,1,,2.0,,,,0,,,18000,,true\n");
        var bytes = ExcelCsv.Convert(csv, PublicationTables.ScoresGemeenteThema);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("gemeente;gemeente_naam;jaar;thema;programmas;deelnemers;score;effect_g;effect_ci_laag;effect_ci_hoog;k;tau2;paren;bevolking_0_23;bereik_pct;onderdrukt", lines[0]);
        Assert.Equal("GM0935;\"Maastricht; stad\";2025;weerbaarheid;6;3760;16,5;0,339;-0,108;0,786;4;0,1989;390;40296;9,3;false", lines[1]);
        Assert.Equal("GM0938;Meerssen;2025;veiligheid;1;;2,0;;;;0;;;18000;;true", lines[2]);
    }
}
