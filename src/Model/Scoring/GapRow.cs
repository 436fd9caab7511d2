
namespace Preventiemonitor.Model.Scoring;

public sealed record GapRow(string Gemeente, string Thema, string Leeftijdsgroep, int Programmas, string? BesteErkenning, int Effectief, string Status);
