using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// effecten_doelgroep rows for <see cref="MethodeV2Run"/>: every area × theme × the eleven groups of
/// methode-v2 §9. A programme's pairs fall in its own doelgroep and preventietype, and (here) all in the
/// age band of its leeftijd_van, so the groups of each dimension add up to the area's paren (R9, R10).
/// </summary>
internal static class MethodeV2Groups
{
    private const double Z = 1.959964;

    public static List<V2Group> Generate(
        List<GemeenteThemaScoreRow> areas, List<ProgrammaThemaScoreRow> pts, Dictionary<(string, string), ProgrammaRow> programmes)
    {
        var result = new List<V2Group>();
        foreach (var a in areas)
        {
            var own = pts.Where(pt => pt.Thema == a.Thema && (a.Gemeente == "REGIO" || pt.Gemeente == a.Gemeente)).ToList();
            foreach (var (dimensie, groepen) in TargetGroups.Dimensions)
            {
                var rows = groepen.Select(v => Group(a, dimensie, v, own.Where(pt => GroupOf(programmes[(pt.Gemeente, pt.ProgrammaId)], dimensie) == v).ToList())).ToList();
                var m = rows.Count(r => r.K > 0);
                if (m >= 2)
                {
                    var p = a.Gemeente != "REGIO" ? MethodeV2Run.Special.POther : dimensie switch
                    {
                        TargetGroups.Leeftijdsgroep => MethodeV2Run.Special.PTiny,
                        TargetGroups.Doelgroep => MethodeV2Run.Special.PHalf,
                        _ => MethodeV2Run.Special.POther,
                    };
                    rows = [.. rows.Select(r => r with { QTussen = MethodeV2Run.Special.QTussen, Df = m - 1, PVerschil = p })];
                }

                result.AddRange(rows);
            }
        }

        return result;
    }

    public static string GroupOf(ProgrammaRow p, string dimensie) => dimensie switch
    {
        TargetGroups.Leeftijdsgroep => p.LeeftijdVan <= 3 ? "0-3" : p.LeeftijdVan <= 11 ? "4-11" : p.LeeftijdVan <= 17 ? "12-17" : "18-23",
        TargetGroups.Doelgroep => p.Doelgroep,
        _ => string.IsNullOrEmpty(p.Preventietype) ? TargetGroups.Onbekend : p.Preventietype,
    };

    private static V2Group Group(GemeenteThemaScoreRow a, string dimensie, string groep, List<ProgrammaThemaScoreRow> members)
    {
        var effects = members.Where(pt => pt.EffectG is not null)
            .Select(pt => (pt.EffectG!.Value, (pt.EffectCiHoog!.Value - pt.EffectCiLaag!.Value) / (2 * Z), pt.EffectCiLaag!.Value, pt.EffectCiHoog!.Value)).ToList();
        var pooled = MethodeV2Run.Pool(effects);
        return new V2Group
        {
            Gemeente = a.Gemeente, Thema = a.Thema, Dimensie = dimensie, Groep = groep,
            Programmas = members.Count(pt => pt.Paren > 0), Paren = (int)members.Sum(pt => pt.Paren ?? 0), K = effects.Count,
            EffectG = pooled?.G, EffectSe = pooled?.Se, CiLaag = pooled?.Low, CiHoog = pooled?.High, Tau2 = effects.Count > 0 ? MethodeV2Run.Special.Tau2 : null,
        };
    }
}
