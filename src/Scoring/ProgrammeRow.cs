namespace Preventiemonitor.Scoring;

/// <summary>A programme of the current inventory as <see cref="ScoreRunService"/> reads it (Dapper).</summary>
internal sealed class ProgrammeRow
{
    public long LeveringId { get; set; }

    public string Gemeente { get; set; } = string.Empty;

    public string ProgrammaId { get; set; } = string.Empty;

    public string Naam { get; set; } = string.Empty;

    public string ThemaPrimair { get; set; } = string.Empty;

    public string[] ThemasSecundair { get; set; } = [];

    public string Erkenning { get; set; } = string.Empty;

    public int Deelnemers { get; set; }

    public int LeeftijdVan { get; set; }

    public int LeeftijdTot { get; set; }

    public string Doelgroep { get; set; } = string.Empty;

    public string? Preventietype { get; set; }
}
