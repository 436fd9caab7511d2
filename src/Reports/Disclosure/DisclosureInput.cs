namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// What the disclosure engine needs of one publication, unsuppressed and unrounded (the builder
/// rounds as the publication does, methode-v1 §7). Filled from the typed publication rows:
/// programmas.csv → <see cref="Programmes"/>, effecten.csv → <see cref="Instruments"/>,
/// scores_programma_thema.csv → <see cref="ProgrammeThemes"/>, scores_gemeente_thema.csv →
/// <see cref="Areas"/> (the region with gemeente <see cref="DisclosureKeys.Regio"/>).
/// </summary>
public sealed record DisclosureInput(
    int KMin,
    int NMin,
    IReadOnlyList<ProgrammeInput> Programmes,
    IReadOnlyList<InstrumentInput> Instruments,
    IReadOnlyList<ProgrammeThemeInput> ProgrammeThemes,
    IReadOnlyList<AreaThemeInput> Areas);
