using System.Linq.Expressions;

namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// Declares the columns of a row record: each call names the CSV column, its type, Dutch header and
/// description, and the record property it publishes. The columns several tables share (gemeente,
/// jaar, thema, …) are declared here once.
/// </summary>
public sealed class ColumnsOf<TRow>
{
    public TableColumn<TRow> Text(string name, string header, string description, Expression<Func<TRow, string?>> property, bool delivered = false) =>
        new(new ColumnSpec(name, ColumnType.Text, header, description, Delivered: delivered), property);

    public TableColumn<TRow> Integer(string name, string header, string description, Expression<Func<TRow, long?>> property) =>
        new(new ColumnSpec(name, ColumnType.Integer, header, description), property);

    /// <summary>A count of people (publicatie §4).</summary>
    public TableColumn<TRow> PeopleCount(string name, string header, string description, Expression<Func<TRow, long?>> property) =>
        new(new ColumnSpec(name, ColumnType.Integer, header, description, Role: ColumnRole.PeopleCount), property);

    /// <summary>A number with <paramref name="decimals"/> decimals (methode-v1 §7); <paramref name="computedFrom"/> names the people count it is emptied with.</summary>
    public TableColumn<TRow> Number(string name, int decimals, string header, string description, Expression<Func<TRow, double?>> property, string? computedFrom = null) =>
        new(new ColumnSpec(name, ColumnType.Number, header, description, decimals, ComputedFrom: computedFrom), property);

    /// <summary>A p-value with <paramref name="decimals"/> decimals: one that rounds to zero shows in the workbook as <c>&lt; 0.0001</c> (methode-v2 §10).</summary>
    public TableColumn<TRow> PValue(string name, int decimals, string header, string description, Expression<Func<TRow, double?>> property) =>
        new(new ColumnSpec(name, ColumnType.Number, header, description, decimals, LessThanInWorkbook: true), property);

    public TableColumn<TRow> Boolean(string name, string header, string description, Expression<Func<TRow, bool>> property) =>
        new(new ColumnSpec(name, ColumnType.Boolean, header, description), property);

    public TableColumn<TRow> DateTime(string name, string header, string description, Expression<Func<TRow, DateTimeOffset>> property) =>
        new(new ColumnSpec(name, ColumnType.DateTime, header, description), property);

    public TableColumn<TRow> Gemeente(Expression<Func<TRow, string?>> property) =>
        Text("gemeente", "Gemeente (code)", "CBS-code van de gemeente, of REGIO voor Maastricht-Heuvelland", property);

    public TableColumn<TRow> GemeenteNaam(Expression<Func<TRow, string?>> property) =>
        Text("gemeente_naam", "Gemeente", "Naam van de gemeente of de regio", property);

    public TableColumn<TRow> Jaar(Expression<Func<TRow, long?>> property) =>
        Integer("jaar", "Jaar", "Jaar van de programma's en metingen", property);

    public TableColumn<TRow> ProgrammaId(Expression<Func<TRow, string?>> property) =>
        Text("programma_id", "Programma-id", "Eigen id van het programma bij de gemeente", property, delivered: true);

    public TableColumn<TRow> Thema(Expression<Func<TRow, string?>> property) =>
        Text("thema", "Thema", "Themacode (aanleverformaat §1)", property);

    public TableColumn<TRow> Leeftijdsgroep(Expression<Func<TRow, string?>> property) =>
        Text("leeftijdsgroep", "Leeftijdsgroep", "Leeftijdsgroep van de jeugdigen: 0-3, 4-11, 12-17 of 18-23", property);

    /// <summary>The <c>onderdrukt</c> flag (publicatie §4); disclosure control sets it for every row with an emptied cell.</summary>
    public TableColumn<TRow> Onderdrukt(Expression<Func<TRow, bool>> property) =>
        new(new ColumnSpec("onderdrukt", ColumnType.Boolean, "Onderdrukt",
            "true als cellen van deze rij zijn leeggemaakt omdat ze minder dan k_min mensen beschrijven (publicatie §4)", Role: ColumnRole.SuppressionFlag), property);
}
