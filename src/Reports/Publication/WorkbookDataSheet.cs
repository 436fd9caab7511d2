using System.Globalization;
using System.Xml;
using ClosedXML.Excel;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// One data sheet of the workbook: Dutch headers in row 1 (bold, frozen, autofilter), every cell by its declared
/// column type (<see cref="WorkbookCells"/>), numbers rounded exactly as in the CSV, a cell emptied by disclosure
/// control as the text <c>&lt; k_min</c>. Further tables on the sheet follow as blocks of their own below an empty
/// row, each with its own bold header row (methode-v2 §10: "Duurzaamheid").
/// <para>
/// Written in two passes so a large sheet is never held as cells: <see cref="Measure"/> reads every value once
/// for the column widths, the shared strings and the styles; ClosedXML then writes the sheet's frame (header row,
/// widths, frozen row, autofilter; <see cref="WriteFrame"/>) and <see cref="WriteRows"/> streams the rows into the
/// package.
/// </para>
/// </summary>
internal sealed class WorkbookDataSheet
{
    private const double MinWidth = 8;
    private const double MaxWidth = 70;

    private readonly WorkbookSheet _sheet;
    private readonly string _suppressedText;
    private readonly double[] _widths;
    private readonly string[] _columnNames;
    private readonly int _lastRow;

    private WorkbookDataSheet(WorkbookSheet sheet, string suppressedText, double[] widths, int lastRow)
    {
        _sheet = sheet;
        _suppressedText = suppressedText;
        _widths = widths;
        _lastRow = lastRow;
        _columnNames = [.. Enumerable.Range(1, widths.Length).Select(ColumnName)];
    }

    public string Name => _sheet.Name;

    /// <summary>The used range, e.g. <c>A1:P1801</c>.</summary>
    public string Dimension => "A1:" + _columnNames[^1] + _lastRow.ToString(CultureInfo.InvariantCulture);

    /// <summary>First pass: the widths and the last row, and every style and text the sheet will use.</summary>
    public static WorkbookDataSheet Measure(WorkbookSheet sheet, int kMin, WorkbookStyles styles, WorkbookSharedStrings strings)
    {
        var suppressedText = "< " + kMin.ToString(CultureInfo.InvariantCulture);
        var widths = new double[sheet.Tables.Max(t => t.Spec.Columns.Count)];
        var top = 1;
        foreach (var table in sheet.Tables)
        {
            var columns = table.Spec.Columns;
            for (var c = 0; c < columns.Count; c++)
            {
                // Room for the bold header and the autofilter button; row 1 is written by ClosedXML.
                widths[c] = Math.Max(widths[c], columns[c].Header.Length + 4);
                if (top > 1)
                {
                    Register(WorkbookCells.Header(columns[c]), styles, strings);
                }
            }

            for (var r = 0; r < table.RowCount; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var cell = WorkbookCells.Of(table, r, c, suppressedText, measure: true);
                    Register(cell, styles, strings);
                    widths[c] = Math.Max(widths[c], cell.Length + 2);
                }
            }

            top += table.RowCount + 2;
        }

        return new WorkbookDataSheet(sheet, suppressedText, widths, top - 2);
    }

    /// <summary>The frame ClosedXML writes: header row 1 (bold), the autofilter over the first table, the column widths, row 1 frozen.</summary>
    public void WriteFrame(IXLWorksheet ws)
    {
        var first = _sheet.Tables[0];
        var columns = first.Spec.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = ws.Cell(1, c + 1);
            WorkbookWriter.Text(cell, columns[c].Header);
            cell.Style.Font.Bold = true;
        }

        ws.Range(1, 1, first.RowCount + 1, columns.Count).SetAutoFilter();
        for (var c = 0; c < _widths.Length; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(_widths[c], MinWidth, MaxWidth);
        }

        ws.SheetView.FreezeRows(1);
    }

    /// <summary>Second pass: every row below row 1, as <c>row</c> elements of the sheet's <c>sheetData</c> (namespace prefix <paramref name="prefix"/>).</summary>
    public void WriteRows(XmlWriter writer, string prefix, string ns, WorkbookStyles styles, WorkbookSharedStrings strings)
    {
        var buffer = new char[64];
        var top = 1;
        foreach (var table in _sheet.Tables)
        {
            var columns = table.Spec.Columns;
            if (top > 1)
            {
                var row = new WorkbookRowWriter(writer, prefix, ns, top, buffer);
                for (var c = 0; c < columns.Count; c++)
                {
                    row.Cell(_columnNames[c], WorkbookCells.Header(columns[c]), styles, strings);
                }

                row.End();
            }

            for (var r = 0; r < table.RowCount; r++)
            {
                var row = new WorkbookRowWriter(writer, prefix, ns, top + r + 1, buffer);
                for (var c = 0; c < columns.Count; c++)
                {
                    row.Cell(_columnNames[c], WorkbookCells.Of(table, r, c, _suppressedText, measure: false), styles, strings);
                }

                row.End();
            }

            top += table.RowCount + 2;
        }
    }

    private static void Register(WorkbookCell cell, WorkbookStyles styles, WorkbookSharedStrings strings)
    {
        if (cell.Kind == WorkbookCellKind.Empty)
        {
            return;
        }

        styles.Add(cell.Style);
        if (cell.Kind == WorkbookCellKind.Text)
        {
            strings.Add(cell.Text!);
        }
    }

    /// <summary>The column name of a 1-based column number: A, …, Z, AA, ….</summary>
    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }
}
