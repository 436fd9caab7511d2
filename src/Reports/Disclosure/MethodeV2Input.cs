namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The tables of methode-v2 §10 as the disclosure engine reads them, unsuppressed and unrounded:
/// duurzaamheid_effecten → <see cref="Instruments"/>, duurzaamheid_programma_thema →
/// <see cref="ProgrammeThemes"/>, duurzaamheid_gemeente_thema → <see cref="Areas"/>,
/// effecten_doelgroep → <see cref="Groups"/>, and each programme's groups from programmas.csv (R10).
/// </summary>
public sealed record MethodeV2Input(
    IReadOnlyList<DurabilityInstrumentInput> Instruments,
    IReadOnlyList<DurabilityProgrammeThemeInput> ProgrammeThemes,
    IReadOnlyList<DurabilityAreaInput> Areas,
    IReadOnlyList<TargetGroupInput> Groups,
    IReadOnlyList<ProgrammeGroupsInput> Programmes);
