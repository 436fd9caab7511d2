
namespace Preventiemonitor.Model.Scoring;

public sealed record EffectRow(string Gemeente, string ProgrammaId, string Thema, string Instrument, InstrumentEffect Effect);
