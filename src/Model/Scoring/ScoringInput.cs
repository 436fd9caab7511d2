
namespace Preventiemonitor.Model.Scoring;

/// <summary>Everything the method reads for one year; gathered from the accepted deliveries.</summary>
/// <param name="Effects">Instrument effects per (gemeente, programma_id, instrument), for instruments of the programme's themes with at least one pair.</param>
/// <param name="Paren">Distinct participants with at least one pair on an instrument of the theme, per (gemeente, programma_id, thema).</param>
/// <param name="Bevolking">Population aged 0–23 per municipality (null when unknown).</param>
public sealed record ScoringInput(
    int Jaar,
    IReadOnlyList<ScoredProgramme> Programmes,
    IReadOnlyDictionary<(string Gemeente, string ProgrammaId, string Instrument), InstrumentEffect> Effects,
    IReadOnlyDictionary<(string Gemeente, string ProgrammaId, string Thema), int> Paren,
    IReadOnlyDictionary<string, long?> Bevolking);
