namespace Preventiemonitor.Model.Scoring;

/// <summary>One row of score_duurzaamheid_effect: a programme × instrument with at least one triple (methode-v2 §8.1).</summary>
public sealed record DurabilityEffectRow(string Gemeente, string ProgrammaId, string Thema, string Instrument, DurabilityEffect Effect);
