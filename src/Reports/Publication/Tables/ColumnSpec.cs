namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// A published column: its CSV name, type, Dutch header for the workbook, Dutch description for the
/// data package, decimals for numbers (methode-v1 §7), whether its text comes from deliveries (then the
/// workbook always writes it as text, never as a formula), its role for disclosure control and, for a
/// statistic, the people count it is computed from (emptied together with that count, publicatie §4).
/// <see cref="LessThanInWorkbook"/>: a value that rounds to zero is shown in the workbook as
/// <c>&lt; 0.0001</c> (one unit of the last decimal; the CSV writes <c>0.0000</c>), as methode-v2 §10 asks of <c>p_verschil</c>.
/// </summary>
public sealed record ColumnSpec(
    string Name,
    ColumnType Type,
    string Header,
    string Description,
    int Decimals = 0,
    bool Delivered = false,
    ColumnRole Role = ColumnRole.Value,
    string? ComputedFrom = null,
    bool LessThanInWorkbook = false);
