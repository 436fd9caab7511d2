namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>The type of a published column (also the Frictionless Table Schema type).</summary>
public enum ColumnType
{
    Text,
    Integer,
    Number,
    Boolean,
    DateTime,
}
