namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of witte_vlekken.csv: a municipality (or REGIO), theme and age band (methode-v1 §5).</summary>
public sealed record WitteVlekRow
{
    private static readonly ColumnsOf<WitteVlekRow> C = new();

    public static readonly TableDefinition<WitteVlekRow> Table = new("witte_vlekken", "Witte vlekken per gemeente, thema en leeftijdsgroep", "Witte vlekken",
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.Thema(r => r.Thema),
        C.Leeftijdsgroep(r => r.Leeftijdsgroep),
        C.Integer("programmas", "Programma's", "Programma's op het thema waarvan de leeftijden de groep overlappen", r => r.Programmas),
        C.Text("beste_erkenning", "Beste erkenning", "Hoogste erkenningsniveau onder die programma's", r => r.BesteErkenning),
        C.Integer("effectief", "Effectief", "Programma's met erkenning ≥ effectief_eerste of een effect met ondergrens boven 0", r => r.Effectief),
        C.Text("status", "Status", "geen_aanbod, geen_bewezen_effectief_aanbod of effectief_aanbod", r => r.Status),
    ], ["gemeente", "jaar", "thema", "leeftijdsgroep"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string Thema { get; init; }

    public required string Leeftijdsgroep { get; init; }

    public required int Programmas { get; init; }

    public string? BesteErkenning { get; init; }

    public required int Effectief { get; init; }

    public required string Status { get; init; }
}
