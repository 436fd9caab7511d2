namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// A published column: its CSV name, type, Dutch header for the workbook, Dutch description for the
/// data package, decimals for numbers (methode-v1 §7), whether its text comes from deliveries (then the
/// workbook always writes it as text, never as a formula), its role for disclosure control and, for a
/// statistic, the people count it is computed from (emptied together with that count, publicatie §4).
/// </summary>
public sealed record ColumnSpec(
    string Name,
    ColumnType Type,
    string Header,
    string Description,
    int Decimals = 0,
    bool Delivered = false,
    ColumnRole Role = ColumnRole.Value,
    string? ComputedFrom = null);
