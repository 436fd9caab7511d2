using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The sort orders of publicatie §3 and the names of areas.</summary>
internal sealed class PublicationOrder(ReferenceCatalog catalog)
{
    private readonly Dictionary<string, int> _themas = catalog.Themas.ToDictionary(t => t.Code, t => t.Volgorde);
    private readonly Dictionary<string, int> _instrumenten = catalog.Instrumenten.ToDictionary(i => i.Code, i => i.Volgorde);
    private readonly Dictionary<string, int> _groepen = catalog.Leeftijdsgroepen.ToDictionary(l => l.Code, l => l.Volgorde);

    public ReferenceCatalog Catalog => catalog;

    /// <summary>Ordinal order of the codes with REGIO last.</summary>
    public string Gemeente(string code) => code == catalog.Regio.Code ? "\uffff" : code;

    public string Naam(string code) => code == catalog.Regio.Code ? catalog.Regio.Naam : catalog.FindGemeente(code)!.Naam;

    public int Thema(string code) => _themas[code];

    public int Instrument(string code) => _instrumenten[code];

    public int Leeftijdsgroep(string code) => _groepen[code];

    /// <summary>The rank of an erkenning level (higher = stronger).</summary>
    public int Erkenning(string code) => catalog.FindErkenning(code)!.Rang;

    /// <summary>The secondary themes in the theme order of aanleverformaat §1, joined by <c>|</c>; null when none.</summary>
    public string? Secundair(IReadOnlyCollection<string> codes)
    {
        var joined = string.Join('|', catalog.Themas.Where(t => codes.Contains(t.Code)).Select(t => t.Code));
        return joined.Length == 0 ? null : joined;
    }
}
