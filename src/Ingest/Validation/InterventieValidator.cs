using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>Rules of the national list of recognised interventions (aanleverformaat §2.4).</summary>
public static class InterventieValidator
{
    public static readonly string[] Databanken = ["nji", "movisie", "rivm", "trimbos", "overig"];

    /// <summary>The lowest recognition level the national list may hold.</summary>
    public const string MinimumErkenning = "goed_beschreven";

    public static RowResult<InterventieRecord> Validate(RawRow row, ValidationContext context)
    {
        var c = new RowCells(row, context.Mapping, context.DecimalCommaAllowed, context.Format);
        var catalog = context.Catalog;
        var id = c.String("interventie_id", true, 64);
        var naam = c.String("naam", true, 200);
        var databank = c.Code("databank", true, v => CommonRules.Lookup(Databanken, v),
            v => $"onbekende databank '{v}' (verwacht nji, movisie, rivm, trimbos of overig)");
        var erkenning = c.Code("erkenning", true, v => catalog.FindErkenning(v)?.Code, v => $"onbekend erkenningsniveau '{v}'");
        if (erkenning is not null && catalog.FindErkenning(erkenning)!.Rang < catalog.FindErkenning(MinimumErkenning)!.Rang)
        {
            c.Add("erkenning", c.Text("erkenning"), $"erkenning '{erkenning}' is te laag voor de landelijke lijst (minstens {MinimumErkenning})");
            erkenning = null;
        }

        var doelgroep = c.Code("doelgroep", true, v => CommonRules.Lookup(CommonRules.Doelgroepen, v),
            v => $"onbekende doelgroep '{v}' (verwacht jeugdigen, ouders of beide)");
        var van = c.Integer("leeftijd_van", true, 0, 23);
        var tot = c.Integer("leeftijd_tot", true, 0, 23);
        if (van is int v0 && tot is int t0 && t0 < v0)
        {
            c.Add("leeftijd_tot", c.Text("leeftijd_tot"), $"leeftijd_tot {t0} is kleiner dan leeftijd_van {v0}");
        }

        var primair = CommonRules.Thema(c, context, "thema_primair", true);
        var secundair = ProgrammaValidator.SecondaryThemes(c, context, primair);
        var url = c.Text("url");
        if (url is not null && !IsAbsoluteHttpUrl(url))
        {
            c.Add("url", url, $"url '{RowCells.Shorten(url)}' is geen absolute http(s)-link");
        }

        var peildatum = c.Date("peildatum", true);
        if (c.HasIssues)
        {
            return new RowResult<InterventieRecord>(null, c.Issues);
        }

        return new RowResult<InterventieRecord>(
            new InterventieRecord(row.RowNumber, id!, naam!, databank!, erkenning!, doelgroep!, van!.Value, tot!.Value,
                primair!, secundair!, url, peildatum!.Value),
            []);
    }

    private static bool IsAbsoluteHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && !text.Any(char.IsWhiteSpace);
}
