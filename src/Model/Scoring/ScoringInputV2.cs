namespace Preventiemonitor.Model.Scoring;

/// <summary>What method v2 reads beyond v1's <see cref="ScoringInput"/>; gathered in the same pass over the measurements.</summary>
/// <param name="Profiles">Doelgroep and preventietype per (gemeente, programma_id).</param>
/// <param name="Durability">Per (gemeente, programma_id, instrument) with at least one triple, on instruments of the programme's themes.</param>
/// <param name="Tripels">Distinct participants with a triple on an instrument of the theme, per (gemeente, programma_id, thema).</param>
/// <param name="AgeEffects">The v1 §1 effect on the pairs whose T0 age lies in the band, per (gemeente, programma_id, instrument, band) with at least one such pair.</param>
/// <param name="AgeParen">Distinct participants with a pair in the band on an instrument of the theme, per (gemeente, programma_id, thema, band).</param>
public sealed record ScoringInputV2(
    IReadOnlyDictionary<(string Gemeente, string ProgrammaId), ProgrammeProfile> Profiles,
    IReadOnlyDictionary<(string Gemeente, string ProgrammaId, string Instrument), DurabilityEffect> Durability,
    IReadOnlyDictionary<(string Gemeente, string ProgrammaId, string Thema), int> Tripels,
    IReadOnlyDictionary<(string Gemeente, string ProgrammaId, string Instrument, string Band), InstrumentEffect> AgeEffects,
    IReadOnlyDictionary<(string Gemeente, string ProgrammaId, string Thema, string Band), int> AgeParen);
