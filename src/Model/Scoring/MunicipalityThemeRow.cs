
namespace Preventiemonitor.Model.Scoring;

public sealed record MunicipalityThemeRow(
    string Gemeente,
    string Thema,
    int Programmas,
    long Deelnemers,
    double? Score,
    RandomEffect? Effect,
    int Paren,
    long? Bevolking,
    double? BereikPct);
