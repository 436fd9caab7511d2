namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>What a column means to disclosure control (publicatie §4).</summary>
public enum ColumnRole
{
    /// <summary>An ordinary value.</summary>
    Value,

    /// <summary>A count of people (<c>deelnemers</c>, <c>paren</c>): emptied when from 1 to k_min − 1.</summary>
    PeopleCount,

    /// <summary>The <c>onderdrukt</c> flag: true when a cell of the row was emptied.</summary>
    SuppressionFlag,
}
