namespace Preventiemonitor.Reports.Review;

/// <summary>
/// The method of a publication's score run: its version (<c>v1</c> or <c>v2</c>) and the parameters it used
/// (<c>k_min</c>, <c>w_E</c>, <c>w_O</c>, <c>g_groot</c>, …), as stored with the run.
/// </summary>
public sealed record PublicationMethod(string Versie, IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>The disclosure threshold: counts from 1 to k_min − 1 are emptied (publicatie §4).</summary>
    public int KMin => Parameters.TryGetValue("k_min", out var k) ? (int)k : 10;

    /// <summary>A parameter, or <paramref name="fallback"/> when the run did not store it.</summary>
    public double Parameter(string name, double fallback) => Parameters.TryGetValue(name, out var v) ? v : fallback;
}
