namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// The parameters of the method (methode-v1 §6) and its version (methode-v2: <c>v1</c> or <c>v2</c>),
/// with the spec's defaults. Every score run stores the values and the version it used.
/// </summary>
public sealed record MethodParameters
{
    /// <summary>
    /// The method version: <c>v1</c> (methode-v1 only) or <c>v2</c> (v1 plus durability and target groups). The
    /// record's default is <c>v1</c>, so code that does not name a version keeps v1's results; the setting
    /// <c>Methode:Versie</c> (MethodOptions in Scoring), which every command and job uses, defaults to <c>v2</c>.
    /// </summary>
    public string Versie { get; init; } = MethodVersions.V1;

    /// <summary>True when the run computes method v2's additions (methode-v2 §8–§9).</summary>
    public bool IsV2 => Versie == MethodVersions.V2;

    /// <summary>Minimum number of pairs for an instrument effect.</summary>
    public int NMin { get; init; } = 10;

    /// <summary>Effect size that earns the full observed-effect component O.</summary>
    public double GGroot { get; init; } = 0.8;

    /// <summary>Weight of evidence.</summary>
    public double WE { get; init; } = 0.4;

    /// <summary>Weight of the observed effect.</summary>
    public double WO { get; init; } = 0.6;

    /// <summary>Disclosure threshold (publicatie §4).</summary>
    public int KMin { get; init; } = 10;

    /// <summary>Throws with a Dutch message when a value makes the method meaningless.</summary>
    public MethodParameters Validated()
    {
        if (NMin < 3)
        {
            throw new ArgumentException($"n_min moet minstens 3 zijn (de correctie J bestaat pas vanaf 3 paren), niet {NMin}.");
        }

        if (!(GGroot > 0))
        {
            throw new ArgumentException($"g_groot moet groter dan 0 zijn, niet {GGroot}.");
        }

        if (WE < 0 || WO < 0)
        {
            throw new ArgumentException("w_E en w_O mogen niet negatief zijn.");
        }

        if (KMin < 1)
        {
            throw new ArgumentException($"k_min moet minstens 1 zijn, niet {KMin}.");
        }

        if (!MethodVersions.All.Contains(Versie))
        {
            throw new ArgumentException($"de methodeversie moet v1 of v2 zijn, niet '{Versie}'.");
        }

        return this;
    }
}
