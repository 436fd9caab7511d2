namespace Preventiemonitor.Model.ReferenceData;

/// <summary>
/// The reference data of the delivery contract (aanleverformaat §1), as loaded from the database
/// tables seeded by migrations. Lookups of codes follow the contract: case-insensitive after trimming
/// surrounding spaces; a recognition level may also be given by its Dutch label.
/// </summary>
public sealed class ReferenceCatalog
{
    private readonly Dictionary<string, Gemeente> _gemeenten;
    private readonly Dictionary<string, Thema> _themas;
    private readonly Dictionary<string, Erkenning> _erkenningen;
    private readonly Dictionary<string, Instrument> _instrumenten;

    public ReferenceCatalog(
        Regio regio,
        IEnumerable<Gemeente> gemeenten,
        IEnumerable<Thema> themas,
        IEnumerable<Leeftijdsgroep> leeftijdsgroepen,
        IEnumerable<Erkenning> erkenningen,
        IEnumerable<Instrument> instrumenten)
    {
        Regio = regio;
        Gemeenten = [.. gemeenten.OrderBy(g => g.Volgorde)];
        Themas = [.. themas.OrderBy(t => t.Volgorde)];
        Leeftijdsgroepen = [.. leeftijdsgroepen.OrderBy(l => l.Volgorde)];
        Erkenningen = [.. erkenningen.OrderBy(e => e.Rang)];
        Instrumenten = [.. instrumenten.OrderBy(i => i.Volgorde)];

        _gemeenten = Gemeenten.ToDictionary(g => g.Code, StringComparer.OrdinalIgnoreCase);
        _themas = Themas.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        _instrumenten = Instrumenten.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        _erkenningen = new Dictionary<string, Erkenning>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in Erkenningen)
        {
            _erkenningen[e.Code] = e;
            _erkenningen[e.Label] = e;
        }

        foreach (var instrument in Instrumenten)
        {
            if (!_themas.ContainsKey(instrument.ThemaCode))
            {
                throw new ArgumentException(
                    $"Instrument {instrument.Code} verwijst naar onbekend thema '{instrument.ThemaCode}'.");
            }
        }
    }

    public Regio Regio { get; }

    public IReadOnlyList<Gemeente> Gemeenten { get; }

    public IReadOnlyList<Thema> Themas { get; }

    public IReadOnlyList<Leeftijdsgroep> Leeftijdsgroepen { get; }

    /// <summary>Recognition levels ordered from low to high.</summary>
    public IReadOnlyList<Erkenning> Erkenningen { get; }

    public IReadOnlyList<Instrument> Instrumenten { get; }

    public Gemeente? FindGemeente(string? code) => Find(_gemeenten, code);

    public Thema? FindThema(string? code) => Find(_themas, code);

    public Instrument? FindInstrument(string? code) => Find(_instrumenten, code);

    /// <summary>Finds a recognition level by its code or its Dutch label.</summary>
    public Erkenning? FindErkenning(string? codeOrLabel) => Find(_erkenningen, codeOrLabel);

    /// <summary>All age bands that share at least one year with the inclusive range.</summary>
    public IEnumerable<Leeftijdsgroep> LeeftijdsgroepenVoor(int van, int tot) =>
        Leeftijdsgroepen.Where(l => l.Overlapt(van, tot));

    private static T? Find<T>(Dictionary<string, T> map, string? key)
        where T : class =>
        key is null ? null : map.GetValueOrDefault(key.Trim());
}
