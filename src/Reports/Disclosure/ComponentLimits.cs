namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// Where the engine's work on one component is bounded (issue 14, a national year with many small counts):
/// <paramref name="Exact"/> is the number of variables of an exact component beyond which <see cref="LinkedComponent"/>
/// takes the block without the model's wide relations (a stronger attacker); <paramref name="Large"/> the number beyond
/// which a component is large for <see cref="CandidateChooser"/> and <see cref="SecondarySuppressor"/> (binding relations
/// searched, futile counts put aside). Below both, the engine is the plain greedy of onthulling-v2 §3.
/// </summary>
public sealed record ComponentLimits(int Exact, int Large)
{
    /// <summary>The limits of every publication: above every component of the sample and the tests of the plain greedy.</summary>
    public static readonly ComponentLimits Default = new(300, 100);
}
