using System.Globalization;
using static Preventiemonitor.SampleGenerator.Catalogue;

namespace Preventiemonitor.SampleGenerator;

/// <summary>
/// Writes the sample drop folder (contract aanleverformaat.md §5) for year 2025: programme
/// inventories and measurements for the six municipalities in a mix of file formats, the
/// population file, and a fixed set of deliberate defects. Fully deterministic: the same
/// bytes on every run.
/// </summary>
public static class SampleDrop
{
    public const ulong Seed = 20250101;

    /// <summary>Names of the folders under the drop root that the generator owns (and deletes first).</summary>
    public static IReadOnlyList<string> GeneratedFolders { get; } =
        [.. Gemeenten.Select(g => g.Code), "bevolking", "landelijk"];

    public static SampleDropResult Write(string targetDir)
    {
        var root = Path.GetFullPath(targetDir);
        foreach (var folder in GeneratedFolders)
        {
            var dir = Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        Directory.CreateDirectory(root);
        var ctx = new DropContext(root);

        // Simulate all measurements first: Maastricht's misplaced file borrows Meerssen rows.
        var sims = new Dictionary<string, Simulation>(StringComparer.Ordinal);
        foreach (var g in Gemeenten)
        {
            sims[g.Code] = Simulator.Simulate(g, RngFor(g, 1), RngFor(g, 3));
        }

        EijsdenMargratenFiles.Write(ctx, sims[EijsdenMargraten.Code]);
        GulpenWittemFiles.Write(ctx, sims[GulpenWittem.Code]);
        MaastrichtFiles.Write(ctx, sims[Maastricht.Code], sims[Meerssen.Code]);
        MeerssenFiles.Write(ctx, sims[Meerssen.Code]);
        VaalsFiles.Write(ctx, sims[Vaals.Code]);
        ValkenburgFiles.Write(ctx, sims[Valkenburg.Code]);
        NationalFiles.WriteBevolking(ctx);
        NationalFiles.WriteInterventies(ctx);

        return new SampleDropResult(
            [.. ctx.Files.OrderBy(f => f.Bestand, StringComparer.Ordinal)],
            [.. ctx.Defects]);
    }

    /// <summary>The random stream <paramref name="stream"/> of a municipality (1: measurements, 2: files, 3: follow-ups and population).</summary>
    internal static Prng RngFor(Gemeente g, int stream) =>
        new(Seed * 1_000_003UL + ulong.Parse(g.Code[2..], CultureInfo.InvariantCulture) * 17UL + (ulong)stream);
}
