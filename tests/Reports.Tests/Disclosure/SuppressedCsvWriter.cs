using System.Globalization;
using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Reports.Disclosure;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// Writes the four linked tables of a <see cref="DisclosureInput"/> in the published format
/// (publicatie §2–§3) with the given cells emptied and what they carry (§4): <c>deelnemers</c>
/// takes <c>bereik_pct</c>, <c>paren</c> takes the effect; <c>onderdrukt</c> on every row with an
/// emptied cell. Columns the attacker does not read hold plain stand-ins.
/// </summary>
public static class SuppressedCsvWriter
{
    public static void Write(string folder, DisclosureInput input, IReadOnlySet<CellKey> emptied)
    {
        Directory.CreateDirectory(folder);
        var lines = new List<string> { "gemeente,gemeente_naam,jaar,programma_id,naam,aanbieder,doelgroep,leeftijd_van,leeftijd_tot,thema_primair,themas_secundair,erkenning,preventietype,deelnemers,budget_eur,onderdrukt" };
        foreach (var p in input.Programmes)
        {
            var gone = emptied.Contains(DisclosureKeys.Deelnemers(p));
            lines.Add($"{p.Gemeente},{p.Gemeente},2025,{p.ProgrammaId},{p.ProgrammaId},,,0,23,,,,,{(gone ? "" : p.Deelnemers)},,{Bool(gone)}");
        }

        File.WriteAllText(Path.Combine(folder, "programmas.csv"), Join(lines));

        lines = ["gemeente,jaar,programma_id,thema,instrument,paren,gemiddeld_verschil,sd_verschil,d_z,g,se,ci_laag,ci_hoog,reden,onderdrukt"];
        foreach (var i in input.Instruments)
        {
            var gone = emptied.Contains(DisclosureKeys.Instrument(i, "paren"));
            var e = gone ? null : i.Effect;
            var reden = i.TooFewPairs ? "te_weinig_paren" : "";
            lines.Add($"{i.Gemeente},2025,{i.ProgrammaId},{i.Thema},{i.Instrument},{(gone ? "" : i.Paren)},,,,{R(e?.G, 3)},,{R(e?.CiLow, 3)},{R(e?.CiHigh, 3)},{reden},{Bool(gone)}");
        }

        File.WriteAllText(Path.Combine(folder, "effecten.csv"), Join(lines));

        lines = ["gemeente,jaar,programma_id,thema,relevantie,erkenning,evidentie,effect_g,effect_ci_laag,effect_ci_hoog,paren,score,label,onderdrukt"];
        foreach (var pt in input.ProgrammeThemes)
        {
            var gone = emptied.Contains(DisclosureKeys.ProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, "paren"));
            var e = gone ? null : pt.Effect;
            var label = pt.Effect is null ? "alleen_onderbouwing" : "onderbouwing_en_effect";
            lines.Add($"{pt.Gemeente},2025,{pt.ProgrammaId},{pt.Thema},,,,{R(e?.G, 3)},{R(e?.CiLow, 3)},{R(e?.CiHigh, 3)},{(gone ? "" : pt.Paren)},{R(pt.Score, 1)},{label},{Bool(gone)}");
        }

        File.WriteAllText(Path.Combine(folder, "scores_programma_thema.csv"), Join(lines));

        lines = ["gemeente,gemeente_naam,jaar,thema,programmas,deelnemers,score,effect_g,effect_ci_laag,effect_ci_hoog,k,tau2,paren,bevolking_0_23,bereik_pct,onderdrukt"];
        var count = input.ProgrammeThemes.ToLookup(pt => (pt.Gemeente, pt.Thema));
        var regio = input.ProgrammeThemes.ToLookup(pt => pt.Thema);
        foreach (var a in input.Areas.OrderBy(a => a.Gemeente == DisclosureKeys.Regio).ThenBy(a => a.Gemeente, StringComparer.Ordinal))
        {
            var d = emptied.Contains(DisclosureKeys.Area(a.Gemeente, a.Thema, "deelnemers"));
            var p = emptied.Contains(DisclosureKeys.Area(a.Gemeente, a.Thema, "paren"));
            var s = emptied.Contains(DisclosureKeys.Area(a.Gemeente, a.Thema, "score"));
            var e = p ? null : a.Effect;
            var programmas = a.Gemeente == DisclosureKeys.Regio ? regio[a.Thema].Count() : count[(a.Gemeente, a.Thema)].Count();
            var bereik = a.Bevolking > 0 ? 100.0 * a.Deelnemers / a.Bevolking : 0;
            lines.Add($"{a.Gemeente},{a.Gemeente},2025,{a.Thema},{programmas},{(d ? "" : a.Deelnemers)},{(s ? "" : R(a.Score, 1))},{R(e?.G, 3)},{R(e?.CiLow, 3)},{R(e?.CiHigh, 3)},{a.K},,{(p ? "" : a.Paren)},{a.Bevolking},{(d ? "" : R(bereik, 1))},{Bool(d || p || s)}");
        }

        File.WriteAllText(Path.Combine(folder, "scores_gemeente_thema.csv"), Join(lines));
    }

    private static string Join(List<string> lines) => string.Join("\n", lines) + "\n";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string R(double? value, int decimals) =>
        value is { } v ? OutputRounding.Round(v, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture) : "";
}
