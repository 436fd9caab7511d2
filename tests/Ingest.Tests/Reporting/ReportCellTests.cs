using Preventiemonitor.Ingest.Reporting;

namespace Preventiemonitor.Ingest.Tests.Reporting;

/// <summary>OWASP CSV injection and the BSN mask in the delivery report (issue 13, aanleverformaat §4).</summary>
public sealed class ReportCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("gewone tekst", "gewone tekst")]
    [InlineData("", "")]
    [InlineData("deelnemer 123456782", "deelnemer [BSN verborgen]")]
    public void A_value_never_acts_as_a_formula_and_never_shows_a_bsn(string value, string expected) =>
        Assert.Equal(expected, ReportCell.Safe(value));
}
