namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// A row of effecten.csv: <c>paren</c>, the effect when one was computed, and whether the row's
/// <c>reden</c> is <c>te_weinig_paren</c> (which tells a reader that <c>paren</c> &lt; n_min).
/// </summary>
public sealed record InstrumentInput(
    string Gemeente, string ProgrammaId, string Thema, string Instrument, long Paren, EffectInput? Effect, bool TooFewPairs);
