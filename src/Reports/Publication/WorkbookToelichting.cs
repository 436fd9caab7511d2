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
        Paragraph($"Gegevens over kinderen en gezinnen worden alleen samengevat gepubliceerd: geen gepubliceerd getal mag minder dan {kText} "
            + $"mensen beschrijven (k_min = {kText}). Aantallen van 1 tot en met {(k - 1).ToString(CultureInfo.InvariantCulture)} personen "
            + $"(deelnemers, paren) en wat daaruit is berekend zijn leeggemaakt en staan in dit werkboek als '< {kText}'; in de CSV-bestanden "
            + "zijn die cellen leeg. De kolom Onderdrukt staat dan op 'ja'. Nul wordt niet leeggemaakt.");
        Paragraph("Wat bij een aantal hoort: bij deelnemers het bereik (%); bij paren het effect g, het 95%-betrouwbaarheidsinterval en τ² "
            + "(op het blad Effecten ook het gemiddelde verschil, de sd van de verschillen, d_z en de standaardfout). Het aantal programma's, k, "
            + "de bevolking en de score blijven staan: die tellen programma's of mensen buiten het onderzoek, of komen uit de onderbouwing "
            + "en de effecten per programma.");
        Paragraph("Aanvullende onderdrukking: de tabellen hangen samen (de deelnemers van een gemeente zijn de som van haar programma's, "
            + "de regio (REGIO) de som van de gemeenten, de score van een gemeente is gewogen naar deelnemers). Daarom controleert de publicatie "
            + "zichzelf met de sterkste rekenmethode die een lezer op alle gepubliceerde getallen samen kan toepassen (lineair programmeren), "
            + "en maakt zij zo nodig meer cellen leeg (aantallen, of een score van een gemeente of de regio), met wat daaruit is berekend, "
            + "tot van geen leeggemaakt klein aantal meer bekend is dan dat het onder " + kText + " ligt. Ook zo'n cel staat er als '< "
            + kText + "', al is het aantal niet klein. Wordt die controle niet gehaald, dan wordt de publicatie niet gemaakt.");
        Paragraph("Grens: de controle geldt voor één publicatie. Wie publicaties van verschillende jaren, of twee publicaties van hetzelfde "
            + "jaar (een nieuwe berekening), naast elkaar legt, valt buiten deze controle.");
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
