using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Writes tussenrapportage.xlsx (publicatie §5): a "Toelichting" sheet a researcher can cite, then one
/// sheet per table in the order of <see cref="PublicationTables.WorkbookSheets"/>.
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
/// The workbook's created/modified time is the publication time and the package is normalised (fixed
/// zip timestamps and entry order, no random part names or ids), so the same content gives the same bytes.
/// </summary>
public static partial class WorkbookWriter
{
    public const string ToelichtingSheet = "Toelichting";

    private const string Author = "Preventiemonitor";
    private const string Region = "Maastricht-Heuvelland";
    private const string PopulationSource = "Bron bevolking: CBS StatLine, tabel 03759ned (CC BY 4.0)";

    private const double MinWidth = 8;
    private const double MaxWidth = 70;
    private const double LineHeight = 15;

    private static readonly XLColor SuppressedColor = XLColor.FromArgb(0x59, 0x59, 0x59);

    private static readonly string[] ParameterOrder = ["n_min", "g_groot", "w_E", "w_O", "k_min"];

    private static readonly Dictionary<string, string> ParameterMeaning = new(StringComparer.Ordinal)
    {
        ["n_min"] = "Minimum aantal paren (voor- en nameting) voor een effect per programma en instrument",
        ["g_groot"] = "Effectgrootte g die het volle waargenomen effect O oplevert",
        ["w_E"] = "Gewicht van de onderbouwing (evidentie E) in de score",
        ["w_O"] = "Gewicht van het waargenomen effect O in de score",
        ["k_min"] = "Drempel voor kleine aantallen (zie 'Kleine aantallen' hieronder)",
    };

    private static readonly Dictionary<string, string> SheetDescription = new(StringComparer.Ordinal)
    {
        [PublicationTables.ScoresGemeenteThema.Name] = "Score, effect en bereik per gemeente en thema, en voor de regio (REGIO).",
        [PublicationTables.Programmas.Name] = "De programma's zoals geaccepteerd uit de inventarissen van de gemeenten.",
        [PublicationTables.Effecten.Name] = "Effect per programma en meetinstrument (voor- en nameting van dezelfde deelnemers).",
        [PublicationTables.WitteVlekken.Name] = "Per gemeente, thema en leeftijdsgroep: is er aanbod, en is dat bewezen effectief?",
        [PublicationTables.Suggesties.Name] = "Landelijk erkende interventies die een witte vlek zouden kunnen vullen.",
        [PublicationTables.Datakwaliteit.Name] = "Alle leveringen voor dit jaar, ook geweigerde, met gelezen, geaccepteerde en geweigerde rijen en waarschuwingen.",
    };

    private static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

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

        WriteToelichting(wb.Worksheets.Add(ToelichtingSheet), content, sheets, publishedAt);
        foreach (var table in sheets)
        {
            WriteTable(wb.Worksheets.Add(table.Spec.Sheet!), table, content.KMin);
        }

        using var raw = new MemoryStream();
        wb.SaveAs(raw);
        return OpenXmlPackage.Normalise(raw.ToArray(), publishedAt);
    }

    private static string Title(int year) => $"Tussenrapportage {year.ToString(CultureInfo.InvariantCulture)} – Preventiemonitor {Region}";

    /// <summary>The given tables that have a workbook sheet, in the order of <see cref="PublicationTables.WorkbookSheets"/>.</summary>
    private static List<PublishedTable> SheetsInOrder(IReadOnlyList<PublishedTable> tables)
    {
        var result = new List<PublishedTable>();
        foreach (var spec in PublicationTables.WorkbookSheets)
        {
            var matches = tables.Where(t => t.Spec.Name == spec.Name).ToList();
            if (matches.Count > 1)
            {
                throw new ArgumentException($"Tabel {spec.Name} is meer dan eens meegegeven.", nameof(tables));
            }

            if (matches.Count == 1)
            {
                if (string.IsNullOrEmpty(matches[0].Spec.Sheet))
                {
                    throw new ArgumentException($"Tabel {spec.Name} heeft geen tabblad.", nameof(tables));
                }

                result.Add(matches[0]);
            }
        }

        return result;
    }

    // ---------------------------------------------------------------- Toelichting

    /// <summary>Lays out the explanation sheet: A = labels, B = values, C = descriptions, D = SHA-256.</summary>
    private static void WriteToelichting(IXLWorksheet ws, WorkbookContent content, List<PublishedTable> sheets, DateTimeOffset publishedAt)
    {
        var k = content.KMin;
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var yearText = content.Year.ToString(CultureInfo.InvariantCulture);
        var iso = publishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var widthA = 28.0;
        var widthB = 20.0;
        var widthC = Math.Clamp(content.Deliveries.Select(d => d.File.Length + 2.0).DefaultIfEmpty(0).Max(), 50, 80);
        var widthD = 68.0;
        ws.Column(1).Width = widthA;
        ws.Column(2).Width = widthB;
        ws.Column(3).Width = widthC;
        ws.Column(4).Width = widthD;

        var row = 1;
        var title = ws.Cell(row, 1);
        Text(title, Title(content.Year));
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        row += 2;

        void Section(string name)
        {
            var c = ws.Cell(row, 1);
            Text(c, name);
            c.Style.Font.Bold = true;
            c.Style.Font.FontSize = 12;
            row++;
        }

        void Pair(string label, string value)
        {
            Text(ws.Cell(row, 1), label);
            Text(ws.Cell(row, 2), value);
            row++;
        }

        void HeaderRow(params string[] headers)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                var c = ws.Cell(row, i + 1);
                Text(c, headers[i]);
                c.Style.Font.Bold = true;
            }

            row++;
        }

        // A paragraph: merged over A:C, wrapped, with a row height for its estimated number of lines.
        void Paragraph(string text)
        {
            var cell = ws.Cell(row, 1);
            Text(cell, text);
            ws.Range(row, 1, row, 3).Merge();
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            var charsPerLine = Math.Max(20, (int)((widthA + widthB + widthC) * 1.05));
            var lines = text.Split('\n').Sum(l => Math.Max(1, (l.Length + charsPerLine - 1) / charsPerLine));
            ws.Row(row).Height = lines * LineHeight;
            row++;
        }

        Section("Publicatie");
        Pair("Label", content.Label);
        Text(ws.Cell(row, 1), "Jaar");
        ws.Cell(row, 2).SetValue<int>(content.Year);
        ws.Cell(row, 2).Style.NumberFormat.Format = "0";
        ws.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        row++;
        Pair("Gepubliceerd (UTC)", iso);
        Pair("Gepubliceerd (Nederlandse tijd)", DutchLocalTime(publishedAt));
        Pair("Methodeversie", content.MethodVersion);
        Pair("Regio", $"{Region} (zes gemeenten; REGIO = de regio als geheel)");
        Pair("Citeren als",
            $"Preventiemonitor {Region} ({yearText}). Tussenrapportage {yearText} ({content.Label}), methode {content.MethodVersion}, gepubliceerd {iso}.");
        row++;

        Section("Parameters");
        HeaderRow("Parameter", "Waarde", "Betekenis");
        foreach (var name in ParameterNames(content.Parameters))
        {
            Text(ws.Cell(row, 1), name);
            ws.Cell(row, 2).SetValue<double>(content.Parameters[name]);
            ws.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            Text(ws.Cell(row, 3), ParameterMeaning.GetValueOrDefault(name, string.Empty));
            row++;
        }

        row++;

        Section("Gebruikte leveringen");
        if (content.Deliveries.Count == 0)
        {
            Text(ws.Cell(row++, 1), "Geen leveringen.");
        }
        else
        {
            HeaderRow("Levering", "Bron", "Bestand", "SHA-256");
            foreach (var d in content.Deliveries.OrderBy(d => d.LeveringId))
            {
                ws.Cell(row, 1).SetValue<long>(d.LeveringId);
                ws.Cell(row, 1).Style.NumberFormat.Format = "0";
                ws.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
                Text(ws.Cell(row, 2), d.Source);
                Text(ws.Cell(row, 3), d.File);
                Text(ws.Cell(row, 4), d.Sha256);
                row++;
            }
        }

        Paragraph("Het blad Datakwaliteit noemt alle leveringen voor dit jaar, ook de geweigerde. Met de SHA-256 is na te gaan "
            + "of een bestand precies het aangeleverde bestand is.");
        row++;

        Section("Kleine aantallen (geheimhouding)");
        Paragraph($"Gegevens over kinderen en gezinnen worden alleen samengevat gepubliceerd: geen gepubliceerd getal mag minder dan {kText} "
            + $"mensen beschrijven (k_min = {kText}). Aantallen van 1 tot en met {(k - 1).ToString(CultureInfo.InvariantCulture)} personen "
            + $"(deelnemers, paren) en wat daaruit is berekend zijn leeggemaakt en staan in dit werkboek als '< {kText}'; in de CSV-bestanden "
            + "zijn die cellen leeg. De kolom Onderdrukt staat dan op 'ja'. Nul wordt niet leeggemaakt.");
        Paragraph("Wat bij een aantal hoort: bij deelnemers het bereik (%); bij paren het effect g, het 95%-betrouwbaarheidsinterval en τ² "
            + "(op het blad Effecten ook het gemiddelde verschil, de sd van de verschillen, d_z en de standaardfout). Het aantal programma's, k, "
            + "de bevolking en de score blijven staan: die tellen programma's of mensen buiten het onderzoek, of komen uit de onderbouwing "
            + "en de effecten per programma.");
        Paragraph("Aanvullende regel: als op het blad Scores per thema voor een thema precies één gemeente een leeggemaakt aantal heeft "
            + "(deelnemers en paren elk apart bekeken), dan wordt ook de gemeente met het eerstvolgende kleinste aantal boven nul leeggemaakt "
            + "(bij gelijke aantallen de laagste gemeentecode), met wat daaruit is berekend, zodat het aantal niet uit de regiorij (REGIO) "
            + "terug te rekenen is. De regiorij zelf wordt door deze regel nooit leeggemaakt.");
        Paragraph("Bekende beperking: een leeggemaakt aantal is soms nog terug te rekenen via een andere tabel, bijvoorbeeld de deelnemers "
            + "van een gemeente uit haar programma's op het blad Programma's. Daarom controleert een persoon de publicatie voordat die "
            + "wordt vrijgegeven.");
        var summary = content.DisclosureSummary.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (summary.Length > 0)
        {
            Text(ws.Cell(row, 1), "In deze publicatie:");
            ws.Cell(row, 1).Style.Font.Italic = true;
            row++;
            foreach (var line in summary.Split('\n'))
            {
                Paragraph(line.TrimEnd());
            }
        }

        row++;

        Section("Begrippen");
        Paragraph("Score (0–100): per programma en thema 100 · R · (w_E · E + w_O · O). R is de relevantie (1 voor het primaire thema, "
            + "0,5 voor een secundair thema), E de onderbouwing volgens het erkenningsniveau (van 0 voor niet beoordeeld tot 1 voor effectief "
            + "volgens sterke aanwijzingen) en O het gemeten effect g gedeeld door g_groot, begrensd tussen 0 en 1. Zonder gemeten effect telt "
            + "alleen de onderbouwing mee (100 · R · w_E · E, label alleen_onderbouwing). De score van een gemeente op een thema is het "
            + "gemiddelde van de programmascores, gewogen naar het aantal deelnemers.");
        Paragraph("Effect (g): de gestandaardiseerde verandering tussen de voormeting (T0) en de nameting (T1) van dezelfde deelnemers: "
            + "het gemiddelde verschil gedeeld door de standaarddeviatie van de verschillen (d_z), maal een exacte correctie voor kleine "
            + "aantallen (g = J · d_z; dezelfde formules als SMCC in het R-pakket metafor). Positief is altijd verbetering. Als vuistregel "
            + "(Cohen) geldt 0,2 als klein, 0,5 als middelmatig en 0,8 als groot. Een effect wordt alleen berekend bij minstens n_min paren. "
            + "Het 95%-betrouwbaarheidsinterval (BI) geeft de onzekerheid; een programma met een ondergrens boven 0 telt bij de witte vlekken "
            + "als effectief. Per programma en thema zijn de instrumenten samengevoegd (fixed effect), per gemeente en thema de programma's "
            + "(random effects, DerSimonian–Laird); τ² is de spreiding tussen de programma's en k het aantal programma's met een effect.");
        Paragraph("Bereik (%): 100 · deelnemers / inwoners van 0 tot en met 23 jaar (CBS). De deelnemers zijn opgeteld over de programma's: "
            + "wie aan meer programma's deelneemt, telt meer keren mee. Het bereik kan daardoor te hoog uitvallen, zelfs boven 100%; lees het "
            + "als een bovengrens.");
        Paragraph("Getallen zijn afgerond bij het schrijven, half van nul af (scores en percentages op 1 decimaal; effecten, intervallen, "
            + "standaardfouten, d_z, gemiddelde en sd van de verschillen op 3; τ² op 4; relevantie en evidentie op 2). Alle berekeningen en "
            + "vergelijkingen gebruiken de onafgeronde waarden. Codes (gemeente, thema, erkenning, status, label, reden) staan er als code, "
            + "zoals in de CSV-bestanden. Ja/nee-kolommen staan er als 'ja' of 'nee' (in de CSV-bestanden true of false). Tijdstippen zijn in "
            + "UTC. Een lege cel betekent: geen waarde.");
        row++;

        Section("Tabbladen");
        Pair(ToelichtingSheet, "Deze toelichting.");
        foreach (var table in sheets)
        {
            Pair(table.Spec.Sheet!, SheetDescription.GetValueOrDefault(table.Spec.Name, table.Spec.Title));
        }

        Paragraph("Dezelfde tabellen staan als CSV-bestanden naast dit werkboek, beschreven in datapackage.json (kolomnamen, "
            + "beschrijvingen, SHA-256 per bestand).");
        row++;

        Section("Bronnen");
        Text(ws.Cell(row++, 1), PopulationSource);
        Text(ws.Cell(row++, 1), "Programma's en metingen: de leveringen van de gemeenten (zie Gebruikte leveringen).");
        Text(ws.Cell(row++, 1), "Methode: methode " + content.MethodVersion + " van de Preventiemonitor; de parameters staan hierboven.");
    }

    private static IEnumerable<string> ParameterNames(IReadOnlyDictionary<string, double> parameters) =>
        ParameterOrder.Where(parameters.ContainsKey)
            .Concat(parameters.Keys.Where(n => !ParameterOrder.Contains(n)).Order(StringComparer.Ordinal));

    /// <summary>The publication time in Dutch local time, e.g. <c>1 oktober 2025, 11:00:00 (UTC+02:00)</c>.</summary>
    private static string DutchLocalTime(DateTimeOffset utc)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time");
        }

        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture,
            $"{local.Day} {DutchMonths[local.Month - 1]} {local.Year}, {local:HH:mm:ss} (UTC{sign}{offset:hh\\:mm})");
    }

    // ---------------------------------------------------------------- data sheets

    private static void WriteTable(IXLWorksheet ws, PublishedTable table, int kMin)
    {
        var columns = table.Spec.Columns;
        var suppressedText = "< " + kMin.ToString(CultureInfo.InvariantCulture);
        var widths = new double[columns.Count];

        for (var c = 0; c < columns.Count; c++)
        {
            var cell = ws.Cell(1, c + 1);
            Text(cell, columns[c].Header);
            cell.Style.Font.Bold = true;
            // Room for the bold header and the autofilter button.
            widths[c] = columns[c].Header.Length + 4;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var values = table.Rows[r];
            if (values.Length != columns.Count)
            {
                throw new ArgumentException($"Tabel {table.Spec.Name}, rij {r + 1}: {values.Length} waarden voor {columns.Count} kolommen.");
            }

            for (var c = 0; c < columns.Count; c++)
            {
                var cell = ws.Cell(r + 2, c + 1);
                int length;
                if (table.Suppressed.Contains((r, c)))
                {
                    Text(cell, suppressedText);
                    cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                    cell.Style.Font.Italic = true;
                    cell.Style.Font.FontColor = SuppressedColor;
                    length = suppressedText.Length;
                }
                else
                {
                    length = WriteValue(cell, columns[c], values[c], table.Spec.Name, r);
                }

                widths[c] = Math.Max(widths[c], length + 2);
            }
        }

        var lastRow = table.Rows.Count + 1;
        for (var c = 0; c < columns.Count; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(widths[c], MinWidth, MaxWidth);
            var format = NumberFormat(columns[c]);
            if (format is not null && table.Rows.Count > 0)
            {
                ws.Range(2, c + 1, lastRow, c + 1).Style.NumberFormat.Format = format;
            }
        }

        ws.Range(1, 1, lastRow, columns.Count).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
    }

    private static string? NumberFormat(ColumnSpec column) => column.Type switch
    {
        ColumnType.Integer => "0",
        ColumnType.Number => column.Decimals <= 0 ? "0" : "0." + new string('0', column.Decimals),
        ColumnType.DateTime => "yyyy-mm-dd hh:mm:ss",
        _ => null,
    };

    /// <summary>Writes one value by its column type and returns the length of its display text (for the column width).</summary>
    private static int WriteValue(IXLCell cell, ColumnSpec column, object? value, string table, int row)
    {
        if (value is null)
        {
            return 0;
        }

        switch (column.Type)
        {
            case ColumnType.Text:
                var text = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                Text(cell, text);
                return text.Split('\n').Max(l => l.Length);

            case ColumnType.Integer:
                var integer = value switch
                {
                    long l => l,
                    int i => i,
                    short s => s,
                    byte b => b,
                    _ => throw WrongType(table, row, column, value),
                };
                cell.SetValue<long>(integer);
                return integer.ToString(CultureInfo.InvariantCulture).Length;

            case ColumnType.Number:
                var number = value switch
                {
                    double d => d,
                    float f => f,
                    decimal m => (double)m,
                    long l => l,
                    int i => i,
                    _ => throw WrongType(table, row, column, value),
                };
                if (!double.IsFinite(number))
                {
                    throw new ArgumentException($"Tabel {table}, rij {row + 1}, kolom {column.Name}: {number} is geen eindig getal.");
                }

                var rounded = Round(number, column.Decimals);
                cell.SetValue<double>(rounded);
                return rounded.ToString("F" + Math.Max(0, column.Decimals).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Length;

            case ColumnType.Boolean:
                var flag = value is bool b2 ? b2 : throw WrongType(table, row, column, value);
                Text(cell, flag ? "ja" : "nee");
                return 3;

            case ColumnType.DateTime:
                var utc = value switch
                {
                    DateTimeOffset o => o.UtcDateTime,
                    DateTime { Kind: DateTimeKind.Utc } t => t,
                    _ => throw WrongType(table, row, column, value),
                };
                cell.SetValue<DateTime>(utc);
                return 19;

            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Onbekend kolomtype.");
        }
    }

    /// <summary>Rounds half away from zero (methode-v1 §7); a value that rounds to zero is +0, never −0.</summary>
    internal static double Round(double value, int decimals)
    {
        var rounded = Math.Round(value, Math.Clamp(decimals, 0, 15), MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0d : rounded;
    }

    private static ArgumentException WrongType(string table, int row, ColumnSpec column, object value) =>
        new($"Tabel {table}, rij {row + 1}, kolom {column.Name} ({column.Type}): waarde van type {value.GetType().Name} past niet.");

    /// <summary>
    /// Writes text as text: never a formula, number or date. A text that Excel would read as a formula
    /// when the cell is edited (=, +, -, @) also gets the quote prefix.
    /// </summary>
    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue<string>(text);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
