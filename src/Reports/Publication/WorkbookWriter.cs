using System.Globalization;
using ClosedXML.Excel;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Writes tussenrapportage.xlsx (publicatie §5): a "Toelichting" sheet a researcher can cite, then one
/// sheet per table ("Duurzaamheid": two) in the order of <see cref="PublicationTables.WorkbookSheetTables"/>.
/// <list type="bullet">
/// <item>Row 1 holds the Dutch headers, bold and frozen, with an autofilter over the data; column widths
/// are computed from the headers and values (ClosedXML cannot measure text on Linux: no GDI+).</item>
/// <item>Text is always written as text (never a formula, number or date): <c>=HYPERLINK(…)</c>,
/// <c>3-4</c> and <c>0012</c> stay exactly as delivered.</item>
/// <item>Integers are numeric cells with format <c>0</c>; numbers are numeric cells holding the value
/// rounded half away from zero to the column's decimals (methode-v1 §7, no negative zero) with a fixed
/// format such as <c>0.000</c>.</item>
/// <item>Booleans are the Dutch text <c>ja</c>/<c>nee</c> (the CSV files have <c>true</c>/<c>false</c>);
/// times are date-time cells in UTC with format <c>yyyy-mm-dd hh:mm:ss</c>; missing values are empty cells.</item>
/// <item>A cell emptied by disclosure control shows the text <c>&lt; k_min</c> (e.g. <c>&lt; 10</c>),
/// right-aligned, in grey italics.</item>
/// </list>
/// The data sheets are streamed (<see cref="WorkbookDataSheet"/>, <see cref="WorkbookPackage"/>): ClosedXML writes the
/// Toelichting sheet and each data sheet's frame, the rows go straight into the package, so memory does not grow
/// with the number of cells.
/// The workbook's created/modified time is the publication time and the package is normalised (fixed
/// zip timestamps and entry order, no random part names or ids), so the same content gives the same bytes.
/// </summary>
public static class WorkbookWriter
{
    public const string ToelichtingSheet = "Toelichting";

    private const string Author = "Preventiemonitor";
    internal const string Region = "Maastricht-Heuvelland";

    /// <summary>Writes the workbook and returns the bytes of the .xlsx file.</summary>
    public static byte[] Write(WorkbookContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.KMin < 1)
        {
            throw new ArgumentException($"k_min moet minstens 1 zijn, niet {content.KMin}.", nameof(content));
        }

        var sheets = SheetsInOrder(content.Tables);
        var publishedAt = content.PublishedAt.ToUniversalTime();

        using var wb = new XLWorkbook();
        wb.Properties.Author = Author;
        wb.Properties.LastModifiedBy = Author;
        wb.Properties.Company = string.Empty;
        wb.Properties.Title = Title(content.Year);
        wb.Properties.Subject = content.Label;
        wb.Properties.Created = publishedAt.UtcDateTime;
        wb.Properties.Modified = publishedAt.UtcDateTime;

        // First pass over the tables (widths, texts, formats), then the frame by ClosedXML, then the rows streamed into it.
        var styles = new WorkbookStyles();
        var strings = new WorkbookSharedStrings();
        var dataSheets = sheets.Select(s => WorkbookDataSheet.Measure(s, content.KMin, styles, strings)).ToList();
        WorkbookToelichting.Write(wb.Worksheets.Add(ToelichtingSheet), content, sheets, publishedAt);
        foreach (var sheet in dataSheets)
        {
            sheet.WriteFrame(wb.Worksheets.Add(sheet.Name));
        }

        using var raw = new MemoryStream();
        wb.SaveAs(raw);
        return WorkbookPackage.Assemble(OpenXmlPackage.Normalise(raw.ToArray(), publishedAt), dataSheets, styles, strings, publishedAt);
    }

    internal static string Title(int year) => $"Tussenrapportage {year.ToString(CultureInfo.InvariantCulture)} – Preventiemonitor {Region}";

    /// <summary>
    /// The given tables that have a workbook sheet, grouped by sheet, in the order of
    /// <see cref="PublicationTables.WorkbookSheetTables"/> (v1's sheets, and for method v2 "Duurzaamheid"
    /// with two blocks and "Doelgroepen" after "Witte vlekken").
    /// </summary>
    private static List<WorkbookSheet> SheetsInOrder(IReadOnlyList<PublishedTable> tables)
    {
        var result = new List<WorkbookSheet>();
        foreach (var spec in PublicationTables.WorkbookSheetTables)
        {
            var matches = tables.Where(t => t.Spec.Name == spec.Name).ToList();
            if (matches.Count > 1)
            {
                throw new ArgumentException($"Tabel {spec.Name} is meer dan eens meegegeven.", nameof(tables));
            }

            if (matches.Count == 1)
            {
                var sheet = matches[0].Spec.Sheet;
                if (string.IsNullOrEmpty(sheet))
                {
                    throw new ArgumentException($"Tabel {spec.Name} heeft geen tabblad.", nameof(tables));
                }

                if (result.Count > 0 && result[^1].Name == sheet)
                {
                    result[^1].Tables.Add(matches[0]);
                }
                else
                {
                    result.Add(new WorkbookSheet(sheet, [matches[0]]));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Writes text as text: never a formula, number or date. A text that Excel would read as a formula
    /// when the cell is edited (=, +, -, @) also gets the quote prefix.
    /// </summary>
    internal static void Text(IXLCell cell, string text)
    {
        cell.SetValue<string>(text);
        if (WorkbookCells.NeedsQuotePrefix(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
