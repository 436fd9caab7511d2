namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// A row of duurzaamheid_effecten.csv: <c>tripels</c>, the effects with an interval (<c>g_t2</c>,
/// <c>g_terugval</c>) when computed, and whether its <c>reden</c> is <c>te_weinig_paren</c>
/// (which tells a reader that <c>tripels</c> &lt; n_min).
/// </summary>
public sealed record DurabilityInstrumentInput(
    string Gemeente, string ProgrammaId, string Thema, string Instrument, long Tripels, EffectInput? GT2, EffectInput? GTerugval, bool TooFewTriples);
