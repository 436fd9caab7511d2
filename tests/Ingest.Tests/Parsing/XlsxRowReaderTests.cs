using System.IO.Compression;
using ClosedXML.Excel;
using Preventiemonitor.Ingest.Parsing;
using static Preventiemonitor.Ingest.Tests.Parsing.ParsingTestFiles;

namespace Preventiemonitor.Ingest.Tests.Parsing;

public sealed class XlsxRowReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadsTheSheetNamedAfterTheDatasetEvenWhenItIsNotFirst()
    {
        var path = Workbook(wb =>
        {
            var info = wb.Worksheets.Add("Toelichting");
            info.Cell(1, 1).SetValue("lees mij");
            var sheet = wb.Worksheets.Add("Metingen");
            sheet.Cell(1, 1).SetValue("programma_id");
            sheet.Cell(1, 2).SetValue("deelnemer");
            sheet.Cell(2, 1).SetValue("P1");
            sheet.Cell(2, 2).SetValue("D-001");
        });

        var result = ReadPath(path, "metingen");

        Assert.Equal(FileFormat.Xlsx, result.Format);
        Assert.Equal("XLSX, werkblad 'Metingen'", result.Description);
        Assert.Equal(["programma_id", "deelnemer"], result.Header);
        Assert.False(result.DecimalCommaAllowed);
        var row = Assert.Single(result.Rows);
        Assert.Equal(2L, row.RowNumber);
        Assert.Equal(["P1", "D-001"], Texts(row));
    }

    [Fact]
    public void FallsBackToTheFirstSheet()
    {
        var path = Workbook(wb =>
        {
            var first = wb.Worksheets.Add("Blad1");
            first.Cell(1, 1).SetValue("programma_id");
            first.Cell(2, 1).SetValue("P9");
            wb.Worksheets.Add("Blad2").Cell(1, 1).SetValue("anders");
        });

        var result = ReadPath(path, "metingen");

        Assert.Equal("XLSX, werkblad 'Blad1' (geen werkblad 'metingen', eerste werkblad gebruikt)", result.Description);
        Assert.Equal(["P9"], Texts(Assert.Single(result.Rows)));
    }

    [Fact]
    public void EmptyRowsAreSkippedAndRowNumbersStayTheSheets()
    {
        var path = Workbook(wb =>
        {
            var sheet = wb.Worksheets.Add("programmas");
            sheet.Cell(1, 1).SetValue("programma_id");
            sheet.Cell(1, 2).SetValue("naam");
            sheet.Cell(2, 1).SetValue("P1");
            sheet.Cell(3, 2).Style.Fill.BackgroundColor = XLColor.Yellow;
            sheet.Cell(5, 1).SetValue("P5");
            sheet.Cell(5, 2).SetValue("vijf");
            sheet.Cell(9, 2).SetValue("negen");
        });

        var result = ReadPath(path);

        Assert.Equal([2L, 5L, 9L], result.Rows.Select(r => r.RowNumber));
        Assert.Equal(["P1", ""], Texts(result.Rows[0]));
        Assert.Equal(["P5", "vijf"], Texts(result.Rows[1]));
        Assert.Equal(["", "negen"], Texts(result.Rows[2]));
    }

    [Fact]
    public void NumberDateBooleanAndTextCells()
    {
        var path = Workbook(wb =>
        {
            var sheet = wb.Worksheets.Add("metingen");
            string[] header = ["score", "datum", "leeftijd", "tekstgetal", "vlag", "tekstdatum"];
            for (var i = 0; i < header.Length; i++)
            {
                sheet.Cell(1, i + 1).SetValue(header[i]);
            }

            sheet.Cell(2, 1).SetValue(3.25);
            sheet.Cell(2, 2).SetValue(new DateTime(2025, 3, 14));
            sheet.Cell(2, 3).SetValue(12);
            sheet.Cell(2, 4).SetValue<string>("7,5");
            sheet.Cell(2, 5).SetValue(true);
            sheet.Cell(2, 6).SetValue<string>("14-03-2025");
            sheet.Cell(3, 1).SetValue(0.1 + 0.2);
        });

        var rows = ReadPath(path, "metingen").Rows;
        var cells = rows[0].Cells;

        Assert.Equal(new RawCell("3.25", Number: 3.25), cells[0]);
        Assert.Equal(new RawCell("2025-03-14", Date: new DateTime(2025, 3, 14)), cells[1]);
        Assert.Equal(new RawCell("12", Number: 12), cells[2]);
        Assert.Equal(new RawCell("7,5"), cells[3]);
        Assert.Equal(new RawCell("true"), cells[4]);
        Assert.Equal(new RawCell("14-03-2025"), cells[5]);
        var computed = rows[1].Cells[0];
        Assert.Equal(computed.Number, double.Parse(computed.Text!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CellsRightOfTheHeaderAreCounted()
    {
        var path = Workbook(wb =>
        {
            var sheet = wb.Worksheets.Add("programmas");
            sheet.Cell(1, 1).SetValue("programma_id");
            sheet.Cell(2, 1).SetValue("P1");
            sheet.Cell(2, 3).SetValue("los");
        });

        var row = Assert.Single(ReadPath(path).Rows);

        Assert.Equal(["P1"], Texts(row));
        Assert.Equal(1, row.ExtraNonEmptyCells);
    }

    [Fact]
    public void EmptyFirstRowIsRefused()
    {
        var path = Workbook(wb =>
        {
            var sheet = wb.Worksheets.Add("programmas");
            sheet.Cell(2, 1).SetValue("programma_id");
            sheet.Cell(3, 1).SetValue("P1");
        });

        Assert.Equal("werkblad 'programmas' heeft geen kopregel op rij 1", RefusedPath(path).Message);
    }

    [Fact]
    public void ZipBombIsRefusedBeforeReading()
    {
        var path = Workbook(wb =>
        {
            var sheet = wb.Worksheets.Add("programmas");
            sheet.Cell(1, 1).SetValue("programma_id");
            sheet.Cell(2, 1).SetValue("P1");
        });

        var refused = RefusedPath(path, limits: new ParseLimits { MaxXlsxUncompressedBytes = 1024 });

        Assert.Equal("XLSX is uitgepakt groter dan 1.024 bytes (zipbom?)", refused.Message);
    }

    [Fact]
    public void ZipBombMessageUsesMebibytes()
    {
        var path = _temp.File("bom.xlsx");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var content = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 3; i++)
            {
                content.Write(zeros);
            }
        }

        var refused = RefusedPath(path, limits: new ParseLimits { MaxXlsxUncompressedBytes = 2 * 1024 * 1024 });

        Assert.Equal("XLSX is uitgepakt groter dan 2 MiB (zipbom?)", refused.Message);
    }

    [Fact]
    public void TooManyCellsIsRefused()
    {
        var path = Workbook(wb =>
        {
            var sheet = wb.Worksheets.Add("programmas");
            for (var row = 1; row <= 4; row++)
            {
                sheet.Cell(row, 1).SetValue($"a{row}");
                sheet.Cell(row, 2).SetValue($"b{row}");
            }
        });

        Assert.Equal(3, ReadPath(path, limits: new ParseLimits { MaxXlsxCells = 8 }).Rows.Count);
        Assert.Equal("XLSX bevat meer dan 7 cellen", RefusedPath(path, limits: new ParseLimits { MaxXlsxCells = 7 }).Message);
    }

    [Fact]
    public void FileThatIsNotAZipIsRefused()
    {
        var path = _temp.File("kapot.xlsx");
        File.WriteAllText(path, "programma_id;naam\nP1;geen excel\n");

        Assert.StartsWith("bestand is geen geldig XLSX-bestand", RefusedPath(path).Message);
    }

    [Fact]
    public void ZipWithoutWorkbookIsRefused()
    {
        var path = _temp.File("leeg.xlsx");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("geen werkmap");
        }

        Assert.StartsWith("bestand is geen geldig XLSX-bestand", RefusedPath(path).Message);
    }

    [Fact]
    public void TruncatedWorkbookIsRefused()
    {
        var path = Workbook(wb => wb.Worksheets.Add("programmas").Cell(1, 1).SetValue("programma_id"));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.StartsWith("bestand is geen geldig XLSX-bestand", RefusedPath(path).Message);
    }

    private string Workbook(Action<XLWorkbook> build)
    {
        var path = _temp.File(Guid.NewGuid().ToString("N") + ".xlsx");
        using var workbook = new XLWorkbook();
        build(workbook);
        workbook.SaveAs(path);
        return path;
    }
}
