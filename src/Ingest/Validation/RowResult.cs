namespace Preventiemonitor.Ingest.Validation;

/// <summary>The outcome of one row: a record, or the reasons it is rejected.</summary>
public readonly record struct RowResult<T>(T? Record, IReadOnlyList<RowIssue> Issues)
    where T : class
{
    public bool IsValid => Record is not null;
}
