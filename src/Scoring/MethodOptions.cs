using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>
/// The method parameters as settings, section <c>Methode</c> (keys Versie, NMin, GGroot, WE, WO, KMin), with
/// the spec's defaults (methode-v1 §6; version v2, methode-v2). Bound and checked at start by the Worker's composition root.
/// </summary>
public sealed class MethodOptions
{
    public const string Section = "Methode";

    private static readonly MethodParameters Defaults = new();

    /// <summary>The method version: <c>v1</c> or <c>v2</c> (default).</summary>
    public string Versie { get; set; } = MethodVersions.V2;

    public int NMin { get; set; } = Defaults.NMin;

    public double GGroot { get; set; } = Defaults.GGroot;

    public double WE { get; set; } = Defaults.WE;

    public double WO { get; set; } = Defaults.WO;

    public int KMin { get; set; } = Defaults.KMin;

    public MethodParameters ToParameters() => new() { Versie = Versie, NMin = NMin, GGroot = GGroot, WE = WE, WO = WO, KMin = KMin };

    /// <summary>Every value that makes the method meaningless: the key (without section) and a Dutch reason.</summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (NMin < 3)
        {
            yield return (nameof(NMin), $"moet minstens 3 zijn (de correctie J bestaat pas vanaf 3 paren), niet {NMin}.");
        }

        if (!(GGroot > 0) || double.IsInfinity(GGroot))
        {
            yield return (nameof(GGroot), "moet een eindig getal groter dan 0 zijn.");
        }

        if (!(WE >= 0) || double.IsInfinity(WE))
        {
            yield return (nameof(WE), "mag niet negatief zijn.");
        }

        if (!(WO >= 0) || double.IsInfinity(WO))
        {
            yield return (nameof(WO), "mag niet negatief zijn.");
        }

        if (KMin < 1)
        {
            yield return (nameof(KMin), $"moet minstens 1 zijn, niet {KMin}.");
        }
        else if (NMin >= 3 && NMin < KMin)
        {
            yield return (nameof(NMin), $"moet minstens k_min ({KMin}) zijn, niet {NMin}: anders kan een label of effect het teken van een onderdrukt interval verraden.");
        }

        if (!MethodVersions.All.Contains(Versie))
        {
            yield return (nameof(Versie), $"moet v1 of v2 zijn, niet '{Versie}'.");
        }
    }
}
