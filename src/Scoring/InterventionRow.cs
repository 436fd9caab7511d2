namespace Preventiemonitor.Scoring;

/// <summary>An intervention of the national list in use as <see cref="ScoreRunService"/> reads it (Dapper).</summary>
internal sealed class InterventionRow
{
    public long LeveringId { get; set; }

    public string InterventieId { get; set; } = string.Empty;

    public string Naam { get; set; } = string.Empty;

    public string Databank { get; set; } = string.Empty;

    public string Erkenning { get; set; } = string.Empty;

    public string Doelgroep { get; set; } = string.Empty;

    public int LeeftijdVan { get; set; }

    public int LeeftijdTot { get; set; }

    public string ThemaPrimair { get; set; } = string.Empty;

    public string[] ThemasSecundair { get; set; } = [];

    public string? Url { get; set; }
}
