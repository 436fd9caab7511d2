using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>Rules of the population reference (aanleverformaat §2.3).</summary>
public static class BevolkingValidator
{
    public static RowResult<BevolkingRecord> Validate(RawRow row, ValidationContext context)
    {
        var c = new RowCells(row, context.Mapping, context.DecimalCommaAllowed, context.Format);
        var gemeente = CommonRules.Gemeente(c, context);
        var jaar = c.Integer("jaar", true, 1900, CommonRules.LastYear);
        var leeftijd = c.Integer("leeftijd", true, 0, 23);
        var aantal = c.Integer("aantal", true, 0, int.MaxValue);
        return c.HasIssues
            ? new RowResult<BevolkingRecord>(null, c.Issues)
            : new RowResult<BevolkingRecord>(new BevolkingRecord(row.RowNumber, gemeente!, jaar!.Value, leeftijd!.Value, aantal!.Value), []);
    }
}
