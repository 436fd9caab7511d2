using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>Rules of the programme inventory (aanleverformaat §2.1).</summary>
public static class ProgrammaValidator
{
    public static RowResult<ProgrammaRecord> Validate(RawRow row, ValidationContext context)
    {
        var c = new RowCells(row, context.Mapping, context.DecimalCommaAllowed, context.Format);
        var catalog = context.Catalog;
        var id = c.String("programma_id", true, 64);
        var naam = c.String("naam", true, 200);
        var aanbieder = c.String("aanbieder", false, 200);
        var gemeente = CommonRules.Gemeente(c, context);
        var jaar = c.Integer("jaar", true, CommonRules.FirstYear, CommonRules.LastYear);
        var doelgroep = c.Code("doelgroep", true, v => CommonRules.Lookup(CommonRules.Doelgroepen, v),
            v => $"onbekende doelgroep '{v}' (verwacht jeugdigen, ouders of beide)");
        var van = c.Integer("leeftijd_van", true, 0, 23);
        var tot = c.Integer("leeftijd_tot", true, 0, 23);
        if (van is int v0 && tot is int t0 && t0 < v0)
        {
            c.Add("leeftijd_tot", c.Text("leeftijd_tot"), $"leeftijd_tot {t0} is kleiner dan leeftijd_van {v0}");
        }

        var primair = CommonRules.Thema(c, context, "thema_primair", true);
        var secundair = SecondaryThemes(c, context, primair);
        var erkenning = c.Code("erkenning", true, v => catalog.FindErkenning(v)?.Code, v => $"onbekend erkenningsniveau '{v}'");
        var preventietype = c.Code("preventietype", false, v => CommonRules.Lookup(CommonRules.Preventietypen, v),
            v => $"onbekend preventietype '{v}' (verwacht universeel, selectief of geindiceerd)");
        var deelnemers = c.Integer("deelnemers", true, 0, int.MaxValue);
        var budget = c.Decimal("budget_eur", false, 0m);
        var start = c.Date("startdatum", false);
        var eind = c.Date("einddatum", false);
        if (start is DateOnly s && eind is DateOnly e && e < s)
        {
            c.Add("einddatum", c.Text("einddatum"), $"einddatum {e:dd-MM-yyyy} ligt vóór startdatum {s:dd-MM-yyyy}");
        }

        if (c.HasIssues)
        {
            return new RowResult<ProgrammaRecord>(null, c.Issues);
        }

        return new RowResult<ProgrammaRecord>(
            new ProgrammaRecord(row.RowNumber, id!, naam!, aanbieder, gemeente!, jaar!.Value, doelgroep!, van!.Value, tot!.Value,
                primair!, secundair!, erkenning!, preventietype, deelnemers!.Value, budget, start, eind),
            []);
    }

    /// <summary>Zero or more theme codes separated by '|', in the contract's theme order, not the primary one.</summary>
    internal static List<string>? SecondaryThemes(RowCells c, ValidationContext context, string? primair)
    {
        var text = c.Text("themas_secundair");
        if (text is null)
        {
            return [];
        }

        var codes = new List<string>();
        foreach (var part in text.Split('|'))
        {
            var thema = context.Catalog.FindThema(part);
            if (thema is null)
            {
                c.Add("themas_secundair", text, part.Trim().Length == 0
                    ? $"themas_secundair '{RowCells.Shorten(text)}' bevat een lege themacode"
                    : $"onbekend thema '{RowCells.Shorten(part.Trim())}'");
                return null;
            }

            if (thema.Code == primair)
            {
                c.Add("themas_secundair", text, $"themas_secundair bevat het primaire thema '{primair}'");
                return null;
            }

            if (!codes.Contains(thema.Code))
            {
                codes.Add(thema.Code);
            }
        }

        return [.. context.Catalog.Themas.Where(t => codes.Contains(t.Code)).Select(t => t.Code)];
    }
}
