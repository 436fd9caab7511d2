namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of programmas.csv: a programme of the inventory as accepted (publicatie §2).</summary>
public sealed record ProgrammaRow
{
    private static readonly ColumnsOf<ProgrammaRow> C = new();

    public static readonly TableDefinition<ProgrammaRow> Table = new("programmas", "Programma's (inventaris zoals geaccepteerd)", "Programma's",
    [
        C.Gemeente(r => r.Gemeente),
        C.GemeenteNaam(r => r.GemeenteNaam),
        C.Jaar(r => r.Jaar),
        C.ProgrammaId(r => r.ProgrammaId),
        C.Text("naam", "Naam", "Naam van het programma", r => r.Naam, delivered: true),
        C.Text("aanbieder", "Aanbieder", "Aanbieder van het programma", r => r.Aanbieder, delivered: true),
        C.Text("doelgroep", "Doelgroep", "jeugdigen, ouders of beide", r => r.Doelgroep),
        C.Integer("leeftijd_van", "Leeftijd van", "Laagste leeftijd van de jeugdigen (bij ouders: van hun kinderen)", r => r.LeeftijdVan),
        C.Integer("leeftijd_tot", "Leeftijd tot", "Hoogste leeftijd van de jeugdigen", r => r.LeeftijdTot),
        C.Text("thema_primair", "Primair thema", "Primair thema", r => r.ThemaPrimair),
        C.Text("themas_secundair", "Secundaire thema's", "Secundaire thema's, gescheiden door |", r => r.ThemasSecundair),
        C.Text("erkenning", "Erkenning", "Erkenningsniveau zoals de gemeente het opgaf", r => r.Erkenning),
        C.Text("preventietype", "Preventietype", "universeel, selectief of geindiceerd", r => r.Preventietype),
        C.PeopleCount("deelnemers", "Deelnemers", "Unieke deelnemers in het jaar (bereik)", r => r.Deelnemers),
        C.Number("budget_eur", 2, "Budget (€)", "Budget in euro", r => r.BudgetEur),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "programma_id"]);

    public required string Gemeente { get; init; }

    public required string GemeenteNaam { get; init; }

    public required int Jaar { get; init; }

    public required string ProgrammaId { get; init; }

    public required string Naam { get; init; }

    public string? Aanbieder { get; init; }

    public required string Doelgroep { get; init; }

    public required int LeeftijdVan { get; init; }

    public required int LeeftijdTot { get; init; }

    public required string ThemaPrimair { get; init; }

    /// <summary>Secondary theme codes in the theme order of aanleverformaat §1, joined by <c>|</c>; null when none.</summary>
    public string? ThemasSecundair { get; init; }

    public required string Erkenning { get; init; }

    public string? Preventietype { get; init; }

    public long? Deelnemers { get; init; }

    public double? BudgetEur { get; init; }

    public bool Onderdrukt { get; init; }
}
