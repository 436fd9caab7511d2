using Preventiemonitor.Ingest.Parsing;
using static Preventiemonitor.Ingest.Tests.Parsing.ParsingTestFiles;

namespace Preventiemonitor.Ingest.Tests.Parsing;

public sealed class CsvRowReaderTests
{
    [Fact]
    public void Utf8WithoutBomAndComma()
    {
        var result = Read("utf8.csv");

        Assert.Equal(FileFormat.Csv, result.Format);
        Assert.Equal(["programma_id", "naam", "deelnemers"], result.Header);
        Assert.False(result.DecimalCommaAllowed);
        Assert.Equal("CSV, UTF-8 zonder BOM, scheidingsteken ','", result.Description);
        Assert.Equal([2L, 3L], result.Rows.Select(r => r.RowNumber));
        Assert.Equal(["P1", "Café Zuid", "12"], Texts(result.Rows[0]));
        Assert.Equal(["P2", "Ouders & Kind", "7"], Texts(result.Rows[1]));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Utf8WithBomAndSemicolonAllowsDecimalComma()
    {
        var result = Read("utf8-bom-semicolon.csv");

        Assert.Equal("CSV, UTF-8 met BOM, scheidingsteken ';'", result.Description);
        Assert.Equal("programma_id", result.Header[0]);
        Assert.True(result.DecimalCommaAllowed);
        Assert.Equal(["P1", "Weerbaar – Heuvelland", "3,5"], Texts(result.Rows[0]));
        Assert.Equal(["P2", "Eën", "10"], Texts(result.Rows[1]));
    }

    [Fact]
    public void InvalidUtf8IsReadAsWindows1252()
    {
        var result = Read("windows-1252.csv");

        Assert.Equal("CSV, Windows-1252, scheidingsteken ';'", result.Description);
        Assert.Equal(["programma_id", "naam", "aanbieder"], result.Header);
        Assert.Equal(["P1", "Rots & Water – Maastricht-Zuid", "café"], Texts(result.Rows[0]));
        Assert.Equal(["P2", "Zoë", "Ouderë"], Texts(result.Rows[1]));
        Assert.Equal([2L, 3L], result.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void TabDelimiterAllowsDecimalComma()
    {
        var result = Read("tab.csv");

        Assert.Equal("CSV, UTF-8 zonder BOM, scheidingsteken tab", result.Description);
        Assert.True(result.DecimalCommaAllowed);
        Assert.Equal(["P1", "A, B en C", "4,25"], Texts(result.Rows[0]));
    }

    [Fact]
    public void QuotedFieldsKeepPhysicalLineNumbers()
    {
        var result = Read("quoted.csv");

        Assert.Equal([2L, 3L, 5L, 8L, 9L, 10L, 11L], result.Rows.Select(r => r.RowNumber));
        Assert.Equal(["P1", "Rots, Water", "zegt \"hallo\""], Texts(result.Rows[0]));
        Assert.Equal(["P2", "Twee\nregels", "x"], Texts(result.Rows[1]));
        Assert.Equal(["P3", "Drie\r\nregels\nlang", "y"], Texts(result.Rows[2]));
        Assert.Equal(["P4", "b", "c"], Texts(result.Rows[3]));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void EmptyLineInTheMiddleIsARowWithEmptyCells()
    {
        var row = Read("quoted.csv").Rows.Single(r => r.RowNumber == 9);

        Assert.Equal(3, row.Cells.Count);
        Assert.All(row.Cells, cell => Assert.True(cell.IsEmpty));
    }

    [Fact]
    public void ShortRowsArePaddedAndLongRowsCountTheirExtraCells()
    {
        var rows = Read("quoted.csv").Rows;

        var shortRow = rows.Single(r => r.RowNumber == 10);
        Assert.Equal(["P5", "kort", ""], Texts(shortRow));
        Assert.True(shortRow.Cells[2].IsEmpty);
        Assert.Equal(0, shortRow.ExtraNonEmptyCells);

        var longRow = rows.Single(r => r.RowNumber == 11);
        Assert.Equal(["P6", "a", "b"], Texts(longRow));
        Assert.Equal(1, longRow.ExtraNonEmptyCells);
    }

    [Fact]
    public void EmptyTrailingLinesAreIgnored()
    {
        Assert.Equal(11L, Read("quoted.csv").Rows[^1].RowNumber);
    }

    [Fact]
    public void EmptyFileIsRefused()
    {
        Assert.Equal("bestand is leeg: geen kopregel gevonden", Refused("empty.csv").Message);
        Assert.Equal("bestand is leeg: geen kopregel gevonden", Refused("blank-lines.csv").Message);
    }

    [Fact]
    public void HeaderOnlyFileHasNoRows()
    {
        using var temp = new TempDirectory();
        var path = temp.File("kop.csv");
        File.WriteAllText(path, "programma_id;naam\r\n\r\n");

        var result = ReadPath(path);

        Assert.Equal(["programma_id", "naam"], result.Header);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void MissingHeaderOnLineOneIsRefused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("geen-kop.csv");
        File.WriteAllText(path, "\nprogramma_id;naam\nP1;a\n");

        Assert.StartsWith("regel 1 is leeg", RefusedPath(path).Message);
    }

    [Fact]
    public void StrayQuoteIsAWarningWithItsLine()
    {
        using var temp = new TempDirectory();
        var path = temp.File("quote.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,ab\"c\n4,5\n");

        var result = ReadPath(path);

        Assert.Equal([2L, 3L, 4L], result.Rows.Select(r => r.RowNumber));
        Assert.StartsWith("regel 3: ongeldig gebruik van aanhalingstekens", Assert.Single(result.Warnings));
    }

    [Fact]
    public void UnclosedQuoteSwallowingAHugeFieldIsRefused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("open.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("a,b\n1,2\n3,\"open\n");
            for (var i = 0; i < 200_000; i++)
            {
                writer.Write("4,5,6,7,8,9\n");
            }
        }

        Assert.StartsWith("regel 3: een veld is langer dan", RefusedPath(path).Message);
    }

    [Fact]
    public void DelimiterCountsOnlyOutsideQuotes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("kop.csv");
        File.WriteAllText(path, "\"a;b;c;d\",e\n1,2\n");

        var result = ReadPath(path);

        Assert.Equal(["a;b;c;d", "e"], result.Header);
        Assert.Equal(["1", "2"], Texts(result.Rows[0]));
    }

    [Fact]
    public void SingleColumnFileDefaultsToComma()
    {
        using var temp = new TempDirectory();
        var path = temp.File("een.csv");
        File.WriteAllText(path, "programma_id\nP1\n");

        var result = ReadPath(path);

        Assert.Equal("CSV, UTF-8 zonder BOM, scheidingsteken ','", result.Description);
        Assert.Equal(["P1"], Texts(Assert.Single(result.Rows)));
    }
}
