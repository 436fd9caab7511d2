using System.Globalization;
using ClosedXML.Excel;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>Reads a workbook back with ClosedXML and compares every numeric cell with the CSV cell of the same row and column.</summary>
internal static class WorkbookCsvComparison
{
    /// <summary>Asserts equality and returns the number of numbers compared.</summary>
    public static int AssertEqual(byte[] xlsx, IReadOnlyDictionary<string, byte[]> csvs, IReadOnlyList<TableSpec>? sheets = null)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var compared = 0;
        foreach (var spec in sheets ?? PublicationTables.WorkbookSheets)
        {
            var ws = workbook.Worksheet(spec.Sheet!);
            var (header, rows) = CsvTableReader.ReadText(csvs[spec.Name]);
            Assert.Equal(spec.Columns.Select(c => c.Name), header);
            Assert.Equal(rows.Count + 1, ws.LastRowUsed()?.RowNumber() ?? 1);
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < spec.Columns.Count; c++)
                {
                    if (spec.Columns[c].Type is not (ColumnType.Number or ColumnType.Integer))
                    {
                        continue;
                    }

                    var cell = ws.Cell(r + 2, c + 1);
                    var text = rows[r][c];
                    var where = $"{spec.Name}, rij {(r + 1).ToString(CultureInfo.InvariantCulture)}, kolom {spec.Columns[c].Name}";
                    if (text.Length == 0)
                    {
                        Assert.True(cell.IsEmpty() || cell.GetString().StartsWith("< ", StringComparison.Ordinal), where);
                        continue;
                    }

                    Assert.True(cell.DataType == XLDataType.Number, $"{where}: geen getal in het werkboek");
                    var value = cell.GetValue<double>();
                    Assert.True(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == value,
                        $"{where}: CSV {text}, werkboek {value.ToString("R", CultureInfo.InvariantCulture)}");
                    Assert.Equal(text, value.ToString("F" + spec.Columns[c].Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                    compared++;
                }
            }
        }

        return compared;
    }
}
