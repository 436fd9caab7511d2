namespace Preventiemonitor.ScaleGenerator;

/// <summary>What <see cref="ScaleDrop"/> generates: the size of the drop and its shape.</summary>
public sealed record ScaleDropOptions
{
    /// <summary>Measurement rows over all municipalities together (spread evenly, the remainder to the first).</summary>
    public long Rijen { get; init; } = 1_000_000;

    /// <summary>Programmes in each municipality's inventory.</summary>
    public int Programmas { get; init; } = 300;

    /// <summary>How many of the six municipalities of the reference data (aanleverformaat §1) deliver: 1–6.</summary>
    public int Gemeenten { get; init; } = 6;

    public int Jaar { get; init; } = 2025;

    public ulong Seed { get; init; } = 20250614;

    /// <summary>
    /// The share of programmes (0 – 0.9) that are small: 1 … 9 participants, so that their counts fall below k_min 10 in the
    /// programme, instrument and target-group cells, as in real data. Chosen deterministically per municipality and
    /// programme (never a municipality's first); the rows left over go to the other programmes. 0 (the default) writes
    /// exactly the drop of earlier versions.
    /// </summary>
    public double Klein { get; init; }

    /// <summary>The problems of these options (Dutch), empty when they can be generated.</summary>
    public IEnumerable<string> Problems()
    {
        if (Rijen < 1)
        {
            yield return $"--rijen moet minstens 1 zijn, niet {Rijen}.";
        }

        if (Programmas < 1 || Programmas > 9999)
        {
            yield return $"--programmas moet tussen 1 en 9999 liggen, niet {Programmas}.";
        }

        if (Gemeenten < 1 || Gemeenten > ScaleCatalogue.GemeenteCodes.Length)
        {
            yield return $"--gemeenten moet tussen 1 en {ScaleCatalogue.GemeenteCodes.Length} liggen, niet {Gemeenten}.";
        }

        if (!(Klein >= 0 && Klein <= 0.9))
        {
            yield return $"--klein moet tussen 0 en 0,9 liggen, niet {Klein}.";
        }

        if (Jaar < 2015 || Jaar > 2099)
        {
            yield return $"--jaar moet tussen 2015 en 2099 liggen, niet {Jaar}.";
        }
    }
}
