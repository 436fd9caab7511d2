
namespace Preventiemonitor.Model.Scoring;

public sealed record ProgrammeThemeRow(
    string Gemeente,
    string ProgrammaId,
    string Thema,
    double Relevantie,
    string Erkenning,
    double Evidentie,
    PooledEffect? Effect,
    double? O,
    int Paren,
    int Deelnemers,
    double Score,
    string Label);
