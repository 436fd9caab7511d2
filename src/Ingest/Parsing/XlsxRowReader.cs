using System.Text;
using ExcelDataReader;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// Streams one worksheet of an XLSX file with ExcelDataReader (aanleverformaat §3): the sheet named
/// after the dataset (case-insensitive), else the first sheet. Header on row 1; empty rows are skipped.
/// ExcelDataReader yields an empty record for every row missing from the sheet XML, so the row
/// number is counted here (row 1 = first record) and always equals the sheet's own row number.
/// Numbers carry <see cref="RawCell.Number"/>, date cells <see cref="RawCell.Date"/>; formula cells
/// give their cached value; error cells are empty.
/// </summary>
internal sealed class XlsxRowReader : IRowReader
{
    private readonly IExcelDataReader _excel;
    private readonly ParseLimits _limits;
    private readonly string _sheetName;
    private long _cellCount;
    private bool _enumerated;

    static XlsxRowReader()
    {
        // ExcelDataReader's configuration asks for Windows-1252 (its fallback for legacy formats);
        // registering the code-page provider is process-wide and idempotent.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private XlsxRowReader(IExcelDataReader excel, string datasetName, ParseLimits limits)
    {
        _excel = excel;
        _limits = limits;
        var found = XlsxSheet.Select(excel, datasetName);
        _sheetName = excel.Name ?? string.Empty;
        Description = found
            ? $"XLSX, werkblad '{_sheetName}'"
            : $"XLSX, werkblad '{_sheetName}' (geen werkblad '{datasetName}', eerste werkblad gebruikt)";
        Header = XlsxCells.Guard(ReadHeader);
    }

    public FileFormat Format => FileFormat.Xlsx;

    public IReadOnlyList<string> Header { get; }

    public bool DecimalCommaAllowed => false;

    public string Description { get; }

    public IReadOnlyList<string> Warnings { get; } = [];

    public static XlsxRowReader Open(Stream stream, string datasetName, ParseLimits limits)
    {
        XlsxZipGuard.Check(stream, limits);
        IExcelDataReader excel;
        try
        {
            excel = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception ex) when (XlsxCells.IsCorruptionError(ex))
        {
            throw XlsxCells.Corrupt(ex);
        }

        try
        {
            return new XlsxRowReader(excel, datasetName, limits);
        }
        catch (Exception ex) when (XlsxCells.IsCorruptionError(ex))
        {
            // Also a broken part found while the worksheets are listed (workbook, sheet names).
            excel.Dispose();
            throw XlsxCells.Corrupt(ex);
        }
        catch
        {
            excel.Dispose();
            throw;
        }
    }

    public IEnumerable<RawRow> ReadRows(CancellationToken cancellationToken)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("De rijen kunnen maar één keer worden gelezen.");
        }

        _enumerated = true;
        return ReadRowsCore(cancellationToken);
    }

    public void Dispose() => _excel.Dispose();

    private IEnumerable<RawRow> ReadRowsCore(CancellationToken cancellationToken)
    {
        long rowNumber = 1;
        while (XlsxCells.Guard(_excel.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowNumber++;
            var row = XlsxCells.Guard(() => CurrentRow(rowNumber));
            if (row is not null)
            {
                yield return row;
            }
        }
    }

    private string[] ReadHeader()
    {
        var noHeader = new FileRefusedException($"werkblad '{_sheetName}' heeft geen kopregel op rij 1");
        if (!_excel.Read())
        {
            throw noHeader;
        }

        var values = new List<string>();
        var lastNonEmpty = -1;
        for (var i = 0; i < _excel.FieldCount; i++)
        {
            var value = _excel.GetValue(i);
            if (value is not null)
            {
                CountCell();
            }

            var cell = XlsxCells.ToCell(value);
            values.Add(cell.Text ?? string.Empty);
            if (!cell.IsEmpty)
            {
                lastNonEmpty = i;
            }
        }

        if (lastNonEmpty < 0)
        {
            throw noHeader;
        }

        if (lastNonEmpty + 1 > _limits.MaxColumns)
        {
            throw _limits.TooManyColumns(lastNonEmpty + 1);
        }

        return [.. values.Take(lastNonEmpty + 1)];
    }

    /// <summary>The current record as a row, or null when all its cells are empty.</summary>
    private RawRow? CurrentRow(long rowNumber)
    {
        var cells = new RawCell[Header.Count];
        Array.Fill(cells, RawCell.Empty);
        var anyValue = false;
        var extra = 0;
        for (var i = 0; i < _excel.FieldCount; i++)
        {
            var value = _excel.GetValue(i);
            if (value is null)
            {
                continue;
            }

            CountCell();
            var cell = XlsxCells.ToCell(value);
            anyValue |= !cell.IsEmpty;
            if (i < cells.Length)
            {
                cells[i] = cell;
            }
            else if (!cell.IsEmpty)
            {
                extra++;
            }
        }

        return anyValue ? new RawRow(rowNumber, cells) { ExtraNonEmptyCells = extra } : null;
    }

    private void CountCell()
    {
        if (++_cellCount > _limits.MaxXlsxCells)
        {
            throw new FileRefusedException($"XLSX bevat meer dan {DutchNumbers.Count(_limits.MaxXlsxCells)} cellen");
        }
    }
}
