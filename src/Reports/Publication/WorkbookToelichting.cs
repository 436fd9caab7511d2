using System.Globalization;
using ClosedXML.Excel;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The workbook's "Toelichting" sheet (publicatie §5): what a researcher needs to read and cite the publication.</summary>
internal static class WorkbookToelichting
{
    private const double LineHeight = 15;

    /// <summary>Lays out the explanation sheet: A = labels, B = values, C = descriptions, D = SHA-256.</summary>
    public static void Write(IXLWorksheet ws, WorkbookContent content, List<WorkbookSheet> sheets, DateTimeOffset publishedAt)
    {
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
        WorkbookWriter.Text(title, WorkbookWriter.Title(content.Year));
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        row += 2;

        void Section(string name)
        {
            var c = ws.Cell(row, 1);
            WorkbookWriter.Text(c, name);
            c.Style.Font.Bold = true;
            c.Style.Font.FontSize = 12;
            row++;
        }

        void Pair(string label, string value)
        {
            WorkbookWriter.Text(ws.Cell(row, 1), label);
            WorkbookWriter.Text(ws.Cell(row, 2), value);
            row++;
        }

        void HeaderRow(params string[] headers)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                var c = ws.Cell(row, i + 1);
                WorkbookWriter.Text(c, headers[i]);
                c.Style.Font.Bold = true;
            }

            row++;
        }

        // A paragraph: merged over A:C, wrapped, with a row height for its estimated number of lines.
        void Paragraph(string text)
        {
            var cell = ws.Cell(row, 1);
            WorkbookWriter.Text(cell, text);
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
        WorkbookWriter.Text(ws.Cell(row, 1), "Jaar");
        ws.Cell(row, 2).SetValue<int>(content.Year);
        ws.Cell(row, 2).Style.NumberFormat.Format = "0";
        ws.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        row++;
        Pair("Gepubliceerd (UTC)", iso);
        Pair("Gepubliceerd (Nederlandse tijd)", WorkbookTexts.DutchLocalTime(publishedAt));
        Pair("Methodeversie", content.MethodVersion);
        Pair("Regio", $"{WorkbookWriter.Region} (zes gemeenten; REGIO = de regio als geheel)");
        Pair("Citeren als",
            $"Preventiemonitor {WorkbookWriter.Region} ({yearText}). Tussenrapportage {yearText} ({content.Label}), methode {content.MethodVersion}, gepubliceerd {iso}.");
        row++;

        Section("Parameters");
        HeaderRow("Parameter", "Waarde", "Betekenis");
        foreach (var name in WorkbookTexts.ParameterNames(content.Parameters))
        {
            WorkbookWriter.Text(ws.Cell(row, 1), name);
            ws.Cell(row, 2).SetValue<double>(content.Parameters[name]);
            ws.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            WorkbookWriter.Text(ws.Cell(row, 3), WorkbookTexts.ParameterMeaning.GetValueOrDefault(name, string.Empty));
            row++;
        }

        row++;

        Section("Gebruikte leveringen");
        if (content.Deliveries.Count == 0)
        {
            WorkbookWriter.Text(ws.Cell(row++, 1), "Geen leveringen.");
        }
        else
        {
            HeaderRow("Levering", "Bron", "Bestand", "SHA-256");
            foreach (var d in content.Deliveries.OrderBy(d => d.LeveringId))
            {
                ws.Cell(row, 1).SetValue<long>(d.LeveringId);
                ws.Cell(row, 1).Style.NumberFormat.Format = "0";
                ws.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
                WorkbookWriter.Text(ws.Cell(row, 2), d.Source);
                WorkbookWriter.Text(ws.Cell(row, 3), d.File);
                WorkbookWriter.Text(ws.Cell(row, 4), d.Sha256);
                row++;
            }
        }

        Paragraph("Het blad Datakwaliteit noemt alle leveringen voor dit jaar, ook de geweigerde. Met de SHA-256 is na te gaan "
            + "of een bestand precies het aangeleverde bestand is.");
        row++;

        Section("Kleine aantallen (geheimhouding)");
        foreach (var paragraph in ToelichtingTexts.SmallNumbers(content.KMin))
        {
            Paragraph(paragraph);
        }

        var summary = content.DisclosureSummary.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (summary.Length > 0)
        {
            WorkbookWriter.Text(ws.Cell(row, 1), "In deze publicatie:");
            ws.Cell(row, 1).Style.Font.Italic = true;
            row++;
            foreach (var line in summary.Split('\n'))
            {
                Paragraph(line.TrimEnd());
            }
        }

        row++;

        Section("Begrippen");
        foreach (var paragraph in ToelichtingTexts.Terms)
        {
            Paragraph(paragraph);
        }

        if (content.Tables.Any(t => PublicationTables.MethodeV2.Any(v2 => v2.Name == t.Spec.Name)))
        {
            row++;
            Section("Duurzaamheid en doelgroepen (methode " + content.MethodVersion + ")");
            foreach (var paragraph in WorkbookTextsV2.Paragraphs(content.KMin))
            {
                Paragraph(paragraph);
            }
        }

        row++;

        Section("Tabbladen");
        Pair(WorkbookWriter.ToelichtingSheet, "Deze toelichting.");
        foreach (var sheet in sheets)
        {
            Pair(sheet.Name, WorkbookTexts.SheetDescription.GetValueOrDefault(sheet.Tables[0].Spec.Name, sheet.Tables[0].Spec.Title));
        }

        Paragraph("Dezelfde tabellen staan als CSV-bestanden naast dit werkboek, beschreven in datapackage.json (kolomnamen, "
            + "beschrijvingen, SHA-256 per bestand).");
        row++;

        Section("Bronnen");
        WorkbookWriter.Text(ws.Cell(row++, 1), WorkbookTexts.PopulationSource);
        WorkbookWriter.Text(ws.Cell(row++, 1), "Programma's en metingen: de leveringen van de gemeenten (zie Gebruikte leveringen).");
        WorkbookWriter.Text(ws.Cell(row++, 1), "Methode: methode " + content.MethodVersion + " van de Preventiemonitor; de parameters staan hierboven.");
    }
}
