namespace Preventiemonitor.Ingest.Validation;

/// <summary>Why a row (or a cell of it) is rejected: column, value as delivered, and a Dutch reason.</summary>
public sealed record RowIssue(string? Column, string? Value, string Reason);
