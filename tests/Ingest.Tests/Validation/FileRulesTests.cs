using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The file-level rules of aanleverformaat §4 and §6 that are not about the header, without a database.</summary>
public sealed class FileRulesTests
{
    private const string QuarantineTail = ": het hele bestand is geweigerd en alleen in de afgeschermde quarantaine bewaard";

    private static FileTally Tally(string? folder, params string?[] gemeenten)
    {
        var tally = new FileTally(folder);
        foreach (var gemeente in gemeenten)
        {
            tally.CountRow();
            tally.Observe(gemeente, new RawCell("2025"));
        }

        return tally;
    }

    [Fact]
    public void Placement()
    {
        Assert.Equal(new Refusal("map 'sport' is geen dataset"), FileRules.Placement("map 'sport' is geen dataset", Dataset.Metingen));
        Assert.Equal(new Refusal("onbekende dataset"), FileRules.Placement(null, null));
        Assert.Null(FileRules.Placement(null, Dataset.Programmas));
    }

    [Fact]
    public void Unreadable_leaves_the_number_of_rows_unknown() =>
        Assert.Equal(new Refusal("bestand is geen geldig XLSX-bestand", Quarantine: false, RowsKnown: false),
            FileRules.Unreadable("bestand is geen geldig XLSX-bestand"));

    [Fact]
    public void A_file_with_a_BSN_is_refused_to_the_quarantine_naming_the_rows()
    {
        var tally = Tally("GM0935", "GM0935", "GM0935", "GM0935");
        tally.CountBsn(3);
        tally.CountBsn(9);

        Assert.Equal(new Refusal(
            "bestand bevat 2 deelnemer-waarde(n) die een BSN lijken (9 cijfers die de elfproef doorstaan), op rij 3, 9" + QuarantineTail,
            Quarantine: true), FileRules.AfterReading(tally));
        Assert.False(FileRules.AfterReading(tally, rowsKnown: false)!.RowsKnown);
    }

    [Theory]
    [InlineData(20, "")]
    [InlineData(21, " en 1 meer (zie de fouten)")]
    [InlineData(45, " en 25 meer (zie de fouten)")]
    public void At_most_twenty_BSN_rows_are_named(int count, string more)
    {
        var tally = new FileTally(null);
        for (var row = 2; row < 2 + count; row++)
        {
            tally.CountRow();
            tally.CountBsn(row);
        }

        var listed = string.Join(", ", Enumerable.Range(2, Math.Min(count, FileTally.ListedBsnRows)));
        Assert.Equal(
            $"bestand bevat {count} deelnemer-waarde(n) die een BSN lijken (9 cijfers die de elfproef doorstaan), op rij {listed}{more}" + QuarantineTail,
            FileRules.LooksLikeBsn(tally)!.Reason);
        Assert.Equal(Math.Min(count, FileTally.ListedBsnRows), tally.BsnRowNumbers.Count);
    }

    [Fact]
    public void A_BSN_decides_before_the_municipality()
    {
        var tally = Tally("GM0935", "GM0938");
        tally.CountBsn(2);

        Assert.True(FileRules.AfterReading(tally)!.Quarantine);
    }

    [Fact]
    public void A_file_without_data_rows() =>
        Assert.Equal(new Refusal("bestand bevat geen gegevensrijen"), FileRules.AfterReading(Tally("GM0935")));

    [Fact]
    public void No_row_of_the_folders_municipality_names_the_most_common_other()
    {
        Assert.Equal(new Refusal("bestand staat in map GM0935 maar gemeente is GM0938"),
            FileRules.AfterReading(Tally("GM0935", "GM0981", "gm0938", "GM0938", null)));
        Assert.Equal("bestand staat in map GM0935 maar gemeente is GM0938",
            FileRules.WrongGemeente(Tally("GM0935", "GM0981", "GM0938"))!.Reason); // a tie: the first in ordinal order
        Assert.Equal(new Refusal("bestand staat in map GM0935 maar geen enkele rij heeft gemeente GM0935"),
            FileRules.AfterReading(Tally("GM0935", null, null)));
    }

    [Fact]
    public void One_row_of_the_folders_municipality_is_enough_and_without_folder_there_is_no_rule()
    {
        Assert.Null(FileRules.AfterReading(Tally("GM0935", "GM0938", "GM0938", "gm0935")));
        Assert.Null(FileRules.AfterReading(Tally(null, "GM0938")));
    }

    [Theory]
    [InlineData(10, 5, false)]
    [InlineData(10, 6, true)]
    [InlineData(1, 1, true)]
    [InlineData(3, 1, false)]
    [InlineData(3, 2, true)]
    public void More_than_half_invalid(int rows, int invalid, bool refused)
    {
        var refusal = FileRules.TooManyInvalid(rows, invalid);

        Assert.Equal(refused
            ? new Refusal($"meer dan de helft van de gegevensrijen is ongeldig ({invalid} van {rows}, dubbele rijen meegeteld)")
            : null, refusal);
    }

    [Fact]
    public void Years_seen_in_any_row_from_1900_to_2100()
    {
        var tally = new FileTally("GM0935");
        foreach (var jaar in new[] { new RawCell(" 2024 "), new RawCell(null, 2025.0), new RawCell("2024"), new RawCell("1900"), new RawCell("2100"),
                     new RawCell("1899"), new RawCell("2101"), new RawCell(null, 2023.5), new RawCell("twintig"), new RawCell("+2022"), RawCell.Empty })
        {
            tally.Observe("GM0935", jaar);
        }

        Assert.Equal([1900, 2024, 2025, 2100], tally.ObservedYears());
        Assert.Equal(11, tally.GemeenteMatches);
    }

    [Fact]
    public void Counts()
    {
        var tally = new FileTally(null);
        tally.CountRow();
        tally.CountRow();
        tally.CountInvalid();

        Assert.Equal((2, 1, 0), (tally.Rows, tally.InvalidRows, tally.BsnRows));
        Assert.Equal(new RowIssue("deelnemer", null, "deelnemer lijkt een BSN (elfproef)"), FileRules.BsnRowIssue);
    }
}
