using System.Security.Cryptography;
using System.Text;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>What the validators need to know about the delivery as a whole.</summary>
public sealed record ValidationContext(
    ReferenceCatalog Catalog,
    string? FolderGemeente,
    bool DecimalCommaAllowed,
    HeaderMapping Mapping,
    FileFormat Format = FileFormat.Csv);

/// <summary>The outcome of one row: a record, or the reasons it is rejected.</summary>
public readonly record struct RowResult<T>(T? Record, IReadOnlyList<RowIssue> Issues)
    where T : class
{
    public bool IsValid => Record is not null;
}

/// <summary>Shared column rules of the datasets.</summary>
internal static class CommonRules
{
    public const int FirstYear = 2015;
    public const int LastYear = 2100;

    public static readonly string[] Doelgroepen = ["jeugdigen", "ouders", "beide"];
    public static readonly string[] Preventietypen = ["universeel", "selectief", "geindiceerd"];
    public static readonly string[] Momenten = ["T0", "T1", "T2"];

    public static string? Lookup(string[] codes, string value) =>
        codes.FirstOrDefault(c => string.Equals(c, value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The municipality code of the row; a code other than the folder's is a row-level error.</summary>
    public static string? Gemeente(RowCells cells, ValidationContext context)
    {
        var code = cells.Code("gemeente", true, v => context.Catalog.FindGemeente(v)?.Code, v => $"onbekende gemeente '{v}'");
        if (code is not null && context.FolderGemeente is not null && code != context.FolderGemeente)
        {
            cells.Add("gemeente", code, $"gemeente {code} hoort niet bij de map {context.FolderGemeente}");
            return null;
        }

        return code;
    }

    public static string? Thema(RowCells cells, ValidationContext context, string column, bool required) =>
        cells.Code(column, required, v => context.Catalog.FindThema(v)?.Code, v => $"onbekend thema '{v}'");
}

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

/// <summary>Rules of the outcome measurements (aanleverformaat §2.2) and the BSN check of §4.</summary>
public sealed class MetingValidator(ValidationContext context, byte[] participantKey) : IDisposable
{
    private readonly HMACSHA256 _hmac = new(participantKey);

    public RowResult<MetingRecord> Validate(RawRow row, out bool looksLikeBsn)
    {
        var c = new RowCells(row, context.Mapping, context.DecimalCommaAllowed, context.Format);
        var programma = c.String("programma_id", true, 64);
        var gemeente = CommonRules.Gemeente(c, context);
        var jaar = c.Integer("jaar", true, CommonRules.FirstYear, CommonRules.LastYear);

        // The participant id is checked and hashed here; it is never stored or reported as delivered.
        var deelnemerText = c.Text("deelnemer");
        looksLikeBsn = Bsn.LooksLikeBsn(deelnemerText);
        byte[]? hash = null;
        if (deelnemerText is null)
        {
            c.Add("deelnemer", null, "deelnemer ontbreekt (verplicht)");
        }
        else if (deelnemerText.Length > 64)
        {
            c.Add("deelnemer", null, $"deelnemer is langer dan 64 tekens ({deelnemerText.Length})");
        }
        else
        {
            hash = _hmac.ComputeHash(Encoding.UTF8.GetBytes(deelnemerText));
        }

        var moment = c.Code("moment", true, v => CommonRules.Lookup(CommonRules.Momenten, v),
            v => $"onbekend meetmoment '{v}' (verwacht T0, T1 of T2)");
        var datum = c.Date("datum", true);
        var leeftijd = c.Integer("leeftijd", true, 0, 23);
        var instrument = c.Code("instrument", true, v => context.Catalog.FindInstrument(v)?.Code, v => $"onbekend instrument '{v}'");
        var score = c.Decimal("score", true);
        if (score is decimal value && instrument is not null)
        {
            var i = context.Catalog.FindInstrument(instrument)!;
            if (!i.BinnenBereik(value))
            {
                c.Add("score", c.Text("score"),
                    $"score {c.Text("score")} ligt buiten {RowCells.Format(i.Min)}–{RowCells.Format(i.Max)} voor {i.Code}");
            }
        }

        if (c.HasIssues)
        {
            return new RowResult<MetingRecord>(null, c.Issues);
        }

        return new RowResult<MetingRecord>(
            new MetingRecord(row.RowNumber, gemeente!, jaar!.Value, programma!, hash!, moment!, datum!.Value, leeftijd!.Value, instrument!, score!.Value),
            []);
    }

    public void Dispose() => _hmac.Dispose();
}

/// <summary>Rules of the population reference (aanleverformaat §2.3).</summary>
public static class BevolkingValidator
{
    public static RowResult<BevolkingRecord> Validate(RawRow row, ValidationContext context)
    {
        var c = new RowCells(row, context.Mapping, context.DecimalCommaAllowed, context.Format);
        var gemeente = CommonRules.Gemeente(c, context);
        var jaar = c.Integer("jaar", true, 1900, CommonRules.LastYear);
        var leeftijd = c.Integer("leeftijd", true, 0, 23);
        var aantal = c.Integer("aantal", true, 0, int.MaxValue);
        return c.HasIssues
            ? new RowResult<BevolkingRecord>(null, c.Issues)
            : new RowResult<BevolkingRecord>(new BevolkingRecord(row.RowNumber, gemeente!, jaar!.Value, leeftijd!.Value, aantal!.Value), []);
    }
}
